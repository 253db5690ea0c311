package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.jntp.nts.CookieCodec;
import org.jntp.nts.KeRecord;
import org.jntp.nts.KeRecords;
import org.jntp.nts.KeResponder;
import org.jntp.nts.KeResult;
import org.jntp.nts.KeTls;
import org.jntp.nts.KeyExport;
import org.jntp.nts.MasterKeyRing;
import org.jntp.nts.SessionKeys;
import org.jntp.server.Counter;
import org.jntp.server.SharedCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NTS-KE server on loopback, with a certificate and key that keytool makes, as PEM files. */
class NtsKeServerTest {
    private static final byte[] CHRONY_REQUEST = HexFormat.of().parseHex("80010002000080040004001e000f80000000");

    private static Path certificateFile;
    private static Path keyFile;
    private static SSLContext clientContext;

    private final Random random = new Random(4460);
    private final MasterKeyRing ring = MasterKeyRing.create(1_764_000_000, random);
    private final SharedCounters counters = new SharedCounters();
    private final EventLog log = TestLogs.silent();
    private NtsKeServer server;

    @BeforeAll
    static void makeCredentials(@TempDir Path directory) throws IOException, InterruptedException, GeneralSecurityException {
        TestCertificate certificate = TestCertificate.make(directory);
        certificateFile = certificate.certificateFile();
        keyFile = certificate.keyFile();
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificateFile)) {
            trusted.setCertificateEntry("nts", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);
    }

    @BeforeEach
    void startServer() throws IOException {
        server = NtsKeServer.bind(NtsCredentials.serverContext(certificateFile, keyFile),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), List.of(),
                new KeResponder(Optional.empty(), OptionalInt.empty()), () -> ring, random, counters, log);
        server.serve();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private SSLSocket connect(SSLParameters parameters) throws IOException {
        SSLSocket socket = (SSLSocket) clientContext.getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(20_000);
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static byte[] exchange(SSLSocket socket, byte[] request) throws IOException {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
        return socket.getInputStream().readAllBytes();
    }

    @Test
    void warmUpCompletesAKeyExchangeWithTheServerItself() {
        KeResult result = server.warmUp();

        assertThat(result).isInstanceOfSatisfying(KeResult.Established.class,
                established -> assertThat(established.cookies()).hasSize(8));
    }

    @Test
    void givesEightCookiesHoldingTheKeysTheClientExports() throws IOException {
        try (SSLSocket socket = connect(KeTls.restrict(clientContext.getDefaultSSLParameters()))) {
            byte[] response = exchange(socket, CHRONY_REQUEST);
            SessionKeys clientKeys = KeyExport.sessionKeys((ExtendedSSLSession) socket.getSession(), 15);

            List<KeRecord> records = ((KeRecords.Message) KeRecords.decode(response)).records();
            List<KeRecord> cookies = records.stream().filter(record -> record.type() == 5).toList();
            assertThat(cookies).hasSize(8).allSatisfy(cookie ->
                    assertThat(CookieCodec.open(cookie.body(), ring))
                            .isEqualTo(new CookieCodec.Opened(clientKeys, MasterKeyRing.Age.CURRENT)));
        }
    }

    @Test
    void answersBadRequestToAMalformedRequest() throws IOException {
        try (SSLSocket socket = connect(KeTls.restrict(clientContext.getDefaultSSLParameters()))) {
            byte[] response = exchange(socket, HexFormat.of().parseHex("0001000200008000" + "0000"));

            assertThat(response).isEqualTo(HexFormat.of().parseHex("800200020001" + "80000000"));
        }
    }

    @Test
    void dropsARequestThatFillsTheBufferWithoutEndOfMessage() throws IOException {
        byte[] records = new byte[NtsKeServer.MAX_REQUEST_OCTETS];
        for (int at = 0; at < records.length; at += 1024) {
            records[at] = 0x40;
            records[at + 2] = (byte) (1020 >>> 8);
            records[at + 3] = (byte) 1020;
        }
        try (SSLSocket socket = connect(KeTls.restrict(clientContext.getDefaultSSLParameters()))) {
            assertThat(exchange(socket, records)).isEmpty();
        }
    }

    @Test
    void answersAClientWithoutNtskeAlpnWithNothing() throws IOException {
        SSLParameters noAlpn = clientContext.getDefaultSSLParameters();
        noAlpn.setProtocols(new String[] {"TLSv1.3"});
        try (SSLSocket socket = connect(noAlpn)) {
            assertThat(exchange(socket, CHRONY_REQUEST)).isEmpty();
        }
    }

    /** The count once the connection's thread has counted, which it does after the client has its answer. */
    private long countOnceServed(Counter counter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (counters.get(counter) == 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        return counters.get(counter);
    }

    @Test
    void countsAnExchangeThatGaveCookiesAsServedGood() throws InterruptedException {
        server.warmUp();

        assertThat(countOnceServed(Counter.NTS_KE_SERVED_GOOD)).isOne();
        assertThat(counters.get(Counter.NTS_KE_SERVED_BAD)).isZero();
    }

    @Test
    void countsTheCookiesItGaveAsMade() throws InterruptedException {
        server.warmUp();

        countOnceServed(Counter.NTS_KE_SERVED_GOOD);
        assertThat(counters.get(Counter.NTS_COOKIE_MADE)).isEqualTo(KeResponder.COOKIES);
    }

    @Test
    void countsAMalformedRequestAsServedBad() throws IOException, InterruptedException {
        try (SSLSocket socket = connect(KeTls.restrict(clientContext.getDefaultSSLParameters()))) {
            exchange(socket, HexFormat.of().parseHex("0001000200008000" + "0000"));
        }

        assertThat(countOnceServed(Counter.NTS_KE_SERVED_BAD)).isOne();
        assertThat(counters.get(Counter.NTS_KE_SERVED_GOOD)).isZero();
    }

    @Test
    void countsAClientWithoutNtskeAlpnAsServedBad() throws IOException, InterruptedException {
        SSLParameters noAlpn = clientContext.getDefaultSSLParameters();
        noAlpn.setProtocols(new String[] {"TLSv1.3"});
        try (SSLSocket socket = connect(noAlpn)) {
            exchange(socket, CHRONY_REQUEST);
        }

        assertThat(countOnceServed(Counter.NTS_KE_SERVED_BAD)).isOne();
    }

    @Test
    void countsAFailedHandshakeAsServedBad() throws InterruptedException {
        SSLParameters tls12 = clientContext.getDefaultSSLParameters();
        tls12.setProtocols(new String[] {"TLSv1.2"});
        tls12.setApplicationProtocols(new String[] {KeTls.ALPN});
        assertThatThrownBy(() -> connect(tls12).close()).isInstanceOf(SSLException.class);

        assertThat(countOnceServed(Counter.NTS_KE_SERVED_BAD)).isOne();
    }

    @Test
    void refusesTls12() {
        SSLParameters tls12 = clientContext.getDefaultSSLParameters();
        tls12.setProtocols(new String[] {"TLSv1.2"});
        tls12.setApplicationProtocols(new String[] {KeTls.ALPN});

        assertThatThrownBy(() -> connect(tls12).close()).isInstanceOf(SSLException.class);
    }
}
