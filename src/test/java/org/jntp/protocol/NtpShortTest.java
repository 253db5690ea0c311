package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NtpShortTest {
    private static final long HALF_UNIT_NANOS = 7_630;

    @Test
    void oneSecondIsSixteenBitsOfSeconds() {
        assertThat(NtpShort.ofNanos(1_000_000_000L).bits()).isEqualTo(0x0001_0000);
        assertThat(NtpShort.ofSeconds(1.0).bits()).isEqualTo(0x0001_0000);
    }

    @Test
    void fractionRoundsToNearestUnit() {
        assertThat(NtpShort.ofNanos(15_258).bits()).isEqualTo(1);
        assertThat(NtpShort.ofNanos(7_629).bits()).isEqualTo(0);
        assertThat(NtpShort.ofNanos(7_630).bits()).isEqualTo(1);
    }

    @Test
    void roundTripStaysWithinHalfAUnit() {
        Random random = new Random(16);
        for (int i = 0; i < 100_000; i++) {
            long nanos = Math.floorMod(random.nextLong(), 65_535_000_000_000L);

            assertThat(NtpShort.ofNanos(nanos).toNanos()).isBetween(nanos - HALF_UNIT_NANOS, nanos + HALF_UNIT_NANOS);
        }
    }

    @Test
    void readsAllThirtyTwoBitsUnsigned() {
        NtpShort large = new NtpShort(0x8000_0000);

        assertThat(large.toSeconds()).isEqualTo(32768.0);
        assertThat(large.toNanos()).isEqualTo(32_768_000_000_000L);
    }

    @Test
    void saturatesAtMaximum() {
        assertThat(NtpShort.ofNanos(Long.MAX_VALUE)).isEqualTo(NtpShort.MAX);
        assertThat(NtpShort.ofNanos(70_000_000_000_000L)).isEqualTo(NtpShort.MAX);
        assertThat(NtpShort.ofSeconds(1e9)).isEqualTo(NtpShort.MAX);
        assertThat(NtpShort.ofSeconds(Double.POSITIVE_INFINITY)).isEqualTo(NtpShort.MAX);
        assertThat(NtpShort.ofNanos(NtpShort.MAX.toNanos())).isEqualTo(NtpShort.MAX);
    }

    @Test
    void negativeAndNaNBecomeZero() {
        assertThat(NtpShort.ofNanos(-1)).isEqualTo(NtpShort.ZERO);
        assertThat(NtpShort.ofSeconds(-0.5)).isEqualTo(NtpShort.ZERO);
        assertThat(NtpShort.ofSeconds(Double.NaN)).isEqualTo(NtpShort.ZERO);
    }

    @Test
    void secondsAndNanosAgree() {
        Random random = new Random(17);
        for (int i = 0; i < 10_000; i++) {
            NtpShort value = new NtpShort(random.nextInt());

            assertThat(NtpShort.ofSeconds(value.toSeconds())).isEqualTo(value);
            assertThat(NtpShort.ofNanos(value.toNanos())).isEqualTo(value);
        }
    }

    @Test
    void primitivesMatchRecordMethods() {
        assertThat(NtpShort.bitsOfNanos(1_500_000_000L)).isEqualTo(NtpShort.ofSeconds(1.5).bits());
        assertThat(NtpShort.nanosOfBits(0x0001_8000)).isEqualTo(1_500_000_000L);
    }

    @Test
    void printsHexSecondsAndFraction() {
        assertThat(new NtpShort(0x0001_8000)).hasToString("0001.8000");
    }
}
