package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jntp.daemon.TestCertificate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NTS key exchange (RFC 8915 §4) between chronyd 4.3 and our daemon on loopback, both ways, with a
 * certificate for 127.0.0.1 and 127.0.0.2 that the test makes: chronyd as an NTS client of our
 * bin/ntpd, our NTS-KE client of a chronyd NTS-KE server, and our bin/ntpd polling chronyd over NTS.
 */
@InteropTest
class NtsInteropIT {
    private static final String OURS = "127.0.0.1";
    private static final String CHRONY = "127.0.0.2";
    private static final int KE_PORT = 4460;
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration KE_TIMEOUT = Duration.ofSeconds(30);
    /** chronyd polls every 4 s and selects a source once it answered eight polls in a row. */
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(90);

    @AutoClose
    private static PeerDaemons peers;
    private static TestCertificate certificate;
    private static Path directory;

    @BeforeAll
    static void makeCertificate() throws IOException, InterruptedException {
        peers = PeerDaemons.inNewNamespace("nts");
        directory = Files.createTempDirectory("jntp-nts-");
        certificate = TestCertificate.withOpenssl(directory.resolve("tls"));
    }

    private static String ntsServerLines() {
        return certificate.ntsServerLines(directory.resolve("nts-keys"));
    }

    private static CommandResult probe(String host) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return peers.netns().run(PROBE_TIMEOUT, java.toString(), "-cp", System.getProperty("java.class.path"),
                NtsKeProbe.class.getName(), host, Integer.toString(KE_PORT), certificate.certificateFile().toString());
    }

    @Test
    void ourNtpdWithNtsEnableServesNtsKeToOurClient() throws IOException {
        try (Daemon ntpd = peers.jntpWithEnvironment(OURS, Map.of("JNTP_SOURCES", ntsServerLines()),
                "--software-clock", "0,0")) {
            CommandResult result = probe(OURS);

            assertThat(result.stdout()).as(() -> result.describe() + ntpd.logTail())
                    .isEqualTo("established 8 " + OURS + " 123\n");
            assertThat(Files.readString(ntpd.dir().resolve("log")))
                    .contains("NTS-KE server listening on /" + OURS + ":" + KE_PORT);
        }
    }

    @Test
    void chronydSynchronisesToOurNtpdOverNtsKeepingItsCookies() {
        try (Daemon ntpd = peers.jntpWithEnvironment(OURS, Map.of("JNTP_SOURCES", ntsServerLines()),
                "--software-clock", "0,0");
                Daemon chronyd = peers.chronydClient(OURS, 2, "nts",
                        "ntstrustedcerts " + certificate.certificateFile())) {
            Chronyc chronyc = new Chronyc(peers.netns(), chronyd);
            List<String> authdata = Await.until(KE_TIMEOUT, Duration.ofMillis(250), chronyc::authdata,
                    lines -> lines.size() == 1 && cookies(lines.getFirst()) > 0);

            assertThat(authdata).as(() -> authdata + "\n" + chronyd.logTail() + ntpd.logTail()).singleElement()
                    .satisfies(line -> {
                        assertThat(line.split(",")[1]).isEqualTo("NTS");
                        assertThat(cookies(line)).isPositive();
                    });

            List<ChronySource> sources = chronyc.awaitSelection(SYNC_TIMEOUT);
            assertThat(sources).as(() -> sources + "\n" + chronyc.authdata() + "\n" + chronyd.logTail()
                    + ntpd.logTail()).anyMatch(source -> source.selected() && source.address().equals(OURS));
            // each authenticated reply brings a fresh cookie: the jar stays full, and no NTS NAK came
            assertThat(chronyc.authdata()).singleElement().satisfies(line -> {
                assertThat(cookies(line)).isEqualTo(8);
                assertThat(naks(line)).isZero();
            });
        }
    }

    @Test
    void ourClientGetsEightCookiesFromChronyd() {
        try (Daemon chronyd = peers.chronydServer(CHRONY, chronydNtsServerLines())) {
            CommandResult result = Await.until(KE_TIMEOUT, Duration.ofMillis(500), () -> probe(CHRONY),
                    probed -> probed.stdout().startsWith("established"));

            assertThat(result.stdout()).as(() -> result.describe() + chronyd.logTail())
                    .isEqualTo("established 8 " + CHRONY + " 123\n");
        }
    }

    @Test
    void ourNtpdSynchronisesToChronydOverNts() {
        try (Daemon chronyd = peers.chronydServer(CHRONY, chronydNtsServerLines());
                Daemon ours = peers.jntpClient(OURS, "server " + CHRONY + " nts iburst ca "
                        + certificate.certificateFile(), "--software-clock", "0.1,0")) {
            String log = Await.until(SYNC_TIMEOUT, Duration.ofMillis(500), () -> log(ours),
                    text -> text.contains("synchronized to " + CHRONY));

            assertThat(log).as(() -> log + chronyd.logTail())
                    .contains("server " + CHRONY + ": NTS-KE done, 8 cookies, NTP server " + CHRONY + " port 123")
                    .contains("synchronized to " + CHRONY + ", stratum 8")
                    .doesNotContain("NTS NAK");
        }
    }

    private static String chronydNtsServerLines() {
        return "ntsservercert " + certificate.certificateFile() + "\nntsserverkey " + certificate.keyFile()
                + "\nntsport " + KE_PORT + "\nntsdumpdir " + directory;
    }

    private static String log(Daemon daemon) {
        try {
            return Files.readString(daemon.dir().resolve("log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The NAK column of a line of {@code chronyc -c authdata}. */
    private static int naks(String authdataLine) {
        return Integer.parseInt(authdataLine.split(",")[7].strip());
    }

    /** The Cook column of a line of {@code chronyc -c authdata}. */
    private static int cookies(String authdataLine) {
        String[] fields = authdataLine.split(",");
        return fields.length > 8 ? Integer.parseInt(fields[8].strip()) : 0;
    }
}
