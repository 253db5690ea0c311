package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monitoring tools of NTPsec (its Python ntpq) and Debian (the C ntpstat, which asks
 * 127.0.0.1:123 only) against our daemon on 127.0.0.1, synchronised to a chronyd server on
 * 127.0.0.2: they speak ntpd's mode 6, and must see our source and sensible values.
 */
@InteropTest
class ControlInteropIT {
    private static final String OURS = "127.0.0.1";
    private static final String UPSTREAM = "127.0.0.2";
    private static final String LOCAL_CLOCK_SERVER = "127.0.0.3";
    /** iburst synchronises in seconds; the JVM's start and a loaded machine take longer. */
    private static final Duration SYNC_LIMIT = Duration.ofSeconds(90);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(20);

    @AutoClose
    private static PeerDaemons peers;
    private static Daemon ours;

    @BeforeAll
    static void startOurDaemonFollowingChronyd() {
        peers = PeerDaemons.inNewNamespace("control");
        peers.chronydServer(UPSTREAM);
        ours = peers.jntpClient(OURS, "server " + UPSTREAM + " iburst", "--software-clock", "0,0");
        CommandResult synced = Await.until(SYNC_LIMIT, Duration.ofSeconds(1), ControlInteropIT::ntpstat,
                CommandResult::succeeded);
        assertThat(synced.succeeded()).as(() -> synced.describe() + ours.logTail()).isTrue();
    }

    private static CommandResult ntpstat() {
        return peers.netns().run(QUERY_TIMEOUT, "ntpstat");
    }

    private static CommandResult ntpq(String... args) {
        String[] command = new String[args.length + 2];
        command[0] = "ntpq";
        System.arraycopy(args, 0, command, 1, args.length);
        command[command.length - 1] = OURS;
        CommandResult result = peers.netns().run(QUERY_TIMEOUT, command);
        assertThat(result.succeeded()).as(result::describe).isTrue();
        return result;
    }

    @Test
    void debiansNtpstatSaysWeAreSynchronisedToOurSource() {
        CommandResult result = ntpstat();

        assertThat(result.exitCode()).as(result::describe).isZero();
        assertThat(result.stdout()).startsWith("synchronised to NTP server (" + UPSTREAM + ") at stratum 9 \n")
                .containsPattern("time correct to within \\d+ ms\n")
                .containsPattern("polling server every \\d+ s\n");
    }

    @Test
    void ntpqPeersListsOurSourceAsTheSystemPeer() {
        String out = ntpq("-p").stdout();

        // NTPsec's ntpq shows "when" as "-" for a reply less than a second old
        assertThat(out).as(out).contains("remote", "refid", "reach")
                .containsPattern("(?m)^\\*127\\.0\\.0\\.2 +127\\.127\\.1\\.1 +8 u +(\\d+|-) +\\d+ +[1-7]\\d* "
                        + "+\\d+\\.\\d+ +-?\\d+\\.\\d+ +\\d+\\.\\d+$");
    }

    @Test
    void ntpqReadvarShowsOurSystemVariables() {
        String out = ntpq("-c", "rv").stdout();

        assertThat(out).as(out).startsWith("associd=0 status=06")
                .contains("leap_none, sync_ntp", "version=\"ntpd jntp-", "stratum=9,", "refid=127.0.0.2,",
                        "peer=1,", "tc=");
    }

    @Test
    void ntpqAssociationsShowsOurSourceConfiguredReachableAndSelected() {
        String out = ntpq("-c", "as").stdout();

        assertThat(out).as(out).containsPattern("(?m)^ +1 +1 +96[0-9a-f]{2} +yes +yes +none +sys\\.peer ");
    }

    @Test
    void ntpqReadvarOfOurSourceShowsItsPeerVariables() {
        String out = ntpq("-c", "rv 1").stdout();

        assertThat(out).as(out).startsWith("associd=1 status=96")
                .contains("srcadr=127.0.0.2,", "srcport=123,", "stratum=8,", "hmode=3,", "pmode=4,");
    }

    @Test
    void ntpqPeersShowsTheLocalClockOfADaemonServingItAsAReferenceClock() {
        try (Daemon local = peers.jntp(LOCAL_CLOCK_SERVER)) {
            CommandResult result = Await.until(QUERY_TIMEOUT, Duration.ofSeconds(1),
                    () -> peers.netns().run(QUERY_TIMEOUT, "ntpq", "-p", LOCAL_CLOCK_SERVER),
                    r -> r.stdout().contains("*LOCAL(0)"));

            assertThat(result.stdout()).as(() -> result.describe() + local.logTail())
                    .containsPattern("(?m)^\\*LOCAL\\(0\\) +\\.LOCL\\. +8 l ");
        }
    }

    @Test
    void ntpqMrulistShowsAClientOfOurs() {
        CommandResult query = Ntpdig.query(peers.netns(), OURS);
        assertThat(query.succeeded()).as(query::describe).isTrue();

        String out = ntpq("-n", "-c", "mrulist").stdout();

        assertThat(out).as(out).contains("remote address")
                .containsPattern("(?m)^ +\\d+ +\\S+ +0 \\. 3 4 +\\d+ .* 127\\.0\\.0\\.1$");
    }
}
