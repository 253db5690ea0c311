package org.jntp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static SeedResult seed(long seed, OptionalLong first, OptionalLong settled, long samples, double rmsSeconds,
            double maxSeconds, double rmsFreqPpm, boolean followed, long unsync, PollIntervals polls) {
        return new SeedResult(seed, first, settled, samples, rmsSeconds * rmsSeconds * samples, maxSeconds,
                rmsFreqPpm * rmsFreqPpm * samples, followed, unsync, polls, 0, 0);
    }

    private final List<SeedResult> results = List.of(
            seed(1, OptionalLong.of(7), OptionalLong.of(20), 100, 100e-6, 300e-6, 0.1, false, 0,
                    new PollIntervals(640_000_000_000L, 10)),
            seed(2, OptionalLong.of(9), OptionalLong.of(80), 300, 200e-6, 900e-6, 0.2, true, 5,
                    new PollIntervals(1_280_000_000_000L, 10)),
            seed(3, OptionalLong.empty(), OptionalLong.empty(), 100, 50e-6, 100e-6, 0.1, false, 0,
                    PollIntervals.NONE));
    private final Summary summary = Summary.of(results);

    @Test
    void rmsOffsetPoolsEverySampleOfEverySeed() {
        double pooled = Math.sqrt((100 * 1e-8 + 300 * 4e-8 + 100 * 0.25e-8) / 500);

        assertThat(summary.rmsOffsetSeconds()).isCloseTo(pooled, within(1e-15));
    }

    @Test
    void worstSeedIsTheLargestSeedRms() {
        assertThat(summary.worstSeedRmsSeconds()).isCloseTo(200e-6, within(1e-15));
    }

    @Test
    void maximumIsOverAllSeeds() {
        assertThat(summary.maxAbsOffsetSeconds()).isEqualTo(900e-6);
    }

    @Test
    void firstBelowAndSettledAreOverTheSeedsThatGotThere() {
        assertThat(summary.firstBelow1msMeanSeconds()).hasValue(8.0);
        assertThat(summary.firstBelow1msMaxSeconds()).hasValue(9);
        assertThat(summary.settledMeanSeconds()).hasValue(50.0);
        assertThat(summary.settledMaxSeconds()).hasValue(80);
        assertThat(summary.never()).isEqualTo(1);
    }

    @Test
    void meanPollIntervalIsTotalSpanOverTotalIntervals() {
        assertThat(summary.meanPollIntervalSeconds()).hasValue(96.0);
    }

    @Test
    void rmsFrequencyErrorPoolsEverySample() {
        assertThat(summary.rmsFreqPpm()).isCloseTo(Math.sqrt((100 * 0.01 + 300 * 0.04 + 100 * 0.01) / 500.0),
                within(1e-12));
    }

    @Test
    void countsSeedsThatFollowedAFalsetickerAndSecondsWithoutSync() {
        assertThat(summary.followedFalseticker()).isEqualTo(1);
        assertThat(summary.unsynchronizedSeconds()).isEqualTo(5);
    }
}
