package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClockFilterTest {
    private static final double PRECISION = Math.scalb(1.0, -20);
    private static final long T0 = 1_795_681_550_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final int POLL = 6;

    private final ClockFilter filter = ClockFilter.withDefaults(PRECISION);

    private FilterResult add(double offset, double delay, double dispersion, long atSeconds) {
        return filter.add(new Sample(offset, delay, dispersion, T0 + atSeconds * SECOND), POLL);
    }

    private static PeerStatistics used(FilterResult result) {
        assertThat(result).isInstanceOf(FilterResult.Used.class);
        return result.usable().orElseThrow();
    }

    @Test
    void takesOffsetAndDelayFromTheLowestDelaySample() {
        add(0.003, 0.030, 0.0001, 0);
        PeerStatistics peer = used(add(0.001, 0.010, 0.0001, 64));

        assertThat(peer.offsetSeconds()).isEqualTo(0.001);
        assertThat(peer.delaySeconds()).isEqualTo(0.010);
        assertThat(peer.epochNanos()).isEqualTo(T0 + 64 * SECOND);
    }

    @Test
    void shiftMovesEveryStageAndThePeerOffsetByTheCorrection() {
        add(0.100, 0.010, 0.0001, 0);
        add(0.102, 0.012, 0.0001, 2);
        filter.shift(0.1);

        assertThat(filter.filterOffsetsSeconds()[0]).isCloseTo(0.002, within(1e-12));
        assertThat(filter.filterOffsetsSeconds()[1]).isCloseTo(0.000, within(1e-12));
        assertThat(filter.statistics().offsetSeconds()).isCloseTo(0.000, within(1e-12));
    }

    @Test
    void keepsItsJitterSmallAcrossALargeCorrection() {
        add(0.100, 0.010, 0.0001, 0);
        filter.shift(0.1);
        PeerStatistics peer = used(add(0.0001, 0.009, 0.0001, 2));

        assertThat(peer.jitterSeconds()).isLessThan(0.001);
    }

    @Test
    void sampledDispersionLeavesOutTheEmptyStages() {
        add(0.001, 0.010, 0.0004, 0);

        assertThat(filter.sampledDispersionSeconds()).isEqualTo(0.0002);
        assertThat(filter.dispersionSeconds()).isGreaterThan(7.9);
    }

    @Test
    void sampledDispersionWeighsTheStagesByDelayRankAsTheFilterDoes() {
        add(0.001, 0.030, 0.0008, 0);
        add(0.001, 0.010, 0.0004, 0);

        assertThat(filter.sampledDispersionSeconds()).isCloseTo(0.0004 / 2 + 0.0008 / 4, within(1e-12));
    }

    @Test
    void sampledDispersionIsMaxdispOnceCleared() {
        add(0.001, 0.010, 0.0004, 0);
        filter.clear();

        assertThat(filter.sampledDispersionSeconds()).isEqualTo(NtpConstants.MAXDISP);
    }

    @Test
    void ignoresALowestDelaySampleAlreadyUsed() {
        add(0.003, 0.030, 0.0001, 0);
        add(0.001, 0.010, 0.0001, 64);

        assertThat(add(0.002, 0.020, 0.0001, 128)).isInstanceOf(FilterResult.OldSample.class);
        assertThat(filter.statistics().offsetSeconds()).isEqualTo(0.001);
        assertThat(filter.statistics().epochNanos()).isEqualTo(T0 + 64 * SECOND);
    }

    @Test
    void agesStoredDispersionsByPhiPerSecondSinceTheLastSample() {
        add(0.0, 0.020, 0.001, 0);
        add(0.0, 0.010, 0.002, 100);

        double[] dispersions = filter.filterDispersionsSeconds();
        assertThat(dispersions[0]).isEqualTo(0.002);
        assertThat(dispersions[1]).isCloseTo(0.001 + 15e-6 * 100, within(1e-15));
        assertThat(dispersions[2]).isEqualTo(NtpConstants.MAXDISP);
    }

    @Test
    void weighsDispersionsByHalvesInDelayOrder() {
        add(0.0, 0.020, 0.001, 0);
        PeerStatistics peer = used(add(0.0, 0.010, 0.002, 100));

        // 0.002/2 + 0.0025/4 + 16 × (1/8 + ... + 1/256)
        double expected = 0.001 + 0.000625 + 16 * (0.25 - 1.0 / 256);
        assertThat(peer.dispersionSeconds()).isCloseTo(expected, within(1e-12));
        assertThat(filter.dispersionSeconds()).isEqualTo(peer.dispersionSeconds());
    }

    @Test
    void jitterIsTheRmsOfOffsetsAboutTheLowestDelaySample() {
        add(0.004, 0.020, 0.0001, 0);
        add(-0.002, 0.030, 0.0001, 64);
        PeerStatistics peer = used(add(0.001, 0.010, 0.0001, 128));

        assertThat(peer.jitterSeconds()).isCloseTo(0.003, within(1e-12));
    }

    @Test
    void floorsJitterAtThePrecision() {
        assertThat(used(add(0.001, 0.010, 0.0001, 0)).jitterSeconds()).isEqualTo(PRECISION);
    }

    @Test
    void leavesStagesBeyondMaxdistOutOfTheJitterOnceTwoAreCounted() {
        add(0.5, 2.0, 0.0001, 0);
        add(0.002, 0.020, 0.0001, 64);
        PeerStatistics peer = used(add(0.0, 0.010, 0.0001, 128));

        assertThat(peer.jitterSeconds()).isCloseTo(0.002, within(1e-12));
    }

    @Test
    void ranksSamplesPastTheAllanInterceptByDelayPlusDispersion() {
        add(0.005, 0.010, 0.5, 0);
        PeerStatistics peer = used(add(0.001, 0.020, 0.001, 3000));

        assertThat(peer.offsetSeconds()).isEqualTo(0.001);
    }

    @Test
    void suppressesAPopcornSpikeWithinTwoPollIntervalsOfTheLastSampleUsed() {
        burst(0.0, 0.010, 0);

        FilterResult last = burst(0.1, 0.020, 64);

        assertThat(last).isInstanceOf(FilterResult.PopcornSpike.class);
        assertThat(((FilterResult.PopcornSpike) last).offsetJumpSeconds()).isCloseTo(0.1, within(1e-12));
        assertThat(last.usable()).isEmpty();
    }

    @Test
    void usesAJumpOnceTheFilterHasHeldForTwoPollIntervals() {
        burst(0.0, 0.010, 0);

        assertThat(used(burst(0.1, 0.020, 200)).offsetSeconds()).isEqualTo(0.1);
    }

    @Test
    void usesAJumpThatPersistsIntoTheNextSample() {
        burst(0.0, 0.010, 0);
        burst(0.1, 0.020, 64);

        assertThat(used(add(0.1, 0.020, 0.0001, 80)).offsetSeconds()).isEqualTo(0.1);
    }

    @Test
    void aDummySampleIntoAnEmptyFilterLeavesNothingToUse() {
        FilterResult result = filter.add(ClockFilter.dummySample(T0), POLL);

        assertThat(result).isInstanceOf(FilterResult.NoValidSample.class);
        assertThat(filter.statistics().dispersionSeconds()).isCloseTo(NtpConstants.MAXDISP * (1 - 1.0 / 256), within(1e-12));
    }

    @Test
    void clearEmptiesEveryStage() {
        add(0.001, 0.010, 0.0001, 0);
        add(0.002, 0.011, 0.0001, 64);

        filter.clear();

        assertThat(filter.filterDispersionsSeconds()).containsOnly(NtpConstants.MAXDISP);
        assertThat(filter.filterOffsetsSeconds()).containsOnly(0.0);
        assertThat(filter.statistics()).isEqualTo(PeerStatistics.empty(PRECISION));
    }

    @Test
    void usesTheFirstSampleAfterClearWhateverItsTime() {
        add(0.001, 0.010, 0.0001, 64);
        filter.clear();

        assertThat(used(add(0.003, 0.010, 0.0001, 0)).offsetSeconds()).isEqualTo(0.003);
    }

    @Test
    void listsTheStagesNewestFirst() {
        add(0.001, 0.010, 0.0001, 0);
        add(0.002, 0.020, 0.0002, 64);

        assertThat(filter.filterOffsetsSeconds()).startsWith(0.002, 0.001, 0.0);
        assertThat(filter.filterDelaysSeconds()).startsWith(0.020, 0.010, 0.0);
        assertThat(filter.filterEpochsNanos()).startsWith(T0 + 64 * SECOND, T0, 0L);
    }

    /** Eight samples 2 s apart from {@code atSeconds}, as a burst sends them; the last result. */
    private FilterResult burst(double offset, double delay, long atSeconds) {
        int last = NtpConstants.NSTAGE - 1;
        for (int i = 0; i < last; i++) {
            add(offset, delay, 0.0001, atSeconds + 2L * i);
        }
        return add(offset, delay, 0.0001, atSeconds + 2L * last);
    }
}
