package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLockTarget;

/**
 * Our daemon as a client, on a software clock started 0.25 s ahead and gaining 50 ppm, polling
 * chronyd and NTPsec servers that serve this machine's clock. How far its served time is from
 * that clock is measured by a chronyd {@code -x} client of our server, polling four times a
 * second: chronyd reports in {@code tracking} how far its source is from the clock both read.
 */
@InteropTest
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = InteropTest.CPUS, mode = ResourceAccessMode.READ, target = ResourceLockTarget.CHILDREN)
class JntpClientInteropIT {
    /** Held alone by the test that times our start against chronyd's, shared by the others. */
    private static final String START_UP_RACE = "start-up race";
    private static final String OURS = "127.0.0.1";
    private static final String GOOD = "127.0.0.2";
    private static final String OTHER_GOOD = "127.0.0.3";
    private static final String LIAR = "127.0.0.4";
    private static final String[] SOFTWARE_CLOCK = {"--software-clock", "0.25,50"};
    private static final int FAST_POLL = -2;
    /** chronyd's default poll exponent: its client polls as ours does, 64 s after the first volley. */
    private static final int DEFAULT_POLL = 6;
    private static final double TOLERANCE_SECONDS = 0.001;
    /** Issue 3: |offset| below 1 ms within 60 s... */
    private static final Duration SYNC_LIMIT = Duration.ofSeconds(60);
    /** ...and staying there: watched until this long after our daemon listened, past its first regular poll. */
    private static final Duration WATCHED = Duration.ofSeconds(85);
    /** As long, where a shorter look suffices (the other servers have been seen through a poll already). */
    private static final Duration GLANCED = Duration.ofSeconds(30);
    private static final Duration SERVER_READY = Duration.ofSeconds(30);
    private static final Duration SELECTION_LIMIT = Duration.ofSeconds(40);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(200);
    private static final double MIN_SYNC_LIMIT_SECONDS = 8;
    /** Our first request is basic, and chronyd answers the second in basic mode too. */
    private static final int BASIC_REQUESTS_BEFORE_INTERLEAVED = 2;

    /**
     * A namespace for each test: they run at once, each with the same addresses in its own, except
     * the start-up race with chronyd, which runs alone (its lock) so that no other test's start slows it.
     */
    @AutoClose
    private final PeerDaemons peers = PeerDaemons.inNewNamespace("jntpclient");

    @BeforeAll
    static void linkTheRuntime() {
        CommandResult usage = PeerDaemons.linkTheDaemonsRuntime();
        assertThat(usage.exitCode()).as(usage::describe).isEqualTo(2);
    }

    @Test
    @ResourceLock(value = START_UP_RACE, mode = ResourceAccessMode.READ)
    void followsAChronydServerWithinAMillisecond() {
        try (Daemon upstream = peers.chronydServer(GOOD);
                Daemon ours = peers.jntpClient(OURS, "server " + GOOD + " iburst", SOFTWARE_CLOCK)) {
            long listeningNanos = System.nanoTime();
            try (Daemon measuring = peers.chronydClient(OURS, FAST_POLL)) {
                assertKeepsWithinAMillisecond("chronyd server", listeningNanos, WATCHED, ours, measuring, upstream);
            }
        }
    }

    @Test
    @ResourceLock(value = START_UP_RACE, mode = ResourceAccessMode.READ)
    void followsAChronydServerInInterleavedModeWithinAMillisecond() {
        try (Daemon upstream = peers.chronydServer(GOOD);
                Daemon ours = peers.jntpClient(OURS, "server " + GOOD + " iburst xleave", SOFTWARE_CLOCK)) {
            long listeningNanos = System.nanoTime();
            try (Daemon measuring = peers.chronydClient(OURS, FAST_POLL)) {
                assertKeepsWithinAMillisecond("chronyd server, xleave", listeningNanos, GLANCED, ours, measuring,
                        upstream);
            }
            ChronyServerStats stats = new Chronyc(peers.netns(), upstream).serverstats();
            // chronyd 4.3 keeps a client's receive timestamp from its second request on
            assertThat(stats.interleavedRequests()).as(() -> stats + "\n" + ours.logTail())
                    .isPositive()
                    .isGreaterThanOrEqualTo(stats.requests() - BASIC_REQUESTS_BEFORE_INTERLEAVED);
        }
    }

    @Test
    @ResourceLock(value = START_UP_RACE, mode = ResourceAccessMode.READ)
    void followsAnNtpsecServerWithinAMillisecond() {
        try (Daemon upstream = peers.ntpsecServer(GOOD)) {
            awaitSynchronised(upstream, GOOD);
            try (Daemon ours = peers.jntpClient(OURS, "server " + GOOD + " iburst", SOFTWARE_CLOCK)) {
                long listeningNanos = System.nanoTime();
                try (Daemon measuring = peers.chronydClient(OURS, FAST_POLL)) {
                    assertKeepsWithinAMillisecond("NTPsec server", listeningNanos, GLANCED, ours, measuring,
                            upstream);
                }
            }
        }
    }

