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

/**
 * A self-signed EC certificate for localhost and 127.0.0.1 that keytool makes, written as the PEM
 * files {@code nts cert} and {@code nts key} read; the certificate file is also the {@code ca}
 * file a client trusts it with.
 */
public record TestCertificate(Path certificateFile, Path keyFile) {
    private static final String PASSWORD = "nts-test";

    /** A certificate valid from now for two days. */
    public static TestCertificate make(Path directory) throws IOException, InterruptedException,
            GeneralSecurityException {
        return make(directory, List.of("-validity", "2"));
    }

    /** A certificate that expired in 2001, for the checks of its dates. */
    public static TestCertificate expired(Path directory) throws IOException, InterruptedException,
            GeneralSecurityException {
        return make(directory, List.of("-startdate", "2000/01/01 00:00:00", "-validity", "2"));
    }

    private static TestCertificate make(Path directory, List<String> validity) throws IOException,
            InterruptedException, GeneralSecurityException {
        Files.createDirectories(directory);
        Path store = directory.resolve("nts.p12");
        List<String> generate = new ArrayList<>(List.of("-genkeypair", "-alias", "nts", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
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
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
    }
}
