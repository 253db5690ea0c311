package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the NTS-KE server says of PEM files it cannot use; the loopback test loads good ones. */
class NtsCredentialsTest {
    @TempDir
    Path directory;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name), text);
    }

    @Test
    void refusesCertificateFileWithoutCertificate() throws IOException, GeneralSecurityException {
        Path certificate = file("cert.pem", "nothing here\n");
        byte[] ecKey = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded();
        Path key = file("key.pem", "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(ecKey)
                + "\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> NtsCredentials.serverContext(certificate, key))
                .isInstanceOf(IOException.class).hasMessageContaining("nts cert " + certificate);
    }

    @Test
    void namesTheFileThatCannotBeRead() {
        Path missing = directory.resolve("missing.pem");

        assertThatThrownBy(() -> NtsCredentials.serverContext(directory.resolve("cert.pem"), missing))
                .isInstanceOf(IOException.class).hasMessageStartingWith("nts key " + missing + " cannot be read");
    }

    @Test
    void refusesTraditionalKeyNamingTheConversion() throws IOException {
        Path key = file("key.pem", "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");

        assertThatThrownBy(() -> NtsCredentials.serverContext(directory.resolve("unused.pem"), key))
                .isInstanceOf(IOException.class).hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void refusesKeyThatIsNoKey() throws IOException {
        Path key = file("key.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> NtsCredentials.serverContext(directory.resolve("unused.pem"), key))
                .isInstanceOf(IOException.class).hasMessageContaining("is not an RSA, EC, Ed25519 or Ed448 private key");
    }
}
