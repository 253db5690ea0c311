package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jntp.daemon.TestCertificate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NTS (RFC 8915) between NTPsec 1.2.2 and our daemon, both ways, with a certificate the test makes:
 * NTPsec's ntpd as an NTS client of our bin/ntpd (also across a restart of ours that keeps its
 * master keys in {@code nts cookie}), and our bin/ntpd as an NTS client of NTPsec's NTS server.
 * NTPsec's own counters ({@code ntpq -c nts}) say what its side saw; its ntpq reads ours too.
 */
@InteropTest
class NtsNtpsecInteropIT {
    /** Where an NTPsec client reaches our server: it refuses 127.0.0.x but 127.0.0.1. */
    private static final String OURS_FOR_NTPSEC = "192.0.2.2";
    /** Where NTPsec's client answers ntpq. */
    private static final String NTPSEC_CLIENT = "127.0.0.1";
    private static final String OURS = "127.0.0.1";
    private static final String NTPSEC = "127.0.0.2";
    private static final int KE_PORT = 4460;
    private static final Duration SELECTION_LIMIT = Duration.ofSeconds(40);
    /** Our client re-runs a failed NTS-KE after 2 s, doubling; NTPsec's NTS-KE server starts beside its NTP port. */
    private static final Duration SYNC_LIMIT = Duration.ofSeconds(60);
    /** NTPsec's client polls every 16 s: a restart of ours is seen at its next poll. */
    private static final Duration NEXT_POLL_LIMIT = Duration.ofSeconds(40);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(10);

    @AutoClose
    private static PeerDaemons peers;
    private static TestCertificate certificate;
    private static Path directory;

    @BeforeAll
    static void makeCertificate() throws IOException, InterruptedException {
        peers = PeerDaemons.inNewNamespace("ntsntpsec");
        directory = Files.createTempDirectory("jntp-nts-ntpsec-");
        certificate = TestCertificate.withOpenssl(directory.resolve("tls"), List.of(OURS, NTPSEC, OURS_FOR_NTPSEC));
    }

    /** NTPsec's lines, which ours reads as well: the NTS-KE server, its certificate, key and master keys file. */
    private static String ntsServerLines(String cookieFile) {
        return certificate.ntsServerLines(directory.resolve(cookieFile));
    }

    /**
     * Our bin/ntpd serving NTS on 192.0.2.2, once it answers NTS-KE: NTPsec's client gives up on a
     * key exchange that is not answered within seconds and tries again only much later.
     */
    private static Daemon ourNtsServer() {
        Daemon ours = peers.jntpWithEnvironment(OURS_FOR_NTPSEC,
                Map.of("JNTP_SOURCES", ntsServerLines("ours-nts-keys")), "--software-clock", "0,0");
        Await.until(SYNC_LIMIT, PROBE_INTERVAL, () -> log(ours),
                text -> text.contains("NTS-KE server listening on /" + OURS_FOR_NTPSEC + ":" + KE_PORT));
        return ours;
    }

    private static CommandResult ntpq(String address, String... commands) {
        List<String> command = new ArrayList<>(List.of("ntpq", "-n"));
        for (String each : commands) {
            command.add("-c");
            command.add(each);
        }
        command.add(address);
        return peers.netns().run(TOOL_TIMEOUT, command.toArray(String[]::new));
    }

    private static NtpsecNtsCounters ntsCounters(String address) {
        return NtpsecNtsCounters.parse(ntpq(address, "nts").stdout());
    }

    private static String associations(String address) {
        CommandResult result = ntpq(address, "associations");
        return result.stdout() + result.stderr();
    }

    /** NTPsec's association list once one is the system peer and authenticated, or as it is at the limit. */
    private static String awaitAuthenticatedSystemPeer(String address) {
        return Await.until(SELECTION_LIMIT, PROBE_INTERVAL, () -> associations(address),
                NtsNtpsecInteropIT::authenticatedSystemPeer);
    }

    private static boolean authenticatedSystemPeer(String associations) {
        return associations.lines().anyMatch(line -> line.contains("sys.peer") && line.contains(" ok "));
    }

    @Test
    void ntpsecSelectsOurServerOverNtsWithAFullJar() {
        try (Daemon ours = ourNtsServer();
                Daemon ntpsec = peers.ntpsecClient(OURS_FOR_NTPSEC, "nts ca " + certificate.certificateFile(), "")) {
            String associations = awaitAuthenticatedSystemPeer(NTPSEC_CLIENT);
            NtpsecNtsCounters counters = ntsCounters(NTPSEC_CLIENT);
            // a request in flight holds one cookie back for a moment
            String cookies = Await.until(TOOL_TIMEOUT, PROBE_INTERVAL, () -> ntpq(NTPSEC_CLIENT, "rv &1 ntscookies")
                    .stdout(), text -> text.contains("ntscookies=8"));

            assertThat(authenticatedSystemPeer(associations))
                    .as(() -> associations + counters + ntpsec.logTail() + ours.logTail()).isTrue();
            assertThat(counters.count(NtpsecNtsCounters.KE_CLIENT_PROBES_GOOD)).as(counters::toString).isEqualTo(1);
            assertThat(counters.count(NtpsecNtsCounters.CLIENT_RECVS_GOOD)).as(counters::toString).isPositive();
            assertThat(counters.count(NtpsecNtsCounters.CLIENT_RECVS_WITH_ERROR)).as(counters::toString).isZero();
            // each reply of ours brings a fresh cookie for the one the request spent
            assertThat(cookies).contains("ntscookies=8");
        }
    }

