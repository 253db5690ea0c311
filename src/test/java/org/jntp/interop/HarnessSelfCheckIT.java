package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The interop harness checked against the peer daemons alone, so that it is known to work before
 * our server is pointed at it: fetch, namespace, start, query and stop by pid, with the same
 * queries and bounds the tests of our server use.
 */
@InteropTest
class HarnessSelfCheckIT {
    private static final String CHRONYD = "127.0.0.4";
    private static final String NTPSEC = "127.0.0.3";
    private static final int FAST_POLL = -2;
    private static final Duration SELECTION_TIMEOUT = Duration.ofSeconds(20);
    private static final int CHRONY_LOCAL_REFID = 0x7f7f0101;

    @AutoClose
    private static PeerDaemons peers;

    @BeforeAll
    static void createNamespace() {
        peers = PeerDaemons.inNewNamespace("selfcheck");
    }

    @Test
    void ntpdigGetsAReplyFromChronydServingItsLocalClock() {
        try (Daemon server = peers.chronydServer(CHRONYD)) {
            CommandResult query = Ntpdig.query(peers.netns(), CHRONYD);
            assertThat(query.succeeded()).as(() -> query.describe() + server.logTail()).isTrue();

            NtpdigReply answer = NtpdigReply.parse(query.stdout());
            assertThat(answer.reply().mode()).isEqualTo(4);
            assertThat(answer.reply().version()).isEqualTo(answer.request().version());
            assertThat(answer.reply().stratum()).isEqualTo(8);
            assertThat(answer.reply().referenceId()).isEqualTo(CHRONY_LOCAL_REFID);
            assertThat(answer.reply().originTimestamp()).isEqualTo(answer.request().transmitTimestamp());
            assertThat(answer.leap()).isEqualTo("no-leap");
            assertThat(answer.offsetSeconds()).isCloseTo(0.0, within(0.001));
        }
    }

    @Test
    void chronydClientSelectsAChronydServerWithinSeconds() {
        try (Daemon server = peers.chronydServer(CHRONYD);
                Daemon client = peers.chronydClient(CHRONYD, FAST_POLL)) {
            Chronyc chronyc = new Chronyc(peers.netns(), client);
            List<ChronySource> sources = chronyc.awaitSelection(SELECTION_TIMEOUT);

            assertThat(sources).as(() -> sources + "\n" + client.logTail() + server.logTail())
                    .singleElement()
                    .satisfies(source -> {
                        assertThat(source.selected()).isTrue();
                        assertThat(source.fullyReachable()).isTrue();
                        assertThat(source.stratum()).isEqualTo(8);
                        assertThat(source.offsetSeconds()).isCloseTo(0.0, within(0.001));
                    });
            assertThat(chronyc.tracking().slowOfNtpTimeSeconds()).isCloseTo(0.0, within(0.001));
        }
    }

    @Test
    void ntpdigGetsAReplyFromAnNtpsecOrphanServer() {
        try (Daemon server = peers.ntpsecServer(NTPSEC)) {
            // An orphan answers unsynchronised until its orphan wait (1 s) is over.
            CommandResult query = Ntpdig.awaitAnswer(peers.netns(), NTPSEC, SELECTION_TIMEOUT);
            assertThat(query.succeeded()).as(() -> query.describe() + server.logTail()).isTrue();

            NtpdigReply answer = NtpdigReply.parse(query.stdout());
            assertThat(answer.reply().mode()).isEqualTo(4);
            assertThat(answer.reply().stratum()).isEqualTo(8);
            assertThat(answer.reply().originTimestamp()).isEqualTo(answer.request().transmitTimestamp());
            assertThat(answer.offsetSeconds()).isCloseTo(0.0, within(0.001));
        }
    }
}
