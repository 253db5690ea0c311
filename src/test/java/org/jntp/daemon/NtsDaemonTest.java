package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jntp.daemon.Loopback.LISTEN_LOOPBACK;
import static org.jntp.daemon.Loopback.await;
import static org.jntp.daemon.Loopback.config;
import static org.jntp.daemon.Loopback.freePort;
import static org.jntp.daemon.Loopback.freeTcpPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jntp.auth.SymmetricKey;
import org.jntp.auth.KeyType;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jntp.clock.Clock;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SoftwareClock;
import org.jntp.config.AssociationFlag;
import org.jntp.config.AssociationOptions;
import org.jntp.config.NtsSettings;
import org.jntp.nts.KeResult;
import org.jntp.protocol.LeapIndicator;
import org.jntp.server.SystemVariables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daemons on loopback with {@code nts enable}: the NTS-KE server they start and the keys they keep. */
class NtsDaemonTest {
    /** Generous: NTS-KE and iburst take a few seconds; a loaded machine may take longer. */
    private static final long SYNC_MILLIS = 30_000;
    private static Clock system;
    private static TestCertificate certificate;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logged, true, StandardCharsets.UTF_8),
            System::currentTimeMillis, ZoneOffset.UTC, 1, 0);

    @BeforeAll
    static void setUp(@TempDir Path certificates) throws IOException, InterruptedException, GeneralSecurityException {
        system = KernelClock.open();
        certificate = TestCertificate.make(certificates);
    }

    private String ntsLines(int kePort) {
        return certificate.ntsServerLines(directory.resolve("nts-keys")) + "nts port " + kePort + "\n";
    }

    private Daemon start(String text, int port) throws IOException {
        return Daemon.start(config(LISTEN_LOOPBACK + text), new SoftwareClock.Spec(0, 0).over(system), port, log);
    }

    private static KeResult exchange(int kePort) throws IOException {
        AssociationOptions none = AssociationOptions.none();
        AssociationOptions options = new AssociationOptions(Set.of(AssociationFlag.NTS), none.minPollLog2(),
                none.maxPollLog2(), none.version(), none.key(), none.mode(), none.ttl(),
                Optional.of(certificate.certificateFile().toString()));
        return NtsKeClient.forSource(options, NtsSettings.none()).exchange("127.0.0.1", kePort);
    }

    @Test
    void servesNtsKeOnTheListenAddressAndNamesItsNtpPort() throws Exception {
        int kePort = freeTcpPort();
        int port = freePort();
        try (Daemon daemon = start(ntsLines(kePort), port)) {
            assertThat(daemon.ntsKeAddresses()).containsExactly(new InetSocketAddress("127.0.0.1", kePort));
            assertThat(logged.toString(StandardCharsets.UTF_8)).contains("NTS-KE server listening on /127.0.0.1:" + kePort);

            assertThat(exchange(kePort)).isInstanceOfSatisfying(KeResult.Established.class, established -> {
                assertThat(established.cookies()).hasSize(8);
                assertThat(established.ntpPort()).isEqualTo(port);
            });
        }
    }

    @Test
    void anotherDaemonPollsItOverNtsAndSynchronises() throws Exception {
        int kePort = freeTcpPort();
        int port = freePort();
        String upstream = "server 127.127.1.0\nfudge 127.127.1.0 stratum 8\n" + ntsLines(kePort);
        String client = "server 127.0.0.1 nts iburst ca " + certificate.certificateFile() + "\nnts port " + kePort
                + "\n";
        try (Daemon server = start(upstream, port);
             Daemon ours = start(client, freePort())) {
            SystemVariables served = await(ours, v -> v.leap() != LeapIndicator.UNSYNCHRONIZED, SYNC_MILLIS);

            assertThat(served.stratum()).isEqualTo(9);
        }
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("server 127.0.0.1: NTS-KE done, 8 cookies, NTP server 127.0.0.1 port " + port)
                .contains("synchronized to 127.0.0.1, stratum 8");
    }

    @Test
    void theLinesPortChoosesItsNtsKeServerOverNtsPort() throws Exception {
        int linePort = freeTcpPort();
        int globalPort = freeTcpPort();
        int lineServersNtp = freePort();
        int globalServersNtp = freePort();
        String other = certificate.ntsServerLines(directory.resolve("nts-keys-other")) + "nts port " + globalPort
                + "\n";
        String client = "server 127.0.0.1:" + linePort + " nts ca " + certificate.certificateFile() + "\nnts port "
                + globalPort + "\n";
        try (Daemon lineServer = start(ntsLines(linePort), lineServersNtp);
             Daemon globalServer = start(other, globalServersNtp);
             Daemon ours = start(client, freePort())) {
            long deadline = System.nanoTime() + SYNC_MILLIS * 1_000_000L;
            while (!logged.toString(StandardCharsets.UTF_8).contains("server 127.0.0.1: NTS-KE done")
                    && System.nanoTime() - deadline < 0) {
                Thread.sleep(50);
            }
        }

        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("server 127.0.0.1: NTS-KE done, 8 cookies, NTP server 127.0.0.1 port " + lineServersNtp)
                .doesNotContain("NTP server 127.0.0.1 port " + globalServersNtp);
    }

    @Test
    void setAndQuitExchangesKeysFirstAndSetsTheClockOverNts() throws Exception {
        int kePort = freeTcpPort();
        int port = freePort();
        String upstream = "server 127.127.1.0\nfudge 127.127.1.0 stratum 8\n" + ntsLines(kePort);
        String client = "server 127.0.0.1 nts ca " + certificate.certificateFile() + "\nnts port " + kePort + "\n";
        ClientOptions setAndQuit = new ClientOptions(false, false, true, Optional.empty(), Optional.empty(), 0);
        try (Daemon server = start(upstream, port);
             Daemon ours = Daemon.start(config(LISTEN_LOOPBACK + client), new SoftwareClock.Spec(0.25, 0).over(system),
                     freePort(), setAndQuit, log)) {
            DaemonExit exit = ours.exit().get(SYNC_MILLIS, TimeUnit.MILLISECONDS);

            assertThat(exit).as(() -> logged.toString(StandardCharsets.UTF_8)).isInstanceOfSatisfying(
                    DaemonExit.ClockSet.class, set -> assertThat(set.setting().offsetSeconds()).isCloseTo(-0.25,
                            within(0.005)));
        }
        assertThat(logged.toString(StandardCharsets.UTF_8)).contains("server 127.0.0.1: NTS-KE done");
    }

    @Test
    void aServerAddedAtRunTimeWithNtsIsKeyedFirstAndPolledOverNts() throws Exception {
        int kePort = freeTcpPort();
        int port = freePort();
        int controlPort = freePort();
        Path keys = directory.resolve("ntp.keys");
        Files.writeString(keys, "1 SHA1 controlsecret\n");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-------"));
        SymmetricKey key = new SymmetricKey(1, KeyType.SHA1, "controlsecret".getBytes(StandardCharsets.US_ASCII));
        String upstream = "server 127.127.1.0\nfudge 127.127.1.0 stratum 8\n" + ntsLines(kePort);
        try (Daemon server = start(upstream, port);
             Daemon ours = start("keys " + keys + "\ntrustedkey 1\ncontrolkey 1\nnts port " + kePort + "\n",
                     controlPort)) {
            assertThat(ControlDaemonTest.configure(controlPort, key,
                    "server 127.0.0.1 nts iburst ca " + certificate.certificateFile())).isEqualTo("Config Succeeded");

            SystemVariables served = await(ours, v -> v.leap() != LeapIndicator.UNSYNCHRONIZED, SYNC_MILLIS);

            assertThat(served.stratum()).isEqualTo(9);
        }
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("server 127.0.0.1: NTS-KE done, 8 cookies, NTP server 127.0.0.1 port " + port);
    }

    @Test
    void logsAFailedKeyExchangeAndNeverPollsTheSourceWithoutIt() throws Exception {
        int kePort = freeTcpPort();
        String client = "server 127.0.0.1 nts iburst ca " + certificate.certificateFile() + "\nnts port " + kePort
                + "\n";
        try (Daemon ours = start(client, freePort())) {
            long deadline = System.nanoTime() + SYNC_MILLIS * 1_000_000L;
            while (!logged.toString(StandardCharsets.UTF_8).contains("trying again")
                    && System.nanoTime() - deadline < 0) {
                Thread.sleep(50);
            }

            assertThat(ours.systemVariables().leap()).isEqualTo(LeapIndicator.UNSYNCHRONIZED);
        }
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("server 127.0.0.1: NTS-KE with 127.0.0.1 port " + kePort)
                .contains("trying again from time to time (logged once)")
                .contains("requests sent 0");
    }

    @Test
    void keepsTheMasterKeysInTheCookieFileAcrossARestart() throws Exception {
        int kePort = freeTcpPort();
        try (Daemon daemon = start(ntsLines(kePort), freePort())) {
            assertThat(daemon.ntsKeAddresses()).isNotEmpty();
        }
        String keys = Files.readString(directory.resolve("nts-keys"));
        try (Daemon daemon = start(ntsLines(kePort), freePort())) {
            assertThat(exchange(kePort)).isInstanceOf(KeResult.Established.class);
        }

        assertThat(Files.readString(directory.resolve("nts-keys"))).isEqualTo(keys);
    }

    @Test
    void servesNoNtsKeWithoutNtsEnable() throws Exception {
        try (Daemon daemon = start("nts cert " + certificate.certificateFile() + "\n", freePort())) {
            assertThat(daemon.ntsKeAddresses()).isEmpty();
        }
    }

    @Test
    void servesNoNtsKeWithoutACertificateAndSaysWhy() throws Exception {
        try (Daemon daemon = start("nts enable\n", freePort())) {
            assertThat(daemon.ntsKeAddresses()).isEmpty();
            assertThat(logged.toString(StandardCharsets.UTF_8)).contains("nts enable needs nts cert FILE and nts key FILE");
        }
    }

    @Test
    void refusesToStartWithAnUnreadableKeyNamingTheFile() {
        Path missing = directory.resolve("missing.pem");
        String text = "nts enable\nnts cert " + certificate.certificateFile() + "\nnts key " + missing + "\n";

        assertThatThrownBy(() -> start(text, freePort()).close()).isInstanceOf(IOException.class)
                .hasMessageContaining("nts key " + missing);
    }
}
