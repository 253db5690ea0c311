package org.jntp.kernel.guest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KernelArrivalTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long READ_REALTIME_NANOS = 1_800_000_000L * SECOND;
    private static final long READ_RAW_NANOS = 5_000 * SECOND;

    @Test
    void takesTheStampsAgeBackFromTheRawReading() {
        long kernelNanos = READ_REALTIME_NANOS - 1_500_000;

        assertThat(KernelArrival.rawNanos(kernelNanos, READ_REALTIME_NANOS, READ_RAW_NANOS))
                .isEqualTo(READ_RAW_NANOS - 1_500_000);
    }

    @Test
    void arrivedAtTheReadingWhenStampedThen() {
        assertThat(KernelArrival.rawNanos(READ_REALTIME_NANOS, READ_REALTIME_NANOS, READ_RAW_NANOS))
                .isEqualTo(READ_RAW_NANOS);
    }

    @Test
    void fallsBackToTheReadingWithoutAStamp() {
        assertThat(KernelArrival.rawNanos(0, READ_REALTIME_NANOS, READ_RAW_NANOS)).isEqualTo(READ_RAW_NANOS);
    }

    @Test
    void fallsBackToTheReadingWhenTheClockWasSteppedBackUnderTheStamp() {
        long kernelNanos = READ_REALTIME_NANOS + 5 * SECOND - 1_000_000;

        assertThat(KernelArrival.rawNanos(kernelNanos, READ_REALTIME_NANOS, READ_RAW_NANOS)).isEqualTo(READ_RAW_NANOS);
    }

    @Test
    void fallsBackToTheReadingWhenTheClockWasSteppedForwardUnderTheStamp() {
        long kernelNanos = READ_REALTIME_NANOS - KernelArrival.MAX_AGE_NANOS;

        assertThat(KernelArrival.rawNanos(kernelNanos, READ_REALTIME_NANOS, READ_RAW_NANOS)).isEqualTo(READ_RAW_NANOS);
    }

    @Test
    void keepsAStampJustYoungerThanTheLongestWait() {
        long kernelNanos = READ_REALTIME_NANOS - KernelArrival.MAX_AGE_NANOS + 1;

        assertThat(KernelArrival.rawNanos(kernelNanos, READ_REALTIME_NANOS, READ_RAW_NANOS))
                .isEqualTo(READ_RAW_NANOS - KernelArrival.MAX_AGE_NANOS + 1);
    }
}
