package org.jntp.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every clock jntp keeps in software does when the daemon adjusts it. */
abstract class AdjustableClockContract {

    static final long START_NANOS = 1_700_000_000_000_000_000L;
    private static final Offset<Double> NANOSECOND = within(2e-9);

    private Clock clock;

    /** A new clock on true time, over a world whose time the test drives. */
    abstract Clock newClockOnTrueTime();

    /** Lets true time pass. */
    abstract void elapse(double seconds);

    /** True time now. */
    abstract long trueNanos();

    @BeforeEach
    void createClock() {
        clock = newClockOnTrueTime();
    }

    private double offsetSeconds() {
        return (clock.nowNanos() - trueNanos()) / 1e9;
    }

    @Test
    void slewDoesNotMoveTheClockAtOnce() {
        clock.slew(0.01);

        assertThat(offsetSeconds()).isCloseTo(0.0, NANOSECOND);
    }

    @Test
    void slewMovesTheClockForwardsAt500Ppm() {
        clock.slew(0.01);
        elapse(1);

        assertThat(offsetSeconds()).isCloseTo(500e-6, NANOSECOND);
    }

    @Test
    void slewStopsOnceTheOffsetIsApplied() {
        clock.slew(0.01);
        elapse(20);
        elapse(20);

        assertThat(offsetSeconds()).isCloseTo(0.01, NANOSECOND);
    }

    @Test
    void negativeSlewMovesTheClockBack() {
        clock.slew(-0.002);
        elapse(10);

        assertThat(offsetSeconds()).isCloseTo(-0.002, NANOSECOND);
    }

    @Test
    void slewReplacesTheSlewInProgress() {
        clock.slew(0.01);
        elapse(1);
        clock.slew(0.002);
        elapse(100);

        assertThat(offsetSeconds()).isCloseTo(0.0005 + 0.002, NANOSECOND);
    }

    @Test
    void slewIsClampedToHalfASecond() {
        clock.slew(3.0);
        elapse(3000);

        assertThat(offsetSeconds()).isCloseTo(0.5, NANOSECOND);
    }

    @Test
    void slewsAtTheRateAsked() {
        clock.setMaxSlewRate(50_000);
        clock.slew(0.01);
        elapse(0.1);

        assertThat(offsetSeconds()).isCloseTo(0.005, NANOSECOND);
        assertThat(clock.maxSlewRatePpm()).isEqualTo(50_000);
    }

    @Test
    void slewRateStopsAtTheTickLengthLimit() {
        clock.setMaxSlewRate(1e6);

        assertThat(clock.maxSlewRatePpm()).isEqualTo(Clock.MAX_SLEW_RATE_PPM);
    }

    @Test
    void newSlewRateAppliesToTheSlewInProgress() {
        clock.slew(0.01);
        elapse(1);
        clock.setMaxSlewRate(10_000);
        elapse(0.5);

        assertThat(offsetSeconds()).isCloseTo(0.0055, NANOSECOND);
    }

    @Test
    void timeConstantLeavesTheSlewRateAlone() {
        clock.setTimeConstant(10);
        clock.slew(0.01);
        elapse(1);

        assertThat(offsetSeconds()).isCloseTo(500e-6, NANOSECOND);
    }

    @Test
    void stepMovesTheClockAtOnce() {
        clock.step(-1.5);

        assertThat(offsetSeconds()).isCloseTo(-1.5, NANOSECOND);
    }

    @Test
    void stepCancelsTheSlewInProgress() {
        clock.slew(0.01);
        elapse(1);
        clock.step(1.0);
        elapse(100);

        assertThat(offsetSeconds()).isCloseTo(1.0005, NANOSECOND);
    }

    @Test
    void stepLeavesTheClockUnsynchronizedWithUnknownError() {
        clock.setSynchronized(0.1, 0.01);
        clock.step(1.0);

        assertThat(clock.status()).isEqualTo(ClockStatus.UNSYNCHRONIZED);
    }

    @Test
    void positiveFrequencyMakesTheClockGain() {
        clock.setFrequency(100);
        elapse(10);

        assertThat(offsetSeconds()).isCloseTo(0.001, NANOSECOND);
    }

    @Test
    void negativeFrequencyMakesTheClockLose() {
        clock.setFrequency(-20);
        elapse(10);

        assertThat(offsetSeconds()).isCloseTo(-200e-6, NANOSECOND);
    }

    @Test
    void frequencyPpmReportsTheCorrectionSet() {
        clock.setFrequency(-12.5);

        assertThat(clock.frequencyPpm()).isEqualTo(-12.5);
    }

    @Test
    void frequencyIsClampedTo500Ppm() {
        clock.setFrequency(800);

        assertThat(clock.frequencyPpm()).isEqualTo(500.0);
    }

    @Test
    void frequencyChangeLetsTheSlewInProgressFinish() {
        clock.slew(0.001);
        elapse(1);
        clock.setFrequency(100);
        elapse(1);

        assertThat(offsetSeconds()).isCloseTo(0.001 + 100e-6, NANOSECOND);
    }

    @Test
    void startsUnsynchronizedWithoutALeapSecond() {
        assertThat(clock.status()).isEqualTo(ClockStatus.UNSYNCHRONIZED);
    }

    @Test
    void reportsTheLeapSecondAnnounced() {
        clock.setLeap(LeapState.INSERT);

        assertThat(clock.status().leap()).isEqualTo(LeapState.INSERT);
    }

    @Test
    void reportsTheTaiOffsetSetThroughSynchronizationChanges() {
        clock.setTaiOffset(37);
        clock.setSynchronized(0.05, 0.001);
        clock.setUnsynchronized();

        assertThat(clock.status().taiOffsetSeconds()).isEqualTo(37);
    }

    @Test
    void reportsSynchronizationWithItsErrorBounds() {
        clock.setSynchronized(0.05, 0.001);

        assertThat(clock.status()).isEqualTo(new ClockStatus(LeapState.NONE, true, 0.05, 0.001, 0));
    }

    @Test
    void clampsErrorBoundsToSixteenSeconds() {
        clock.setSynchronized(100, -1);

        assertThat(clock.status()).isEqualTo(new ClockStatus(LeapState.NONE, true, 16.0, 0.0, 0));
    }

    @Test
    void unsynchronizingKeepsTheLeapSecond() {
        clock.setLeap(LeapState.DELETE);
        clock.setSynchronized(0.05, 0.001);
        clock.setUnsynchronized();

        assertThat(clock.status()).isEqualTo(new ClockStatus(LeapState.DELETE, false, 0.05, 0.001, 0));
    }
}
