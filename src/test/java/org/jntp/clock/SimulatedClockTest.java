package org.jntp.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimulatedClockTest extends AdjustableClockContract {

    private static final long SECOND = 1_000_000_000L;

    private SimulatedClock world;

    @Override
    Clock newClockOnTrueTime() {
        world = SimulatedClock.perfect(START_NANOS);
        return world;
    }

    @Override
    void elapse(double seconds) {
        world.advance(Math.round(seconds * 1e9));
    }

    @Override
    long trueNanos() {
        return world.trueNanos();
    }

    @Test
    void perfectClockReadsTrueTime() {
        SimulatedClock clock = SimulatedClock.perfect(START_NANOS);
        clock.advance(5 * SECOND + 7);

        assertThat(clock.nowNanos()).isEqualTo(START_NANOS + 5 * SECOND + 7).isEqualTo(clock.trueNanos());
    }

    @Test
    void driftingClockGainsItsFrequencyError() {
        SimulatedClock clock = SimulatedClock.drifting(START_NANOS, 20);
        clock.advance(100 * SECOND);

        assertThat(clock.nowNanos() - clock.trueNanos()).isEqualTo(2_000_000);
    }

    @Test
    void smallStepsLoseNoFractionOfANanosecond() {
        SimulatedClock clock = SimulatedClock.drifting(START_NANOS, 1);
        for (int i = 0; i < 1_000_000; i++) {
            clock.advance(1000);
        }

        assertThat(clock.nowNanos() - clock.trueNanos()).isCloseTo(1000L, within(1L));
    }

    @Test
    void frequencyErrorStaysPutWithoutWander() {
        SimulatedClock clock = SimulatedClock.drifting(START_NANOS, 20);
        clock.advance(3600 * SECOND);

        assertThat(clock.oscillatorErrorPpm()).isEqualTo(20.0);
    }

    @Test
    void wanderRepeatsForTheSameSeed() {
        SimulatedClock first = SimulatedClock.wandering(START_NANOS, 5, 0.01, new Random(42));
        SimulatedClock second = SimulatedClock.wandering(START_NANOS, 5, 0.01, new Random(42));
        for (int i = 0; i < 1000; i++) {
            first.advance(SECOND);
            second.advance(SECOND);
        }

        assertThat(first.nowNanos()).isEqualTo(second.nowNanos());
    }

    @Test
    void wanderSpreadsTheFrequencyErrorAsARandomWalk() {
        double wander = 0.01;
        int clocks = 400;
        double sumOfSquares = 0;
        for (int seed = 0; seed < clocks; seed++) {
            SimulatedClock clock = SimulatedClock.wandering(START_NANOS, 0, wander, new Random(seed));
            for (int i = 0; i < 100; i++) {
                clock.advance(SECOND);
            }
            sumOfSquares += clock.oscillatorErrorPpm() * clock.oscillatorErrorPpm();
        }

        double deviationAfter100Seconds = Math.sqrt(sumOfSquares / clocks);

        assertThat(deviationAfter100Seconds).isCloseTo(wander * Math.sqrt(100), within(0.02));
    }

    @Test
    void wanderVarianceGrowsInProportionToTime() {
        int clocks = 1000;
        double after25 = 0;
        double after100 = 0;
        for (int seed = 0; seed < clocks; seed++) {
            SimulatedClock clock = SimulatedClock.wandering(START_NANOS, 0, 1, new Random(seed));
            clock.advance(25 * SECOND);
            after25 += clock.oscillatorErrorPpm() * clock.oscillatorErrorPpm();
            clock.advance(75 * SECOND);
            after100 += clock.oscillatorErrorPpm() * clock.oscillatorErrorPpm();
        }

        assertThat(after25 / clocks).isCloseTo(25, within(3.0));
        assertThat(after100 / clocks).isCloseTo(100, within(12.0));
    }

    @Test
    void wanderStepsOnlyAtWholeSecondsOfTrueTime() {
        SimulatedClock clock = SimulatedClock.wandering(START_NANOS, 5, 0.01, new Random(42));
        clock.advance(SECOND - 1);

        assertThat(clock.oscillatorErrorPpm()).isEqualTo(5.0);

        clock.advance(1);

        assertThat(clock.oscillatorErrorPpm()).isNotEqualTo(5.0);
    }

    @Test
    void wanderDoesNotDependOnHowTimeIsCutIntoAdvances() {
        SimulatedClock wholeSeconds = SimulatedClock.wandering(START_NANOS, 5, 0.01, new Random(7));
        SimulatedClock oddSlices = SimulatedClock.wandering(START_NANOS, 5, 0.01, new Random(7));
        for (int i = 0; i < 100; i++) {
            wholeSeconds.advance(SECOND);
        }
        Random slicer = new Random(1);
        long left = 100 * SECOND;
        while (left > 0) {
            long slice = Math.min(left, 1 + (long) (slicer.nextDouble() * 2.5 * SECOND));
            oddSlices.advance(slice);
            left -= slice;
        }

        assertThat(oddSlices.oscillatorErrorPpm()).isEqualTo(wholeSeconds.oscillatorErrorPpm());
        assertThat(oddSlices.nowNanos()).isCloseTo(wholeSeconds.nowNanos(), within(1L));
    }

    @Test
    void startsOffTrueTimeByItsInitialOffset() {
        SimulatedClock clock = SimulatedClock.offsetAndWandering(START_NANOS, 0.1, 0, 0, new Random(1));
        clock.advance(10 * SECOND);

        assertThat(clock.nowNanos() - clock.trueNanos()).isEqualTo(100_000_000);
    }

    @Test
    void trueTimeCannotGoBack() {
        SimulatedClock clock = SimulatedClock.perfect(START_NANOS);

        assertThatThrownBy(() -> clock.advance(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsAMicrosecondPrecision() {
        assertThat(SimulatedClock.perfect(START_NANOS).precisionLog2()).isEqualTo(-20);
    }
}
