package org.jntp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jntp.clock.KernelClock;
import org.jntp.clock.LinuxAdjtimex;
import org.jntp.clock.SoftwareClock;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.daemon.Daemon;
import org.jntp.daemon.EventLog;
import org.jntp.daemon.TestLogs;
import org.junit.jupiter.api.Test;

/** ntpdate against our own daemon on loopback, serving a software clock 0.25 s ahead of the system clock. */
class NtpdateTest {
    private static final Pattern SERVER_LINE =
            Pattern.compile("server 127\\.0\\.0\\.1, stratum 8, offset (-?\\d+\\.\\d{6}), delay (\\d+\\.\\d{5})");
    private static final Pattern ADJUST_LINE = Pattern.compile(
            "\\d{1,2} \\w{3} \\d\\d:\\d\\d:\\d\\d ntpdate\\[\\d+\\]: adjust time server 127\\.0\\.0\\.1 offset "
                    + "(-?\\d+\\.\\d{6}) sec");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void queryPrintsTheServerLineAndTheOffsetOfAServerAQuarterSecondAhead() throws Exception {
        try (Served server = serverAheadBy(0.25)) {
            int exit = ntpdate("-q", "-p", "2", "--port", server.port(), "127.0.0.1");

            assertThat(exit).isEqualTo(0);
            Matcher line = SERVER_LINE.matcher(stdout());
            assertThat(line.find()).as(stdout()).isTrue();
            assertThat(Double.parseDouble(line.group(1))).isCloseTo(0.25, within(1e-3));
            // ntpdate's delay carries its own precision and a 10 ms allowance: never below 20 ms
            assertThat(Double.parseDouble(line.group(2))).isBetween(0.02, 0.05);
            Matcher adjust = ADJUST_LINE.matcher(stdout());
            assertThat(adjust.find()).as(stdout()).isTrue();
            assertThat(adjust.group(1)).isEqualTo(line.group(1));
        }
    }

    @Test
    void debugDescribesTheExchangeAndSetsNothing() throws Exception {
        try (Served server = serverAheadBy(0.25)) {
            int exit = ntpdate("-d", "-p", "1", "--port", server.port(), "127.0.0.1");

            assertThat(exit).isEqualTo(0);
            assertThat(stdout()).contains("server 127.0.0.1, port " + server.port())
                    .contains("stratum 8, precision").contains("refid [.LOCL.]").contains("transmitted 1, in filter 1");
            assertThat(stderr()).doesNotContain("Can't adjust");
        }
    }

    @Test
    void saysNoServerIsSuitableWhenNoneAnswers() throws Exception {
        int exit = ntpdate("-q", "-p", "1", "-t", "0.2", "--port", String.valueOf(silentPort()), "127.0.0.1");

        assertThat(exit).isEqualTo(1);
        assertThat(stdout()).contains("server 127.0.0.1, stratum 0, offset 0.000000, delay 0.00000");
        assertThat(stderr()).contains("ntpdate[").contains("no server suitable for synchronization found");
    }

    @Test
    void saysWhyItCannotSetTheClockWhereClockWritesAreRefused() throws Exception {
        assumeThat(Files.readString(Path.of("/proc/cmdline"))).doesNotContain(LinuxAdjtimex.WRITE_MARKER);
        try (Served server = serverAheadBy(0.25)) {
            int exit = ntpdate("-p", "1", "--port", server.port(), "127.0.0.1");

            assertThat(exit).isEqualTo(1);
            assertThat(stderr()).contains("Can't adjust the time of day").doesNotContain("Exception");
            assertThat(stdout()).doesNotContain("adjust time server");
        }
    }

    private int ntpdate(String... args) {
        return Ntpdate.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Our daemon serving on {@code port}. */
    private record Served(Daemon daemon, String port) implements AutoCloseable {
        @Override
        public void close() {
            daemon.close();
        }
    }

    private Served serverAheadBy(double seconds) throws Exception {
        String text = """
                server 127.127.1.0
                fudge 127.127.1.0 stratum 8
                interface ignore ipv6
                interface ignore ipv4
                interface listen 127.0.0.1
                """;
        NtpConfig config = ((ConfigResult.Valid) ConfigParser.parse(text, "test.conf")).config();
        int port = silentPort();
        EventLog quiet = TestLogs.silent();
        return new Served(Daemon.start(config, new SoftwareClock.Spec(seconds, 0).over(KernelClock.open()), port, quiet),
                String.valueOf(port));
    }

    /** A UDP port nobody listens on on 127.0.0.1, a moment ago. */
    private static int silentPort() throws Exception {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
    }
}
