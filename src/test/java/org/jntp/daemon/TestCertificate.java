package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A self-signed EC certificate for localhost, 127.0.0.1 and 127.0.0.2, written as the PEM
 * files {@code nts cert} and {@code nts key} read; the certificate file is also the {@code ca}
 * file a client trusts it with.
 */
public record TestCertificate(Path certificateFile, Path keyFile) {
    private static final String PASSWORD = "nts-test";

    /** A certificate valid from now for two days. */
    /** The ntp.conf lines (ours, as NTPsec's) of an NTS server with this certificate, its master keys in {@code cookieFile}. */
    public String ntsServerLines(Path cookieFile) {
        return "nts enable\nnts cert " + certificateFile + "\nnts key " + keyFile + "\nnts cookie " + cookieFile + "\n";
    }

    public static TestCertificate make(Path directory) throws IOException, InterruptedException,
            GeneralSecurityException {
        return make(directory, List.of("-validity", "2"));
    }

    /** A certificate that expired in 2001, for the checks of its dates. */
    public static TestCertificate expired(Path directory) throws IOException, InterruptedException,
            GeneralSecurityException {
        return make(directory, List.of("-startdate", "2000/01/01 00:00:00", "-validity", "2"));
    }

    /**
     * A certificate valid from now for two days that openssl makes: GnuTLS (chrony) does not read
     * the EC key keytool writes ("ASN1 parser: Element was not found"), but reads openssl's.
     */
    public static TestCertificate withOpenssl(Path directory) throws IOException, InterruptedException {
        return withOpenssl(directory, List.of("127.0.0.1", "127.0.0.2"));
    }

    /**
     * As {@link #withOpenssl(Path)}, for localhost and the given IP addresses: NTPsec's client
     * checks the address it connects to against the certificate's IP entries.
     */
    public static TestCertificate withOpenssl(Path directory, List<String> ipAddresses) throws IOException,
            InterruptedException {
        Files.createDirectories(directory);
        Path certificateFile = directory.resolve("cert.pem");
        Path keyFile = directory.resolve("key.pem");
        String names = "DNS:localhost" + ipAddresses.stream().map(ip -> ",IP:" + ip).collect(Collectors.joining());
        run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", keyFile.toString(), "-out", certificateFile.toString(), "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=" + names));
        return new TestCertificate(certificateFile, keyFile);
    }

    private static TestCertificate make(Path directory, List<String> validity) throws IOException,
            InterruptedException, GeneralSecurityException {
        Files.createDirectories(directory);
        Path store = directory.resolve("nts.p12");
        List<String> generate = new ArrayList<>(List.of("-genkeypair", "-alias", "nts", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:127.0.0.2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
        generate.addAll(validity);
        keytool(generate);
        Path certificateFile = directory.resolve("cert.pem");
        keytool(List.of("-exportcert", "-rfc", "-alias", "nts", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", certificateFile.toString()));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) keys.getKey("nts", PASSWORD.toCharArray());
        Path keyFile = directory.resolve("key.pem");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        return new TestCertificate(certificateFile, keyFile);
    }

    private static void keytool(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(arguments);
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }
}
