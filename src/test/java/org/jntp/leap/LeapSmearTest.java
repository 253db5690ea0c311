package org.jntp.leap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.jntp.leap.LeapFixtures.LAST_LEAP_NANOS;
import static org.jntp.leap.LeapFixtures.nanos;

import java.util.Random;
import org.jntp.clock.LeapState;
import org.junit.jupiter.api.Test;

class LeapSmearTest {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final Leap INSERTION = new Leap(LAST_LEAP_NANOS, LeapState.INSERT);
    private static final Leap DELETION = new Leap(LAST_LEAP_NANOS, LeapState.DELETE);
    private static final LeapSmear DAY = new LeapSmear(86_400);
    private static final long START_NANOS = nanos("2016-12-31T00:00:00Z");

    @Test
    void isZeroAtTheStartOfTheInterval() {
        assertThat(DAY.offsetSeconds(START_NANOS, INSERTION, false)).isZero();
    }

    @Test
    void isHalfASecondBackInTheMiddle() {
        assertThat(DAY.offsetSeconds(nanos("2016-12-31T12:00:00Z"), INSERTION, false)).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void reachesMinusOneSecondWhereTheClockStepsBack() {
        assertThat(DAY.offsetSeconds(LAST_LEAP_NANOS - 1, INSERTION, false)).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void holdsMinusOneSecondWhileTheClockHasNotTakenTheLeap() {
        assertThat(DAY.offsetSeconds(LAST_LEAP_NANOS + 5 * NANOS_PER_SECOND, INSERTION, false)).isEqualTo(-1.0);
    }

    @Test
    void isZeroOnceTheClockHasTakenTheLeap() {
        assertThat(DAY.offsetSeconds(LAST_LEAP_NANOS - NANOS_PER_SECOND / 2, INSERTION, true)).isZero();
        assertThat(DAY.offsetSeconds(LAST_LEAP_NANOS + 3_600 * NANOS_PER_SECOND, INSERTION, true)).isZero();
    }

    @Test
    void isZeroBeforeTheInterval() {
        assertThat(DAY.offsetSeconds(START_NANOS - 1, INSERTION, false)).isZero();
        assertThat(DAY.smearing(START_NANOS - 1, INSERTION, false)).isFalse();
    }

    @Test
    void followsTheCosineAQuarterIn() {
        double expected = -(1 - Math.cos(Math.PI / 4)) / 2;

        assertThat(DAY.offsetSeconds(nanos("2016-12-31T06:00:00Z"), INSERTION, false))
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void smearsADeletionForwardUpToTheSkippedSecond() {
        long end = nanos("2016-12-31T23:59:59Z");

        assertThat(DAY.offsetSeconds(end - 43_200 * NANOS_PER_SECOND, DELETION, false)).isCloseTo(0.5, within(1e-12));
        assertThat(DAY.offsetSeconds(end, DELETION, false)).isEqualTo(1.0);
    }

    @Test
    void servedTimeIsRightAgainAtMidnightAfterTheLeapSecond() {
        assertThat(DAY.smearedNanos(LAST_LEAP_NANOS, INSERTION, true)).isEqualTo(LAST_LEAP_NANOS);
    }

    @Test
    void servedTimeRunsOnAcrossTheKernelStep() {
        long beforeStep = DAY.smearedNanos(LAST_LEAP_NANOS - 1, INSERTION, false);
        long afterStep = DAY.smearedNanos(LAST_LEAP_NANOS - NANOS_PER_SECOND, INSERTION, true);

        assertThat(afterStep - beforeStep).isBetween(0L, 2L);
    }

    @Test
    void smearedTimeNeverRunsBackwardsNorFasterOrSlowerThanTheCosineAllows() {
        Random random = new Random(8_6400);
        for (int round = 0; round < 200; round++) {
            long intervalSeconds = 3_600 + random.nextLong(86_400 - 3_600 + 1);
            LeapSmear smear = new LeapSmear(intervalSeconds);
            double slowestRate = 1 - Math.PI / (2.0 * intervalSeconds);
            long trueNanos = LAST_LEAP_NANOS - (intervalSeconds + 600) * NANOS_PER_SECOND;
            long served = servedByAKernelClock(smear, trueNanos);
            while (trueNanos < LAST_LEAP_NANOS + 600 * NANOS_PER_SECOND) {
                long stepNanos = 1_000_000 + random.nextLong(120 * NANOS_PER_SECOND);
                trueNanos += stepNanos;
                long next = servedByAKernelClock(smear, trueNanos);

                assertThat(next - served).as("interval %d s at %d", intervalSeconds, trueNanos)
                        .isBetween((long) Math.floor(stepNanos * slowestRate) - 2, stepNanos + 2);
                served = next;
            }
        }
    }

    @Test
    void putsTheSmearInTheReferenceIdAsNtpd() {
        assertThat(LeapSmear.referenceIdBits(0.0)).isEqualTo(0xFE00_0000);
        assertThat(LeapSmear.referenceIdBits(-0.25)).isEqualTo(0xFEF0_0000);
        assertThat(LeapSmear.referenceIdBits(-1.0)).isEqualTo(0xFEC0_0000);
        assertThat(LeapSmear.referenceIdBits(1.75)).isEqualTo(0xFE70_0000);
    }

    @Test
    void encodesTheReferenceIdOfNtpdsSmearDocumentation() {
        int bits = LeapSmear.referenceIdBits(-0.932087);

        assertThat(new int[] {bits >>> 24, bits >>> 16 & 0xFF, bits >>> 8 & 0xFF, bits & 0xFF})
                .containsExactly(254, 196, 88, 176);
    }

    @Test
    void refusesAnIntervalOfZero() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LeapSmear(0));
    }

    /**
     * What a server serves at a true (leap-free, continuous) time: the kernel inserts the second
     * by stepping CLOCK_REALTIME back from 00:00:00 to 23:59:59 and replaying it.
     */
    private static long servedByAKernelClock(LeapSmear smear, long trueNanos) {
        boolean tookLeap = trueNanos >= LAST_LEAP_NANOS;
        long clockNanos = tookLeap ? trueNanos - NANOS_PER_SECOND : trueNanos;
        return smear.smearedNanos(clockNanos, INSERTION, tookLeap);
    }
}
