package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * chronyd ({@code -x}, polling every 0.25 s) as a client of our server serving its local clock at
 * stratum 8. chronyd with {@code -x} leaves this machine's clock alone and reports how far its
 * source is from it, so it measures our server against the clock both of them read.
 */
@InteropTest
class ChronydClientInteropIT {
    private static final String SERVER = "127.0.0.1";
    private static final int FAST_POLL = -2;
    /** ntpd answers unsynchronised until it has selected its local clock: allow it that long. */
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SELECTION_TIMEOUT = Duration.ofSeconds(20);
    /** Looks at chronyd's last reply, each a poll (0.25 s) and more apart, so each sees another. */
    private static final int INTERLEAVED_LOOKS = 5;
    private static final Duration LOOK_INTERVAL = Duration.ofMillis(400);

    @AutoClose
    private static PeerDaemons peers;

    @BeforeAll
    static void createNamespace() {
        peers = PeerDaemons.inNewNamespace("chronyclient");
    }

    @Test
    void chronydSelectsOurServerAndAgreesWithinAMillisecond() {
        try (Daemon server = synchronisedJntp(); Daemon client = peers.chronydClient(SERVER, FAST_POLL)) {
            Chronyc chronyc = new Chronyc(peers.netns(), client);
            ChronySource source = awaitSelected(chronyc, server, client);

            assertThat(source.stratum()).isEqualTo(8);
            assertThat(source.offsetSeconds()).isCloseTo(0.0, within(0.001));
            assertThat(chronyc.tracking().slowOfNtpTimeSeconds()).isCloseTo(0.0, within(0.001));
        }
    }

    @Test
    void chronydMeasuresOurSoftwareClockAtItsOffset() {
        try (Daemon server = synchronisedJntp("--software-clock", "0.25,0");
                Daemon client = peers.chronydClient(SERVER, FAST_POLL)) {
            Chronyc chronyc = new Chronyc(peers.netns(), client);
            awaitSelected(chronyc, server, client);

            assertThat(chronyc.tracking().slowOfNtpTimeSeconds()).isCloseTo(0.25, within(0.001));
        }
    }

    @Test
    void chronydWithXleaveGetsInterleavedRepliesAndAgreesWithinAMillisecond() {
        try (Daemon server = synchronisedJntp(); Daemon client = peers.chronydClient(SERVER, FAST_POLL, "xleave")) {
            Chronyc chronyc = new Chronyc(peers.netns(), client);
            ChronySource source = awaitSelected(chronyc, server, client);
            List<ChronyNtpData> replies = new ArrayList<>();
            for (int look = 0; look < INTERLEAVED_LOOKS; look++) {
                replies.add(chronyc.ntpdata());
                sleep(LOOK_INTERVAL);
            }

            assertThat(replies).as(() -> replies + "\n" + client.logTail() + server.logTail())
                    .allMatch(ChronyNtpData::interleaved, "interleaved")
                    .extracting(ChronyNtpData::validReplies).isSorted().doesNotHaveDuplicates();
            assertThat(source.offsetSeconds()).isCloseTo(0.0, within(0.001));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Daemon synchronisedJntp(String... ntpdArgs) {
        Daemon server = peers.jntp(SERVER, ntpdArgs);
        CommandResult query = Ntpdig.awaitAnswer(peers.netns(), SERVER, SYNC_TIMEOUT);
        if (!query.succeeded()) {
            server.stop();
            throw new AssertionError("our server never answered as synchronised\n" + query.describe() + server.logTail());
        }
        return server;
    }

    /** Our server once chronyd selected it and answered its last eight polls. */
    private static ChronySource awaitSelected(Chronyc chronyc, Daemon server, Daemon client) {
        List<ChronySource> sources = chronyc.awaitSelection(SELECTION_TIMEOUT);
        assertThat(sources).as(() -> sources + "\n" + client.logTail() + server.logTail())
                .singleElement()
                .matches(ChronySource::selected, "selected (^*)")
                .matches(ChronySource::fullyReachable, "reach 377");
        return sources.getFirst();
    }
}
