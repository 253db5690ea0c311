package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jntp.daemon.privilege.Capability;
import org.jntp.daemon.privilege.ProcStatus;
import org.jntp.daemon.service.NotifySocket;
import org.jntp.daemon.service.UnixDatagramReceiver;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/ntpd as a service: started as root with {@code -u nobody}, and telling a systemd stand-in
 * through {@code $NOTIFY_SOCKET} when it is ready and when it stops.
 */
@InteropTest
class ServiceIT {
    private static final String ADDRESS = "127.0.0.1";
    private static final String NOBODY = "65534";
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration NOTIFY_WAIT = Duration.ofSeconds(10);

    @AutoClose
    private static PeerDaemons peers;

    @TempDir
    Path dir;

    @BeforeAll
    static void createNamespace() {
        peers = PeerDaemons.inNewNamespace("service");
    }

    @Test
    void everyThreadRunsAsNobodyAfterTheDrop() {
        try (Daemon daemon = serving(peers.jntp(ADDRESS, "-u", "nobody"))) {
            for (Path task : tasks(daemon)) {
                assertThat(ProcStatus.field(task, "Uid")).as(task + "\n" + daemon.logTail())
                        .isEqualTo(String.join("\t", NOBODY, NOBODY, NOBODY, NOBODY));
                assertThat(ProcStatus.field(task, "Gid")).as(task.toString()).isEqualTo(String.join("\t", NOBODY, NOBODY, NOBODY, NOBODY));
                assertThat(ProcStatus.field(task, "Groups")).as(task.toString()).isEqualTo(NOBODY);
            }
        }
    }

    @Test
    void theDaemonsThreadsKeepOnlySysTimeAndNetBindServiceAsTheBoundingSetAllows() {
        try (Daemon daemon = serving(peers.jntp(ADDRESS, "-u", "nobody"))) {
            long bounding = ProcStatus.bits(Path.of("/proc", Long.toString(daemon.pid())), "CapBnd");
            long expected = Capability.bits(Capability.KEPT) & bounding;
            List<Path> ours = tasks(daemon).stream().filter(ServiceIT::startedByTheDaemon).toList();

            assertThat(ours).as(daemon.logTail()).hasSizeGreaterThanOrEqualTo(3);
            for (Path task : ours) {
                assertThat(ProcStatus.bits(task, "CapPrm")).as(task + " CapPrm").isEqualTo(expected);
                assertThat(ProcStatus.bits(task, "CapEff")).as(task + " CapEff").isEqualTo(expected);
            }
        }
    }

    /** The JVM's own threads ran before the drop: they lose every capability and keep none beyond ntpd's two. */
    @Test
    void noThreadHoldsACapabilityBeyondSysTimeAndNetBindService() {
        try (Daemon daemon = serving(peers.jntp(ADDRESS, "-u", "nobody"))) {
            long others = ~Capability.bits(Capability.KEPT);
            for (Path task : tasks(daemon)) {
                assertThat(ProcStatus.bits(task, "CapPrm") & others).as(task + " CapPrm").isZero();
                assertThat(ProcStatus.bits(task, "CapEff") & others).as(task + " CapEff").isZero();
                assertThat(ProcStatus.bits(task, "CapAmb")).as(task + " CapAmb").isZero();
            }
        }
    }

    @Test
    void answersNtpdigAndNtpqAfterTheDrop() {
        try (Daemon daemon = peers.jntp(ADDRESS, "-u", "nobody")) {
            CommandResult ntpdig = Ntpdig.awaitAnswer(peers.netns(), ADDRESS, QUERY_TIMEOUT);
            assertThat(ntpdig.succeeded()).as(() -> ntpdig.describe() + daemon.logTail()).isTrue();

            CommandResult ntpq = peers.netns().run(QUERY_TIMEOUT, "ntpq", "-pn", ADDRESS);
            assertThat(ntpq.stdout()).as(() -> ntpq.describe() + daemon.logTail()).contains("LOCAL(0)");
        }
    }

    @Test
    void logsWhoItRunsAsAndThatTheClockCannotBeSteeredWithoutSysTime() {
        try (Daemon daemon = serving(peers.jntp(ADDRESS, "-u", "nobody"))) {
            assertThat(daemon.logTail())
                    .contains("running as user nobody (uid 65534, gid 65534) with CAP_NET_BIND_SERVICE")
                    .contains("ntpd does not hold CAP_SYS_TIME (not in its capability bounding set?): the clock"
                            + " cannot be steered");
        }
    }

    @Test
    void anUnknownUserStopsNtpdBeforeItListens() throws IOException {
        Path config = Files.writeString(dir.resolve("ntp.conf"), "server 127.127.1.0\n");
        Path ntpd = Path.of(System.getProperty("jntp.home", ".")).toAbsolutePath().resolve("bin/ntpd");

        CommandResult result = peers.netns().run(Duration.ofSeconds(90), ntpd.toString(), "-n", "-c",
                config.toString(), "-u", "jntp-no-such-user");

        assertThat(result.exitCode()).as(result::describe).isEqualTo(1);
        assertThat(result.stderr()).contains("-u: no such user: jntp-no-such-user; not starting")
                .doesNotContain("Listen normally");
    }

    @Test
    void tellsTheNotifySocketReadyOnceListeningAndStoppingAtExit() throws Throwable {
        NotifySocket socket = ((NotifySocket.Parse.Ok) NotifySocket.parse(
                Optional.of(dir.resolve("notify").toString()))).socket();
        try (UnixDatagramReceiver systemd = UnixDatagramReceiver.bind(socket, NOTIFY_WAIT);
             Daemon daemon = peers.jntpWithEnvironment(ADDRESS, Map.of("NOTIFY_SOCKET", socket.name()))) {
            assertThat(systemd.receive()).as(daemon::logTail).contains("READY=1");
            assertThat(daemon.logTail()).contains("Listen normally on 0 lo " + ADDRESS + ":123");

            daemon.stop();

            assertThat(systemd.receive()).as(daemon::logTail).contains("STOPPING=1");
        }
    }

    /** The daemon once it answers: its pid file and sockets come before the drop, its threads after. */
    private static Daemon serving(Daemon daemon) {
        CommandResult ntpdig = Ntpdig.awaitAnswer(peers.netns(), ADDRESS, QUERY_TIMEOUT);
        assertThat(ntpdig.succeeded()).as(() -> ntpdig.describe() + daemon.logTail()).isTrue();
        return daemon;
    }

    private static List<Path> tasks(Daemon daemon) {
        return ProcStatus.tasks(daemon.pid());
    }

    /** The threads the daemon starts after the drop, and the thread that dropped (the JVM's "main", named java). */
    private static boolean startedByTheDaemon(Path task) {
        String name = ProcStatus.name(task);
        return name.startsWith("ntpd-") || name.startsWith("jntp-") || name.equals("java");
    }
}
