package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What ps, pgrep, pidof and netstat show for bin/ntpd: ntpd, as for the ntpd it replaces. */
@InteropTest
class ProcessNameIT {
    private static final String ADDRESS = "127.0.0.1";
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

    @AutoClose
    private static PeerDaemons peers;

    @BeforeAll
    static void createNamespace() {
        peers = PeerDaemons.inNewNamespace("procname");
    }

    @Test
    void theDaemonIsNamedNtpdForPsAndPgrep() throws IOException {
        try (Daemon daemon = peers.jntp(ADDRESS)) {
            Path proc = Path.of("/proc", Long.toString(daemon.pid()));

            assertThat(Files.readString(proc.resolve("comm"), StandardCharsets.US_ASCII).strip()).isEqualTo("ntpd");
            assertThat(Files.readString(proc.resolve("cmdline"), StandardCharsets.UTF_8)).startsWith("ntpd\0");
        }
    }

    @Test
    void ssShowsNtpdOnUdpPort123() {
        try (Daemon daemon = peers.jntp(ADDRESS)) {
            CommandResult ss = peers.netns().run(QUERY_TIMEOUT, "ss", "-nupl");
            assertThat(ss.succeeded()).as(ss::describe).isTrue();

            assertThat(ss.stdout()).contains(ADDRESS + ":123").contains("((\"ntpd\",pid=" + daemon.pid() + ",");
        }
    }

    @Test
    void netstatShowsNtpdOnUdpPort123() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/netstat")) || Files.isExecutable(Path.of("/bin/netstat")),
                "netstat (net-tools) is not installed");
        try (Daemon daemon = peers.jntp(ADDRESS)) {
            CommandResult netstat = peers.netns().run(QUERY_TIMEOUT, "netstat", "-nupl");
            assertThat(netstat.succeeded()).as(netstat::describe).isTrue();

            assertThat(netstat.stdout()).contains(ADDRESS + ":123").contains(daemon.pid() + "/ntpd");
        }
    }
}
