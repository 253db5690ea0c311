package org.jntp.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** packaging/systemd/ntpd.service: what systemd makes of it, and the promises it keeps. */
class SystemdUnitTest {
    private static final Path HOME = Path.of(System.getProperty("jntp.home", ".")).toAbsolutePath();
    private static final Path UNIT = HOME.resolve("packaging/systemd/ntpd.service");
    private static final long VERIFY_WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    /**
     * verify insists that ExecStart's program exists, and /usr/sbin/ntpd is there only once the
     * package is installed: a copy whose ExecStart runs bin/ntpd stands in.
     */
    @Test
    void systemdAnalyzeVerifyFindsNothingWrong() throws IOException, InterruptedException {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        if (!Files.isExecutable(analyze)) {
            System.err.println("*** SystemdUnitTest: systemd-analyze is not installed; ntpd.service NOT VERIFIED ***");
        }
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        Path copy = dir.resolve("ntpd.service");
        Files.writeString(copy, unit().replace("ExecStart=/usr/sbin/ntpd ", "ExecStart=" + HOME.resolve("bin/ntpd") + " "));

        Process verify = new ProcessBuilder(analyze.toString(), "verify", "--man=no", copy.toString())
                .redirectErrorStream(true).start();
        verify.getOutputStream().close();
        boolean ended = verify.waitFor(VERIFY_WAIT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            verify.destroyForcibly();
        }
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ended).as("systemd-analyze verify ended").isTrue();
        assertThat(output).isEmpty();
        assertThat(verify.exitValue()).isZero();
    }

    @Test
    void conflictsWithTheOtherTimeDaemons() throws IOException {
        assertThat(value("Conflicts").split(" ")).contains("chronyd.service", "systemd-timesyncd.service",
                "ntp.service", "ntpsec.service");
    }

    @Test
    void isReadyWhenNtpdSaysSoAfterTheNetworkIsOnline() throws IOException {
        assertThat(value("Type")).isEqualTo("notify");
        assertThat(value("After")).isEqualTo("network-online.target");
    }

    @Test
    void dropsToNtpKeepingOnlyWhatTheDropAndTheClockNeed() throws IOException {
        assertThat(value("ExecStart")).contains(" -u ntp:ntp ").contains(" -c /etc/ntp.conf ");
        assertThat(value("CapabilityBoundingSet").split(" "))
                .containsExactlyInAnyOrder("CAP_SYS_TIME", "CAP_NET_BIND_SERVICE", "CAP_SETUID", "CAP_SETGID");
    }

    @Test
    void leavesTheClockAdjustable() throws IOException {
        assertThat(lines()).noneMatch(line -> line.startsWith("ProtectClock="));
    }

    @Test
    void writesOnlyItsDriftAndStatisticsDirectories() throws IOException {
        assertThat(value("ProtectSystem")).isEqualTo("strict");
        assertThat(value("ReadWritePaths")).isEqualTo("-/var/lib/ntp -/var/log/ntpstats");
    }

    private static String unit() throws IOException {
        return Files.readString(UNIT, StandardCharsets.UTF_8);
    }

    private static List<String> lines() throws IOException {
        return unit().lines().filter(line -> !line.startsWith("#")).toList();
    }

    /** The value of the one line that sets key. */
    private static String value(String key) throws IOException {
        List<String> values = lines().stream()
                .filter(line -> line.startsWith(key + "="))
                .map(line -> line.substring(key.length() + 1))
                .toList();
        assertThat(values).as(key).hasSize(1);
        return values.getFirst();
    }
}
