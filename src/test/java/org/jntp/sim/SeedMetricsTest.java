package org.jntp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SeedMetricsTest {

    /** 100 s runs: the window is seconds 25 to 100. */
    private static final Scenario HUNDRED_SECONDS = Scenarios.clock(0.1, 0, 100);

    private static SeedResult series(Scenario scenario, double... offsetsSeconds) {
        SeedMetrics metrics = new SeedMetrics(scenario);
        for (int second = 0; second < offsetsSeconds.length; second++) {
            metrics.sample(second, offsetsSeconds[second], 0, false);
        }
        return metrics.result(1, PollIntervals.NONE, 0, 0);
    }

    private static double[] constant(int samples, double offsetSeconds) {
        double[] offsets = new double[samples];
        Arrays.fill(offsets, offsetSeconds);
        return offsets;
    }

    @Test
    void firstBelowIsTheFirstSecondUnderOneMillisecond() {
        SeedResult r = series(HUNDRED_SECONDS, 0.1, 0.002, 0.001, 0.0009, 0.003, 0.0001);

        assertThat(r.firstBelow1msSeconds()).hasValue(3);
    }

    @Test
    void exactlyOneMillisecondIsNotBelow() {
        SeedResult r = series(HUNDRED_SECONDS, 0.1, -0.001, 0.001);

        assertThat(r.firstBelow1msSeconds()).isEmpty();
    }

    @Test
    void settledIsOneSecondAfterTheLastSecondAtOrAboveOneMillisecond() {
        SeedResult r = series(HUNDRED_SECONDS, 0.1, 0.0005, -0.001, 0.0002, 0.0003);

        assertThat(r.settledSeconds()).hasValue(3);
    }

    @Test
    void aRunStillAboveOneMillisecondAtItsEndNeverSettles() {
        SeedResult r = series(HUNDRED_SECONDS, 0.1, 0.0005, 0.0002, -0.0011);

        assertThat(r.settledSeconds()).isEqualTo(OptionalLong.empty());
    }

    @Test
    void aRunNeverAboveOneMillisecondSettlesAtTheStart() {
        SeedResult r = series(HUNDRED_SECONDS, 0.0005, 0.0002);

        assertThat(r.settledSeconds()).hasValue(0);
        assertThat(r.firstBelow1msSeconds()).hasValue(0);
    }

    @Test
    void rmsAndMaximumCoverOnlyTheWindow() {
        double[] offsets = constant(101, 0.0002);
        offsets[24] = 0.5;
        offsets[25] = -0.0004;

        SeedResult r = series(HUNDRED_SECONDS, offsets);

        assertThat(r.windowSamples()).isEqualTo(76);
        assertThat(r.maxAbsOffsetSeconds()).isEqualTo(0.0004);
        assertThat(r.rmsOffsetSeconds()).isCloseTo(Math.sqrt((75 * 4e-8 + 16e-8) / 76), within(1e-12));
    }

    @Test
    void rmsFrequencyErrorCoversTheWindow() {
        SeedMetrics metrics = new SeedMetrics(HUNDRED_SECONDS);
        for (int second = 0; second <= 100; second++) {
            metrics.sample(second, 0, second < 25 ? 100 : (second % 2 == 0 ? 0.3 : -0.3), false);
        }

        assertThat(metrics.result(1, PollIntervals.NONE, 0, 0).rmsFreqPpm()).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void followingTheFalsetickerCountsOnlyOnceTheClockWasSynchronised() {
        Scenario lying = Scenarios.lyingServer(0.5, 100);
        SeedMetrics before = new SeedMetrics(lying);
        before.sample(0, 0.45, 0, false);
        before.sample(1, 0.0, 0, true);
        SeedMetrics after = new SeedMetrics(lying);
        after.sample(0, 0.1, 0, false);
        after.sample(1, 0.45, 0, true);

        assertThat(before.result(1, PollIntervals.NONE, 0, 0).followedFalseticker()).isFalse();
        assertThat(after.result(1, PollIntervals.NONE, 0, 0).followedFalseticker()).isTrue();
    }

    @Test
    void followingTheFalsetickerMeansComingWithinATenthOfASecondOfIt() {
        Scenario lying = Scenarios.lyingServer(0.5, 100);
        SeedMetrics near = new SeedMetrics(lying);
        near.sample(0, 0.41, 0, true);
        SeedMetrics far = new SeedMetrics(lying);
        far.sample(0, 0.39, 0, true);

        assertThat(near.result(1, PollIntervals.NONE, 0, 0).followedFalseticker()).isTrue();
        assertThat(far.result(1, PollIntervals.NONE, 0, 0).followedFalseticker()).isFalse();
    }

    @Test
    void trueTimeNeverCountsAsFollowingANearbyFalseticker() {
        SeedMetrics metrics = new SeedMetrics(Scenarios.lyingServer(0.05, 100));
        metrics.sample(0, 0.0, 0, true);
        metrics.sample(1, 0.024, 0, true);

        assertThat(metrics.result(1, PollIntervals.NONE, 0, 0).followedFalseticker()).isFalse();
    }

    @Test
    void withoutFalsetickersNothingIsFollowed() {
        SeedMetrics metrics = new SeedMetrics(HUNDRED_SECONDS);
        metrics.sample(0, 0.5, 0, true);

        assertThat(metrics.result(1, PollIntervals.NONE, 0, 0).followedFalseticker()).isFalse();
    }

    @Test
    void countsUnsynchronisedSecondsOnlyAfterTheFirstSynchronisedOne() {
        SeedMetrics metrics = new SeedMetrics(HUNDRED_SECONDS);
        boolean[] synced = {false, false, true, true, false, false, true, false};
        for (int second = 0; second < synced.length; second++) {
            metrics.sample(second, 0, 0, synced[second]);
        }

        assertThat(metrics.result(1, PollIntervals.NONE, 0, 0).unsynchronizedSeconds()).isEqualTo(3);
    }
}
