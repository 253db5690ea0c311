package org.jntp.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class PrecisionTest {

    /** Readings that start at 0 and move by the given steps, then stand still. */
    private static LongSupplier readings(long... stepsNanos) {
        long[] now = {0};
        AtomicInteger next = new AtomicInteger();
        return () -> {
            int i = next.getAndIncrement();
            if (i > 0 && i <= stepsNanos.length) {
                now[0] += stepsNanos[i - 1];
            }
            return now[0];
        };
    }

    @Test
    void tickIsTheSmallestStepBetweenReadings() {
        Precision precision = Precision.measure(readings(100, 50, 70, 30, 40, 90, 60, 80, 45, 55, 65, 75));

        assertThat(precision.tickSeconds()).isCloseTo(30e-9, within(1e-15));
    }

    @Test
    void stepsOfAtMost20NanosecondsCountAsTheSameTickReadAgain() {
        Precision precision = Precision.measure(readings(
                20, 1000, 5, 1000, 1000, 20, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000));

        assertThat(precision.tickSeconds()).isCloseTo(1000e-9, within(1e-15));
    }

    @Test
    void fuzzIsTheTickDividedByTheMostReadingsWithinOneTick() {
        long tick = 1_000_000;
        Precision precision = Precision.measure(readings(
                tick, 0, 0, tick, 0, 0, 0, 0, tick, 0, tick, tick, tick, tick, tick, tick, tick, tick, tick));

        assertThat(precision.fuzzSeconds()).isCloseTo(1e-3 / 4, within(1e-15));
    }

    @Test
    void fuzzIsTheTickWhenEveryReadingMoves() {
        Precision precision = Precision.measure(readings(70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 70));

        assertThat(precision.fuzzSeconds()).isEqualTo(precision.tickSeconds());
    }

    @Test
    void stopsReadingAfterTwelveSteps() {
        AtomicInteger reads = new AtomicInteger();
        Precision.measure(() -> 100L * reads.incrementAndGet());

        assertThat(reads).hasValue(13);
    }

    @Test
    void failsWhenTheClockDoesNotMove() {
        assertThatThrownBy(() -> Precision.measure(() -> 42L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("precision could not be measured");
    }

    @Test
    void precisionIsTheTickAsAPowerOfTwo() {
        Precision precision = Precision.measure(readings(1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000,
                1000, 1000, 1000));

        assertThat(precision.precisionLog2()).isEqualTo(-20);
    }

    @Test
    void finestMeasurementKeepsTheSmallestTickOfAllRounds() {
        long[] stepPerRoundNanos = {4000, 1000, 250, 500};
        int readsPerRound = 1 + Precision.MIN_CHANGES;
        long[] now = {0};
        AtomicInteger reads = new AtomicInteger();
        LongSupplier clockThatSettles = () -> {
            now[0] += stepPerRoundNanos[reads.getAndIncrement() / readsPerRound];
            return now[0];
        };

        Precision finest = Precision.measureFinest(clockThatSettles, stepPerRoundNanos.length, Long.MAX_VALUE,
                () -> 0L);

        assertThat(finest.tickSeconds()).isCloseTo(250e-9, within(1e-15));
    }

    @Test
    void finestMeasurementStopsWhenItsTimeBudgetIsSpent() {
        long[] stepPerRoundNanos = {4000, 2000, 1000, 500};
        int readsPerRound = 1 + Precision.MIN_CHANGES;
        long[] now = {0};
        AtomicInteger reads = new AtomicInteger();
        LongSupplier clockThatSettles = () -> {
            now[0] += stepPerRoundNanos[reads.getAndIncrement() / readsPerRound];
            return now[0];
        };
        long[] mono = {0};
        LongSupplier sixtyNanosAfterEachLook = () -> mono[0] += 60;

        Precision finest = Precision.measureFinest(clockThatSettles, stepPerRoundNanos.length, 100,
                sixtyNanosAfterEachLook);

        assertThat(finest.tickSeconds()).as("two rounds fit the budget").isCloseTo(2000e-9, within(1e-15));
    }

    @Test
    void log2MatchesWhatNtpdLogsForCommonTicks() {
        assertThat(Precision.log2(1e-6)).isEqualTo(-20);
        assertThat(Precision.log2(100e-9)).isEqualTo(-23);
        assertThat(Precision.log2(30e-9)).isEqualTo(-25);
        assertThat(Precision.log2(10e-3)).isEqualTo(-7);
        assertThat(Precision.log2(1.0)).isEqualTo(0);
    }

    @Test
    void log2RoundsUpOnlyAboveFourThirdsOfThePowerBelow() {
        double powerBelow = Math.scalb(1.0, -20);

        assertThat(Precision.log2(powerBelow * 1.33)).isEqualTo(-20);
        assertThat(Precision.log2(powerBelow * 1.34)).isEqualTo(-19);
    }

    @Test
    void log2StaysWithinAFactorOfOneAndAHalfOfTheTick() {
        Random random = new Random(5905);
        for (int i = 0; i < 10_000; i++) {
            double tick = Math.pow(10, -9 * random.nextDouble());

            double ratio = Math.scalb(1.0, Precision.log2(tick)) / tick;

            assertThat(ratio).as("tick %s", tick).isBetween(0.75, 1.5);
        }
    }

    @Test
    void log2RejectsATickThatIsNotPositive() {
        assertThatThrownBy(() -> Precision.log2(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
