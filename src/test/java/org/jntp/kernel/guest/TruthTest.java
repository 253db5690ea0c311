package org.jntp.kernel.guest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TruthTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long START_NANOS = 1_800_000_000L * SECOND;

    @Test
    void fallsBehindTheRawClockByTheFrequencyError() {
        Truth truth = Truth.at(0, START_NANOS, 50);

        assertThat(truth.trueNanos(1000 * SECOND)).isEqualTo(START_NANOS + 1000 * SECOND - 50_000_000);
    }

    @Test
    void keepsTrueTimeContinuousWhereTheErrorWanders() {
        Truth truth = Truth.at(0, START_NANOS, 50);
        long before = truth.trueNanos(100 * SECOND);

        truth.wander(100 * SECOND, -100);

        assertThat(truth.trueNanos(100 * SECOND)).isEqualTo(before);
        assertThat(truth.errorPpm()).isEqualTo(-50);
        assertThat(truth.trueNanos(200 * SECOND)).isEqualTo(before + 100 * SECOND + 5_000_000);
    }
}
