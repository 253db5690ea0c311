package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DelayStatisticsTest {

    @Test
    void boundsTheFirstSampleByHalfItsWholeDelay() {
        DelayStatistics statistics = new DelayStatistics();
        statistics.add(0.004);

        assertThat(statistics.errorVarianceSeconds2(0.004, 0)).isCloseTo(0.004 * 0.004 / 12, within(1e-15));
    }

    @Test
    void boundsAQuickSampleAfterASlowOneByHalfItsOwnDelay() {
        DelayStatistics statistics = new DelayStatistics();
        statistics.add(0.003);
        statistics.add(0.0002);

        assertThat(statistics.errorVarianceSeconds2(0.0002, 0)).isCloseTo(0.0002 * 0.0002 / 12, within(1e-15));
    }

    @Test
    void trustsASampleNearTheLeastDelayMoreThanOneThatQueued() {
        DelayStatistics statistics = new DelayStatistics();
        for (int i = 0; i < 40; i++) {
            statistics.add(0.010 + 0.0001 * i);
        }

        double fast = statistics.errorVarianceSeconds2(0.0100, 0);
        double slow = statistics.errorVarianceSeconds2(0.0139, 0);

        assertThat(slow).isGreaterThan(100 * fast);
    }

    @Test
    void narrowsTheMarginAsDelaysAccumulate() {
        DelayStatistics statistics = new DelayStatistics();
        statistics.add(0.0102);
        statistics.add(0.0101);
        double fewSeen = statistics.margin();
        for (int i = 0; i < 30; i++) {
            statistics.add(0.0101 + 0.00001 * (i % 7));
        }

        assertThat(statistics.margin()).isLessThan(fewSeen);
    }

    @Test
    void neverFallsBelowTheFloor() {
        DelayStatistics statistics = new DelayStatistics();
        for (int i = 0; i < 64; i++) {
            statistics.add(0.001);
        }

        assertThat(statistics.errorVarianceSeconds2(0.001, 1e-6)).isGreaterThanOrEqualTo(1e-12);
    }

    @Test
    void remembersOnlyTheRecentWindow() {
        DelayStatistics statistics = new DelayStatistics();
        statistics.add(0.001);
        for (int i = 0; i < DelayStatistics.WINDOW; i++) {
            statistics.add(0.005);
        }

        assertThat(statistics.least()).isEqualTo(0.005);
        assertThat(statistics.count()).isEqualTo(DelayStatistics.WINDOW);
    }

    @Test
    void forgetsEverythingWhenCleared() {
        DelayStatistics statistics = new DelayStatistics();
        statistics.add(0.001);
        statistics.clear();

        assertThat(statistics.count()).isZero();
    }
}
