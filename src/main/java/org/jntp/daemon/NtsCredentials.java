package org.jntp.daemon;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The NTS-KE server's TLS identity from PEM files, as NTPsec's {@code nts cert} and {@code nts key}
 * name them: the certificate chain, server certificate first, and its unencrypted PKCS#8 private key
 * ({@code BEGIN PRIVATE KEY}) of type RSA, EC, Ed25519 or Ed448.
 */
final class NtsCredentials {
    private static final Pattern PRIVATE_KEY =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

    private NtsCredentials() {}

    /**
     * A TLS context that presents this chain and key.
     *
     * @throws IOException naming the file that cannot be read or used, and why
     */
    static SSLContext serverContext(Path certificateFile, Path keyFile) throws IOException {
        PrivateKey key = privateKey(keyFile);
        List<? extends Certificate> chain = certificates(certificateFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("nts", key, new char[0], chain.toArray(Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, new char[0]);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("nts key " + keyFile + " does not fit nts cert " + certificateFile + ": "
                    + e.getMessage(), e);
        }
    }

    private static List<? extends Certificate> certificates(Path file) throws IOException {
        try {
            List<? extends Certificate> chain = List.copyOf(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(read(file, "nts cert"))));
            if (chain.isEmpty()) {
                throw new IOException("nts cert " + file + " holds no certificate");
            }
            return chain;
        } catch (GeneralSecurityException e) {
            throw new IOException("nts cert " + file + " is not a PEM certificate chain: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file, String directive) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException(directive + " " + file + " cannot be read: " + e, e);
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        Matcher pem = PRIVATE_KEY.matcher(new String(read(file, "nts key"), StandardCharsets.US_ASCII));
        if (!pem.find()) {
            throw new IOException("nts key " + file + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY);"
                    + " convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW");
        }
        PKCS8EncodedKeySpec spec;
        try {
            spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem.group(1)));
        } catch (IllegalArgumentException e) {
            throw new IOException("nts key " + file + ": the key is not base64", e);
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // not a key of this algorithm: try the next
            }
        }
        throw new IOException("nts key " + file + " is not an RSA, EC, Ed25519 or Ed448 private key");
    }
}
