package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.jntp.config.AssociationFlag;
import org.jntp.config.AssociationOptions;
import org.jntp.config.NtsSettings;
import org.jntp.nts.CookieCodec;
import org.jntp.nts.KeResponder;
import org.jntp.nts.KeResult;
import org.jntp.nts.MasterKeyRing;
import org.jntp.server.SharedCounters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NTS-KE client against our NTS-KE server on loopback. */
class NtsKeClientTest {
    private static TestCertificate certificate;
    private static TestCertificate expired;
    private static TestCertificate stranger;

    private final Random random = new Random(8915);
    private final MasterKeyRing ring = MasterKeyRing.create(1_764_000_000, random);
    private final EventLog log = TestLogs.silent();
    private NtsKeServer server;

    @BeforeAll
    static void makeCertificates(@TempDir Path directory) throws IOException, InterruptedException,
            GeneralSecurityException {
        certificate = TestCertificate.make(directory.resolve("valid"));
        expired = TestCertificate.expired(directory.resolve("expired"));
        stranger = TestCertificate.make(directory.resolve("stranger"));
    }

    @AfterEach
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private int serve(TestCertificate identity, Optional<String> ntpServer, OptionalInt ntpPort) throws IOException {
        return serve(identity, ntpServer, ntpPort, List.of());
    }

    private int serve(TestCertificate identity, Optional<String> ntpServer, OptionalInt ntpPort,
            List<String> cipherSuites) throws IOException {
        server = NtsKeServer.bind(NtsCredentials.serverContext(identity.certificateFile(), identity.keyFile()),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), cipherSuites,
                new KeResponder(ntpServer, ntpPort), () -> ring, random, new SharedCounters(), log);
        server.serve();
        return server.port();
    }

    private static AssociationOptions trusting(TestCertificate ca, AssociationFlag... flags) {
        AssociationOptions none = AssociationOptions.none();
        return new AssociationOptions(Set.of(flags), none.minPollLog2(), none.maxPollLog2(), none.version(),
                none.key(), none.mode(), none.ttl(), Optional.of(ca.certificateFile().toString()));
    }

    private static NtsSettings withoutCertTimeCheck() {
        NtsSettings none = NtsSettings.none();
        return new NtsSettings(false, none.certFile(), none.keyFile(), none.cookieFile(), none.caFile(),
                none.tlsCipherSuites(), false, none.kePort());
    }

    @Test
    void getsEightCookiesThatCarryTheExportedKeys() throws IOException {
        int port = serve(certificate, Optional.empty(), OptionalInt.empty());

        KeResult result = NtsKeClient.forSource(trusting(certificate), NtsSettings.none()).exchange("127.0.0.1", port);

        assertThat(result).isInstanceOfSatisfying(KeResult.Established.class, established -> {
            assertThat(established.cookies()).hasSize(8).allSatisfy(cookie -> assertThat(CookieCodec.open(cookie, ring))
                    .isEqualTo(new CookieCodec.Opened(established.keys(), MasterKeyRing.Age.CURRENT)));
            assertThat(established.ntpServer()).isEqualTo("127.0.0.1");
            assertThat(established.ntpPort()).isEqualTo(123);
        });
    }

    @Test
    void checksTheCertificateNamesTheHostByDnsName() throws IOException {
        int port = serve(certificate, Optional.empty(), OptionalInt.empty());

        assertThat(NtsKeClient.forSource(trusting(certificate), NtsSettings.none()).exchange("localhost", port))
                .isInstanceOf(KeResult.Established.class);
    }

    @Test
    void takesTheNtpServerAndPortTheServerNames() throws IOException {
        int port = serve(certificate, Optional.of("ntp.example"), OptionalInt.of(1123));

        KeResult result = NtsKeClient.forSource(trusting(certificate), NtsSettings.none()).exchange("127.0.0.1", port);

        assertThat(result).isInstanceOfSatisfying(KeResult.Established.class, established -> {
            assertThat(established.ntpServer()).isEqualTo("ntp.example");
            assertThat(established.ntpPort()).isEqualTo(1123);
        });
    }

    @Test
    void failsWhenTheCertificateIsNotSignedByTheCa() throws IOException {
        int port = serve(stranger, Optional.empty(), OptionalInt.empty());

        assertThat(NtsKeClient.forSource(trusting(certificate), NtsSettings.none()).exchange("127.0.0.1", port))
                .isInstanceOf(KeResult.Failed.class);
    }

    @Test
    void novalAcceptsAnyCertificate() throws IOException {
        int port = serve(stranger, Optional.empty(), OptionalInt.empty());

        KeResult result = NtsKeClient.forSource(trusting(certificate, AssociationFlag.NTS, AssociationFlag.NOVAL),
                NtsSettings.none()).exchange("127.0.0.1", port);

        assertThat(result).isInstanceOf(KeResult.Established.class);
    }

    @Test
    void failsWhenTheCertificateHasExpired() throws IOException {
        int port = serve(expired, Optional.empty(), OptionalInt.empty());

        assertThat(NtsKeClient.forSource(trusting(expired), NtsSettings.none()).exchange("127.0.0.1", port))
                .isInstanceOf(KeResult.Failed.class);
    }

    @Test
    void nocerttimecheckAcceptsAnExpiredCertificateOfATrustedCa() throws IOException {
        int port = serve(expired, Optional.empty(), OptionalInt.empty());

        assertThat(NtsKeClient.forSource(trusting(expired), withoutCertTimeCheck()).exchange("127.0.0.1", port))
                .isInstanceOf(KeResult.Established.class);
    }

    @Test
    void nocerttimecheckStillChecksTheCa() throws IOException {
        int port = serve(stranger, Optional.empty(), OptionalInt.empty());

        assertThat(NtsKeClient.forSource(trusting(certificate), withoutCertTimeCheck()).exchange("127.0.0.1", port))
                .isInstanceOf(KeResult.Failed.class);
    }

    private static NtsSettings cipherSuites(String... suites) {
        NtsSettings none = NtsSettings.none();
        return new NtsSettings(false, none.certFile(), none.keyFile(), none.cookieFile(), none.caFile(),
                List.of(suites), true, none.kePort());
    }

    @Test
    void clientAndServerKeepToTheCipherSuitesOfNtsTlsciphersuites() throws IOException {
        int port = serve(certificate, Optional.empty(), OptionalInt.empty(), List.of("TLS_AES_256_GCM_SHA384"));
        NtsKeClient chacha = NtsKeClient.forSource(trusting(certificate), cipherSuites("TLS_CHACHA20_POLY1305_SHA256"));
        NtsKeClient aes = NtsKeClient.forSource(trusting(certificate), cipherSuites("TLS_AES_256_GCM_SHA384"));

        assertThat(chacha.exchange("127.0.0.1", port)).isInstanceOf(KeResult.Failed.class);
        assertThat(aes.exchange("127.0.0.1", port)).isInstanceOf(KeResult.Established.class);
    }

    @Test
    void failsWhenNothingListens() throws IOException {
        // a port held bound but not listening: a closed server's port could be bound again meanwhile
        try (Socket held = new Socket()) {
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertThat(NtsKeClient.forSource(trusting(certificate), NtsSettings.none())
                    .exchange("127.0.0.1", held.getLocalPort())).isInstanceOf(KeResult.Failed.class);
        }
    }
}
