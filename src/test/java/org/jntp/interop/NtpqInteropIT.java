package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our bin/ntpq and bin/ntpstat against NTPsec's ntpd (a client of chronyd on 192.0.2.4, clock
 * control off), beside NTPsec's own ntpq and Debian's ntpstat asking the same daemon.
 */
@InteropTest
class NtpqInteropIT {
    private static final String CHRONY = "192.0.2.4";
    private static final Duration SELECTION_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 3;
    /** Both ntpqs read the same filter; a new sample between the two may move the values this much. */
    private static final double MILLIS_TOLERANCE = 0.5;

    private static PeerDaemons peers;
    private static Daemon ntpsec;

    @BeforeAll
    static void startNtpsecClientOfChronyd() {
        peers = PeerDaemons.inNewNamespace("ntpq");
        peers.chronydServer(CHRONY);
        ntpsec = peers.ntpsecClient(CHRONY);
        CommandResult selected = Await.until(SELECTION_TIMEOUT, POLL_INTERVAL,
                () -> peers.netns().run(TOOL_TIMEOUT, "ntpq", "-pn"), r -> r.stdout().contains("\n*"));
        assertThat(selected.stdout()).as(() -> selected.describe() + ntpsec.logTail()).contains("\n*");
    }

    @AfterAll
    static void stopDaemons() {
        peers.close();
    }

    private static CommandResult ours(String tool, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("jntp.home", ".")).toAbsolutePath().resolve("bin").resolve(tool).toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return peers.netns().run(TOOL_TIMEOUT, command);
    }

    private static CommandResult theirs(String tool, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = tool;
        System.arraycopy(args, 0, command, 1, args.length);
        return peers.netns().run(TOOL_TIMEOUT, command);
    }

    @Test
    void ourPeersTableListsWhatNtpsecsNtpqLists() {
        PeersTable ourTable = null;
        PeersTable theirTable = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            CommandResult our = ours("ntpq", "-pn");
            CommandResult their = theirs("ntpq", "-pn");
            assertThat(our.succeeded()).as(our::describe).isTrue();
            assertThat(our.stderr()).isEmpty();
            ourTable = PeersTable.parse(our.stdout());
            theirTable = PeersTable.parse(their.stdout());
            if (ourTable.rows().size() == theirTable.rows().size()
                    && ourTable.rows().getFirst().reach().equals(theirTable.rows().getFirst().reach())) {
                break;
            }
        }
        assertThat(ourTable.rows()).hasSameSizeAs(theirTable.rows()).isNotEmpty();
        for (int i = 0; i < ourTable.rows().size(); i++) {
            PeersTable.Row our = ourTable.rows().get(i);
            PeersTable.Row their = theirTable.rows().get(i);
            assertThat(our.tally()).isEqualTo(their.tally());
            assertThat(our.remote()).isEqualTo(their.remote());
            assertThat(our.refid()).isEqualTo(their.refid().equals("127.127.1.1") ? "LOCAL(1)" : their.refid());
            assertThat(our.stratum()).isEqualTo(their.stratum());
            assertThat(our.type()).isEqualTo(their.type());
            assertThat(our.poll()).isEqualTo(their.poll());
            assertThat(our.reach()).isEqualTo(their.reach());
            assertThat(our.delayMillis()).isCloseTo(their.delayMillis(), within(MILLIS_TOLERANCE));
            assertThat(our.offsetMillis()).isCloseTo(their.offsetMillis(), within(MILLIS_TOLERANCE));
            assertThat(our.jitterMillis()).isCloseTo(their.jitterMillis(), within(MILLIS_TOLERANCE));
        }
    }

    @Test
    void ourAssociationTableIsNtpsecsToTheCharacter() {
        CommandResult our = ours("ntpq", "-c", "associations");
        CommandResult their = theirs("ntpq", "-c", "associations");

        assertThat(our.stdout()).as(our::describe).isEqualTo(their.stdout());
    }

    @Test
    void ourSystemVariablesStartWithTheSameStatusLine() {
        CommandResult our = ours("ntpq", "-c", "rv");
        CommandResult their = theirs("ntpq", "-c", "rv");

        assertThat(our.stdout().lines().findFirst()).as(our::describe).isEqualTo(their.stdout().lines().findFirst());
        assertThat(our.stdout()).contains("stratum=9", "refid=" + CHRONY);
    }

    @Test
    void ourNtpstatAgreesWithDebiansOnExitStatusAndFirstLine() {
        CommandResult our = ours("ntpstat");
        CommandResult their = theirs("ntpstat");

        assertThat(our.exitCode()).as(our::describe).isEqualTo(their.exitCode()).isEqualTo(1);
        assertThat(our.stdout().lines().findFirst()).isEqualTo(their.stdout().lines().findFirst());
        assertThat(our.stdout()).isEqualTo(their.stdout());
    }
}