    @Test
    @ResourceLock(value = START_UP_RACE, mode = ResourceAccessMode.READ)
    void followsTwoGoodServersAndNotTheOneLyingByHalfASecond() {
        try (Daemon good = peers.chronydServer(GOOD);
                Daemon otherGood = peers.chronydServer(OTHER_GOOD);
                Daemon liar = peers.jntp(LIAR, "--software-clock", "0.5,0");
                Daemon ours = peers.jntpClient(OURS, String.join("\n", "server " + GOOD + " iburst",
                        "server " + OTHER_GOOD + " iburst", "server " + LIAR + " iburst"), SOFTWARE_CLOCK)) {
            long listeningNanos = System.nanoTime();
            try (Daemon measuring = peers.chronydClient(OURS, FAST_POLL)) {
                assertKeepsWithinAMillisecond("two good servers and a liar", listeningNanos, GLANCED, ours,
                        measuring, liar);
            }
            assertThat(log(ours)).as(() -> ours.logTail()).contains("synchronized to 127.0.0.")
                    .doesNotContain("synchronized to " + LIAR);
        }
    }

    @Test
    @ResourceLock(value = START_UP_RACE, mode = ResourceAccessMode.READ_WRITE)
    void synchronisesWithIburstWithinOneAndAHalfTimesChronydsTime() {
        try (Daemon upstream = peers.chronydServer(GOOD)) {
            long chronydStart = System.nanoTime();
            double chronydSeconds;
            try (Daemon chronyd = peers.chronydClient(GOOD, DEFAULT_POLL)) {
                Chronyc chronyc = new Chronyc(peers.netns(), chronyd);
                List<ChronySource> sources = Await.until(SELECTION_LIMIT, PROBE_INTERVAL, chronyc::sources,
                        found -> found.stream().anyMatch(ChronySource::selected));
                chronydSeconds = (System.nanoTime() - chronydStart) / 1e9;
                assertThat(sources).as(() -> sources + chronyd.logTail()).anyMatch(ChronySource::selected);
            }

            long oursStart = System.nanoTime();
            try (Daemon ours = peers.jntpClient(OURS, "server " + GOOD + " iburst", SOFTWARE_CLOCK)) {
                CommandResult probe = Await.until(SELECTION_LIMIT, PROBE_INTERVAL,
                        () -> Ntpdig.probe(peers.netns(), OURS), JntpClientInteropIT::synchronisedAtStratum9);
                double oursSeconds = (System.nanoTime() - oursStart) / 1e9;
                double limit = Math.max(MIN_SYNC_LIMIT_SECONDS, 1.5 * chronydSeconds);
                System.out.printf(Locale.ROOT, "time to synchronise with iburst, from start: ours %.1f s"
                        + " (LI 0, stratum 9 as ntpdig sees it), chronyd %.1f s (source selected); limit %.1f s%n",
                        oursSeconds, chronydSeconds, limit);

                assertThat(synchronisedAtStratum9(probe)).as(() -> probe.describe() + ours.logTail()).isTrue();
                assertThat(oursSeconds).isLessThanOrEqualTo(limit);
            }
        }
    }

    private static boolean synchronisedAtStratum9(CommandResult probe) {
        if (!probe.succeeded()) {
            return false;
        }
        NtpdigReply reply = NtpdigReply.parse(probe.stdout());
        return reply.reply().leap() == 0 && reply.stratum() == 9;
    }

    private void awaitSynchronised(Daemon server, String address) {
        CommandResult query = Ntpdig.awaitAnswer(peers.netns(), address, SERVER_READY);
        assertThat(query.succeeded()).as(() -> "server never synchronised\n" + query.describe() + server.logTail())
                .isTrue();
    }

    /**
     * Our served time within 1 ms of this machine's clock, as the measuring chronyd sees it, within
     * {@link #SYNC_LIMIT} of our daemon listening, and then at every look, once a second, until
     * {@code watched} after it listened.
     */
    private void assertKeepsWithinAMillisecond(String what, long listeningNanos, Duration watched,
            Daemon ours, Daemon measuring, Daemon other) {
        ServedTime served = new ServedTime(new Chronyc(peers.netns(), measuring), OURS);
        Duration left = SYNC_LIMIT.minusNanos(System.nanoTime() - listeningNanos);
        ServedTime.Measurement reached = Await.until(left, PROBE_INTERVAL, served::measure,
                m -> m.within(TOLERANCE_SECONDS));
        double reachedSeconds = (System.nanoTime() - listeningNanos) / 1e9;
        assertThat(reached.within(TOLERANCE_SECONDS))
                .as(() -> what + ": not within 1 ms after " + SYNC_LIMIT.toSeconds() + " s: " + reached + "\n"
                        + ours.logTail() + measuring.logTail() + other.logTail())
                .isTrue();
        List<ServedTime.Measurement> trace = served.watchUntil(listeningNanos + watched.toNanos());
        System.out.printf(Locale.ROOT, "%s: served time within 1 ms %.1f s after our daemon listened"
                + " (%s); worst |offset| from then to %d s: %.3f ms%n",
                what, reachedSeconds, reached, watched.toSeconds(), ServedTime.worstMillis(trace));
        assertThat(trace).as(() -> what + ": " + trace + "\n" + ours.logTail())
                .allMatch(m -> m.within(TOLERANCE_SECONDS));
    }

    private static String log(Daemon daemon) {
        try {
            return Files.readString(daemon.dir().resolve("log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
