package org.jntp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jntp.protocol.ReferenceId;
import org.junit.jupiter.api.Test;

/**
 * The attacks on a client in the attack catalogue, each run in simulated time against the client
 * core, with the clock's true error as the judge: under each, the clock stays as close to true time
 * as without it, stays synchronised, and never follows a liar.
 */
class AttackCatalogueTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long RUN_SECONDS = 3_600;
    /** What three good LAN servers give without an attack, with room: ~50 µs RMS, ~0.3 ms worst. */
    private static final double MAX_ABS_OFFSET_SECONDS = 1e-3;
    private static final double RMS_OFFSET_SECONDS = 200e-6;
    /** The genuine reply arrives this long after what an adversary slips in before it. */
    private static final long GENUINE_LATER_NANOS = 1_000;
    private static final int ORIGIN = 24;
    private static final int RECEIVE = 32;
    private static final int TRANSMIT = 40;

    /** Three good servers on a LAN; the client starts 50 ms off with a 10 ppm oscillator error. */
    private static Scenario threeServers() {
        return new Scenario(3, 0, 0.5, Delay.LAN, Delay.LAN, 0, 0.05, 10, 0, 4, 6, false, RUN_SECONDS,
                new Seeds(1, 1));
    }

    /** One server whose clock is 0.5 s ahead; the client starts 50 ms off with no oscillator error. */
    private static Scenario oneLyingServer() {
        return new Scenario(1, 1, 0.5, Delay.LAN, Delay.LAN, 0, 0.05, 0, 0, 4, 6, false, RUN_SECONDS,
                new Seeds(1, 1));
    }

    private static SeedResult run(Scenario scenario, Adversary adversary) {
        return Simulation.run(scenario, 1, CoreClient.factory(), adversary);
    }

    private static void assertKeptTime(SeedResult result) {
        assertThat(result.maxAbsOffsetSeconds()).as("worst offset, s").isLessThan(MAX_ABS_OFFSET_SECONDS);
        assertThat(result.rmsOffsetSeconds()).as("RMS offset, s").isLessThan(RMS_OFFSET_SECONDS);
        assertThat(result.unsynchronizedSeconds()).as("seconds unsynchronised").isZero();
    }

    private static List<Adversary.Delivered> forgedThenGenuine(byte[] forged, byte[] genuine) {
        return List.of(new Adversary.Delivered(0, forged), new Adversary.Delivered(GENUINE_LATER_NANOS, genuine));
    }

    private static byte[] withTimestamp(byte[] reply, int offset, long bits) {
        byte[] copy = reply.clone();
        ByteBuffer.wrap(copy).putLong(offset, bits);
        return copy;
    }

    private static long timestamp(byte[] reply, int offset) {
        return ByteBuffer.wrap(reply).getLong(offset);
    }

    @Test
    void keepsTimeWithoutAnAttackAsTheBaselineOfTheOthers() {
        assertKeptTime(run(threeServers(), Adversary.NONE));
    }

    @Test
    void ignoresASpoofedKissOfDeathWhoseOriginIsWrong() {
        SplittableRandom attacker = new SplittableRandom(7);
        SeedResult result = run(threeServers(), (server, reply, nowNanos) -> {
            byte[] kiss = withTimestamp(reply, ORIGIN, attacker.nextLong());
            kiss[1] = 0;
            ByteBuffer.wrap(kiss).putInt(12, ReferenceId.ofAscii("DENY").bits());
            return forgedThenGenuine(kiss, reply);
        });

        assertKeptTime(result);
    }

    @Test
    void ignoresAReplayedEarlierReply() {
        Map<Integer, byte[]> previous = new HashMap<>();
        SeedResult result = run(threeServers(), (server, reply, nowNanos) -> {
            byte[] replayed = previous.put(server, reply);
            return replayed == null ? List.of(new Adversary.Delivered(0, reply)) : forgedThenGenuine(replayed, reply);
        });

        assertKeptTime(result);
    }

    @Test
    void ignoresADuplicateOfTheReply() {
        SeedResult result = run(threeServers(), (server, reply, nowNanos) -> List.of(
                new Adversary.Delivered(0, reply), new Adversary.Delivered(SECOND / 1000, reply)));

        assertKeptTime(result);
    }

    @Test
    void ignoresAReplyWithAZeroOrigin() {
        SeedResult result = run(threeServers(), (server, reply, nowNanos) -> {
            byte[] forged = withTimestamp(reply, ORIGIN, 0);
            long halfSecond = 1L << 31;
            forged = withTimestamp(forged, RECEIVE, timestamp(reply, RECEIVE) + halfSecond);
            forged = withTimestamp(forged, TRANSMIT, timestamp(reply, TRANSMIT) + halfSecond);
            return forgedThenGenuine(forged, reply);
        });

        assertKeptTime(result);
    }

    @Test
    void ignoresOffPathForgeriesWithRandomTimestamps() {
        SplittableRandom attacker = new SplittableRandom(11);
        SeedResult result = run(threeServers(), (server, reply, nowNanos) -> {
            byte[] forged = reply.clone();
            for (int offset = 16; offset < 48; offset += 8) {
                forged = withTimestamp(forged, offset, attacker.nextLong());
            }
            return forgedThenGenuine(forged, reply);
        });

        assertKeptTime(result);
    }

    @Test
    void outvotesAServerThatStepsByOneSecond() {
        long oneSecond = 1L << 32;
        SeedResult result = run(threeServers(), (server, reply, nowNanos) -> {
            if (server != 0 || nowNanos < RUN_SECONDS / 2 * SECOND) {
                return List.of(new Adversary.Delivered(0, reply));
            }
            byte[] stepped = withTimestamp(reply, RECEIVE, timestamp(reply, RECEIVE) + oneSecond);
            stepped = withTimestamp(stepped, TRANSMIT, timestamp(reply, TRANSMIT) + oneSecond);
            return List.of(new Adversary.Delivered(0, stepped));
        });

        assertKeptTime(result);
    }

    @Test
    void neverFollowsASourceAdvertisingStratumZero() {
        SeedResult result = run(oneLyingServer(), (server, reply, nowNanos) -> {
            byte[] unspecified = reply.clone();
            unspecified[1] = 0;
            return List.of(new Adversary.Delivered(0, unspecified));
        });

        assertThat(result.followedFalseticker()).isFalse();
        assertThat(result.maxAbsOffsetSeconds()).as("the clock keeps its own 50 ms").isLessThan(0.06);
    }

    @Test
    void neverFollowsASourceWhoseRootDistanceIsBeyondMaxdist() {
        SeedResult result = run(oneLyingServer(), (server, reply, nowNanos) -> {
            byte[] far = reply.clone();
            ByteBuffer.wrap(far).putInt(8, 2 << 16);
            return List.of(new Adversary.Delivered(0, far));
        });

        assertThat(result.followedFalseticker()).isFalse();
        assertThat(result.maxAbsOffsetSeconds()).as("the clock keeps its own 50 ms").isLessThan(0.06);
    }

    @Test
    void aLoneLyingSourceIsFollowedWhenNothingMarksItBadAsTheControlOfTheTwoAbove() {
        SeedResult result = run(oneLyingServer(), Adversary.NONE);

        assertThat(result.followedFalseticker()).isTrue();
    }
}
