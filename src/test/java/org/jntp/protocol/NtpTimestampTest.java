package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NtpTimestampTest {
    private static final long NANOS = 1_000_000_000L;
    private static final long ERA_ROLLOVER_UNIX_SECONDS = (1L << 32) - NtpTimestamp.UNIX_EPOCH_NTP_SECONDS;
    private static final long YEAR_1900_NANOS = -NtpTimestamp.UNIX_EPOCH_NTP_SECONDS * NANOS;
    private static final long YEAR_2190_NANOS = unixNanos("2190-01-01T00:00:00Z");
    private static final long LATEST_PIVOT_NANOS = unixNanos("2193-01-01T00:00:00Z");
    private static final long SIXTY_EIGHT_YEARS_NANOS = ((1L << 31) - 2) * NANOS;

    private static long unixNanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * NANOS + i.getNano();
    }

    @Test
    void unixEpochIsNtpSecond2208988800() {
        assertThat(NtpTimestamp.ofUnixNanos(0).bits()).isEqualTo(2_208_988_800L << 32);
    }

    @Test
    void secondsCountFromNineteenHundred() {
        NtpTimestamp newYear2024 = NtpTimestamp.ofUnixNanos(unixNanos("2024-01-01T00:00:00Z"));

        assertThat(newYear2024.seconds()).isEqualTo(0xe93c7f00L);
        assertThat(newYear2024.fraction()).isZero();
    }

    @Test
    void fractionCountsUnitsOfTwoToTheMinus32Seconds() {
        assertThat(NtpTimestamp.ofUnixNanos(NANOS / 2).fraction()).isEqualTo(0x8000_0000L);
        assertThat(NtpTimestamp.ofUnixNanos(123_456_789).fraction()).isEqualTo(530_242_871L);
    }

    @Test
    void roundTripOfAnyNanosecondValueIsLossless() {
        Random random = new Random(5905);
        for (int i = 0; i < 1_000_000; i++) {
            long nanos = random.nextLong(YEAR_1900_NANOS, YEAR_2190_NANOS);
            long pivot = Math.min(LATEST_PIVOT_NANOS, nanos + random.nextLong(-SIXTY_EIGHT_YEARS_NANOS, SIXTY_EIGHT_YEARS_NANOS));

            assertThat(NtpTimestamp.unixNanosOfBits(NtpTimestamp.bitsOfUnixNanos(nanos), pivot))
                    .as("nanos %d pivot %d", nanos, pivot)
                    .isEqualTo(nanos);
        }
    }

    @Test
    void roundTripIsLosslessAroundEraAndEpochBoundaries() {
        long[] boundaries = {YEAR_1900_NANOS, 0, ERA_ROLLOVER_UNIX_SECONDS * NANOS, YEAR_2190_NANOS};
        for (long boundary : boundaries) {
            for (long delta = -2 * NANOS; delta <= 2 * NANOS; delta += 1_000_003) {
                for (long nanos = boundary + delta - 3; nanos <= boundary + delta + 3; nanos++) {
                    assertThat(NtpTimestamp.ofUnixNanos(nanos).toUnixNanos(boundary)).isEqualTo(nanos);
                }
            }
        }
    }

    @Test
    void rollsOverToSecondEraOn20360207() {
        NtpTimestamp lastOfEra0 = NtpTimestamp.ofUnixNanos(unixNanos("2036-02-07T06:28:15Z"));
        NtpTimestamp firstOfEra1 = NtpTimestamp.ofUnixNanos(unixNanos("2036-02-07T06:28:16Z"));

        assertThat(lastOfEra0.seconds()).isEqualTo(0xFFFF_FFFFL);
        assertThat(firstOfEra1.bits()).isZero();
    }

    @Test
    void picksTheEraClosestToThePivot() {
        NtpTimestamp smallSeconds = new NtpTimestamp(10L << 32);

        assertThat(smallSeconds.toUnixNanos(unixNanos("2030-01-01T00:00:00Z")))
                .isEqualTo(unixNanos("2036-02-07T06:28:26Z"));
        assertThat(smallSeconds.toUnixNanos(unixNanos("1920-01-01T00:00:00Z")))
                .isEqualTo(unixNanos("1900-01-01T00:00:10Z"));
    }

    @Test
    void convertsTimesBefore1970() {
        long moonLanding = unixNanos("1969-07-20T20:17:40.123456789Z");

        assertThat(NtpTimestamp.ofUnixNanos(moonLanding).toUnixNanos(0)).isEqualTo(moonLanding);
    }

    @Test
    void minusNanosIsSignedDifference() {
        NtpTimestamp earlier = NtpTimestamp.ofUnixNanos(unixNanos("2024-01-01T00:00:00Z"));
        NtpTimestamp later = NtpTimestamp.ofUnixNanos(unixNanos("2024-01-01T00:00:01.25Z"));

        assertThat(later.minusNanos(earlier)).isEqualTo(1_250_000_000L);
        assertThat(earlier.minusNanos(later)).isEqualTo(-1_250_000_000L);
    }

    @Test
    void minusNanosWrapsAcrossEraRollover() {
        long rollover = ERA_ROLLOVER_UNIX_SECONDS * NANOS;
        NtpTimestamp before = NtpTimestamp.ofUnixNanos(rollover - 300_000_000);
        NtpTimestamp after = NtpTimestamp.ofUnixNanos(rollover + 200_000_000);

        assertThat(after.minusNanos(before)).isEqualTo(500_000_000L);
        assertThat(before.minusNanos(after)).isEqualTo(-500_000_000L);
    }

    @Test
    void minusNanosMatchesDifferenceOfUnixNanos() {
        Random random = new Random(4330);
        for (int i = 0; i < 100_000; i++) {
            long a = random.nextLong(YEAR_1900_NANOS, YEAR_2190_NANOS);
            long b = a + random.nextLong(-SIXTY_EIGHT_YEARS_NANOS, SIXTY_EIGHT_YEARS_NANOS);

            assertThat(NtpTimestamp.ofUnixNanos(a).minusNanos(NtpTimestamp.ofUnixNanos(b)))
                    .isBetween(a - b - 1, a - b + 1);
        }
    }

    @Test
    void zeroIsTheOnlyZeroTimestamp() {
        assertThat(NtpTimestamp.ZERO.isZero()).isTrue();
        assertThat(new NtpTimestamp(1).isZero()).isFalse();
    }

    @Test
    void printsAsNtpqHex() {
        assertThat(new NtpTimestamp(0xe6a1b2c3_12345678L)).hasToString("e6a1b2c3.12345678");
        assertThat(NtpTimestamp.ZERO).hasToString("00000000.00000000");
    }
}