    @Test
    void ntpsecsNtpqReadsOurServersNtsCounters() {
        try (Daemon ours = ourNtsServer();
                Daemon ntpsec = peers.ntpsecClient(OURS_FOR_NTPSEC, "nts ca " + certificate.certificateFile(), "")) {
            awaitAuthenticatedSystemPeer(NTPSEC_CLIENT);
            CommandResult printed = ntpq(OURS_FOR_NTPSEC, "nts");
            NtpsecNtsCounters counters = NtpsecNtsCounters.parse(printed.stdout());

            assertThat(printed.stdout() + printed.stderr()).as(printed::describe)
                    .doesNotContain("***", "Unknown variable");
            assertThat(counters.byLabel()).as(printed::describe).hasSize(NtpsecNtsCounters.LINES);
            assertThat(counters.count(NtpsecNtsCounters.SERVER_RECVS_GOOD)).as(printed::describe).isPositive();
            assertThat(counters.count(NtpsecNtsCounters.SERVER_RECVS_WITH_ERROR)).as(printed::describe).isZero();
            assertThat(counters.count(NtpsecNtsCounters.KE_SERVES_GOOD)).as(printed::describe).isPositive();
            assertThat(counters.count(NtpsecNtsCounters.COOKIES_DECODED)).as(printed::describe).isPositive();
            assertThat(counters.count(NtpsecNtsCounters.COOKIES_MADE)).as(printed::describe)
                    .isGreaterThan(counters.count(NtpsecNtsCounters.COOKIES_DECODED));
        }
    }

    @Test
    void ntpsecKeepsItsCookiesAcrossARestartOfOurServerWithNtsCookie() {
        try (Daemon first = ourNtsServer();
                Daemon ntpsec = peers.ntpsecClient(OURS_FOR_NTPSEC, "nts ca " + certificate.certificateFile(), "")) {
            String associations = awaitAuthenticatedSystemPeer(NTPSEC_CLIENT);
            assertThat(authenticatedSystemPeer(associations))
                    .as(() -> associations + ntpsec.logTail() + first.logTail()).isTrue();
            first.stop();
            long goodBefore = ntsCounters(NTPSEC_CLIENT).count(NtpsecNtsCounters.CLIENT_RECVS_GOOD);
            try (Daemon second = ourNtsServer()) {
                NtpsecNtsCounters counters = Await.until(NEXT_POLL_LIMIT, PROBE_INTERVAL,
                        () -> ntsCounters(NTPSEC_CLIENT),
                        seen -> seen.count(NtpsecNtsCounters.CLIENT_RECVS_GOOD) > goodBefore);

                assertThat(counters.count(NtpsecNtsCounters.CLIENT_RECVS_GOOD))
                        .as(() -> counters + ntpsec.logTail() + second.logTail()).isGreaterThan(goodBefore);
                // the cookies NTPsec holds still open: no NTS NAK, and no second NTS-KE
                assertThat(counters.count(NtpsecNtsCounters.CLIENT_RECVS_WITH_ERROR)).as(counters::toString).isZero();
                assertThat(counters.count(NtpsecNtsCounters.KE_CLIENT_PROBES_GOOD)).as(counters::toString)
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void ourNtpdSynchronisesToNtpsecOverNts() {
        try (Daemon ntpsec = peers.ntpsecServer(NTPSEC, ntsServerLines("ntpsec-nts-keys"))) {
            Ntpdig.awaitAnswer(peers.netns(), NTPSEC, SELECTION_LIMIT);
            try (Daemon ours = peers.jntpClient(OURS, "server " + NTPSEC + " nts iburst ca "
                    + certificate.certificateFile(), "--software-clock", "0.1,0")) {
                String log = Await.until(SYNC_LIMIT, PROBE_INTERVAL, () -> log(ours),
                        text -> text.contains("synchronized to " + NTPSEC));
                NtpsecNtsCounters counters = ntsCounters(NTPSEC);

                assertThat(log).as(() -> log + counters + ntpsec.logTail())
                        .contains("server " + NTPSEC + ": NTS-KE done, 8 cookies, NTP server " + NTPSEC + " port 123")
                        .contains("synchronized to " + NTPSEC + ", stratum 8")
                        .doesNotContain("NTS NAK");
                assertThat(counters.count(NtpsecNtsCounters.KE_SERVES_GOOD)).as(counters::toString).isEqualTo(1);
                assertThat(counters.count(NtpsecNtsCounters.SERVER_RECVS_GOOD)).as(counters::toString).isPositive();
                assertThat(counters.count(NtpsecNtsCounters.SERVER_RECVS_WITH_ERROR)).as(counters::toString).isZero();
                NtpsecNtsCounters ourCounters = ntsCounters(OURS);
                assertThat(ourCounters.byLabel()).as(ourCounters::toString).hasSize(NtpsecNtsCounters.LINES);
                assertThat(ourCounters.count(NtpsecNtsCounters.KE_CLIENT_PROBES_GOOD)).as(ourCounters::toString)
                        .isEqualTo(1);
                assertThat(ourCounters.count(NtpsecNtsCounters.CLIENT_SENDS)).as(ourCounters::toString).isPositive();
                assertThat(ourCounters.count(NtpsecNtsCounters.CLIENT_RECVS_GOOD)).as(ourCounters::toString)
                        .isPositive();
                assertThat(ourCounters.count(NtpsecNtsCounters.CLIENT_RECVS_WITH_ERROR)).as(ourCounters::toString)
                        .isZero();
            }
        }
    }

    private static String log(Daemon daemon) {
        try {
            return Files.readString(daemon.dir().resolve("log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
