package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key export across a TLS 1.3 handshake between two in-memory engines, with a certificate keytool makes. */
class KeyExportTest {
    private static final char[] PASSWORD = "nts-test".toCharArray();

    private static SSLContext context;

    @BeforeAll
    static void makeCertificate(@TempDir Path directory) throws IOException, InterruptedException, GeneralSecurityException {
        Path store = directory.resolve("nts.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "nts", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        keytool.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(keys);
        context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
    }

    private static SSLEngine engine(boolean client, SSLParameters parameters) {
        SSLEngine engine = client ? context.createSSLEngine("localhost", KeTls.PORT) : context.createSSLEngine();
        engine.setUseClientMode(client);
        engine.setSSLParameters(parameters);
        return engine;
    }

    private static SSLEngine ntsEngine(boolean client) {
        return engine(client, KeTls.restrict(context.getDefaultSSLParameters()));
    }

    @Test
    void bothEndsExportTheSameKeys() throws SSLException {
        SSLEngine client = ntsEngine(true);
        SSLEngine server = ntsEngine(false);
        handshake(client, server);

        SessionKeys clientKeys = KeyExport.sessionKeys((ExtendedSSLSession) client.getSession(), 15);
        SessionKeys serverKeys = KeyExport.sessionKeys((ExtendedSSLSession) server.getSession(), 15);

        assertThat(clientKeys).isEqualTo(serverKeys);
        assertThat(clientKeys.c2s()).isNotEqualTo(clientKeys.s2c());
    }

    @Test
    void handshakesOverTls13WithNtskeAlpn() throws SSLException {
        SSLEngine client = ntsEngine(true);
        SSLEngine server = ntsEngine(false);
        handshake(client, server);

        assertThat(server.getSession().getProtocol()).isEqualTo("TLSv1.3");
        assertThat(server.getApplicationProtocol()).isEqualTo("ntske/1");
        assertThat(client.getApplicationProtocol()).isEqualTo("ntske/1");
    }

    @Test
    void eachHandshakeExportsOtherKeys() throws SSLException {
        SSLEngine first = ntsEngine(true);
        handshake(first, ntsEngine(false));
        SSLEngine second = ntsEngine(true);
        handshake(second, ntsEngine(false));

        assertThat(KeyExport.sessionKeys((ExtendedSSLSession) first.getSession(), 15))
                .isNotEqualTo(KeyExport.sessionKeys((ExtendedSSLSession) second.getSession(), 15));
    }

    @Test
    void refusesTls12Client() {
        SSLParameters tls12 = context.getDefaultSSLParameters();
        tls12.setProtocols(new String[] {"TLSv1.2"});
        SSLEngine client = engine(true, tls12);

        assertThatThrownBy(() -> handshake(client, ntsEngine(false))).isInstanceOf(SSLException.class);
    }

    /** Runs the handshake by passing each engine's output to the other, a bounded number of times. */
    private static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
        ByteBuffer clientToServer = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        ByteBuffer serverToClient = ByteBuffer.allocate(server.getSession().getPacketBufferSize());
        ByteBuffer clientApp = ByteBuffer.allocate(client.getSession().getApplicationBufferSize());
        ByteBuffer serverApp = ByteBuffer.allocate(server.getSession().getApplicationBufferSize());
        client.beginHandshake();
        server.beginHandshake();
        for (int step = 0; step < 100 && !(finished(client) && finished(server)); step++) {
            advance(client, serverToClient, clientToServer, clientApp);
            advance(server, clientToServer, serverToClient, serverApp);
        }
        assertThat(finished(client) && finished(server)).as("handshake finished").isTrue();
    }

    private static boolean finished(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }

    private static void advance(SSLEngine engine, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws SSLException {
        switch (engine.getHandshakeStatus()) {
            case NEED_WRAP -> engine.wrap(ByteBuffer.allocate(0), out);
            case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                in.flip();
                engine.unwrap(in, app);
                in.compact();
            }
            case NEED_TASK -> {
                for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                    task.run();
                }
            }
            case NOT_HANDSHAKING, FINISHED -> { }
        }
    }
}
