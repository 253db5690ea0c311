package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.jntp.clock.SimulatedClock;
import org.junit.jupiter.api.Test;

class ClockDisciplineTest {

    private static final double SLEW_RATE_PPM = 500;
    private static final double PRECISE = 1e-10;
    private static final long SECOND = 1_000_000_000L;
    /** Error variances of a measurement over a path that queues (100 µs), and of one that did not (0.1 µs). */
    private static final double NOISY = 1e-8;
    private static final double PINNING = 1e-14;
    private static final int NOISY_POLLS = 60;

    private static ClockDiscipline fresh() {
        return ClockDiscipline.start(DisciplineSettings.defaults(SLEW_RATE_PPM), 0);
    }

    /** A discipline that has seen twenty polls of 64 s agree on a zero offset, so its estimate is firm. */
    private static ClockDiscipline firmOnZero() {
        ClockDiscipline discipline = fresh();
        for (int i = 0; i < 20; i++) {
            discipline.update(at(i * 64L, 0));
        }
        return discipline;
    }

    /** A discipline that has heard a clock keeping time over a path that queues, every 64 s for an hour. */
    private static ClockDiscipline heardOnANoisyPath() {
        ClockDiscipline discipline = fresh();
        for (int i = 0; i < NOISY_POLLS; i++) {
            discipline.update(new Measurement(0, NOISY, i * 64L * SECOND));
        }
        return discipline;
    }

    private static Measurement at(long seconds, double offsetSeconds) {
        return new Measurement(offsetSeconds, PRECISE, seconds * SECOND);
    }

    @Test
    void slewsAFirstOffsetWithinTheStepThreshold() {
        ClockCorrection correction = fresh().update(at(0, 0.1));

        assertThat(correction).isInstanceOfSatisfying(ClockCorrection.Slew.class,
                slew -> assertThat(slew.offsetSeconds()).isCloseTo(0.1, within(1e-6)));
    }

    @Test
    void stepsAFirstOffsetBeyondTheStepThreshold() {
        ClockCorrection correction = fresh().update(at(0, 0.5));

        assertThat(correction).isEqualTo(new ClockCorrection.Step(0.5, 0));
    }

    @Test
    void holdsAnOffsetBeyondTheStepThresholdOnceSynchronised() {
        ClockDiscipline discipline = fresh();
        discipline.update(at(0, 0.001));

        assertThat(discipline.update(at(64, 0.3)))
                .isEqualTo(new ClockCorrection.Hold(ClockCorrection.HoldReason.SPIKE));
        assertThat(discipline.state()).isEqualTo(ClockDiscipline.State.SPIK);
    }

    @Test
    void stepsAnOffsetThatPersistsForTheStepoutInterval() {
        ClockDiscipline discipline = fresh();
        discipline.update(at(0, 0.001));
        discipline.update(at(64, 0.3));
        discipline.update(at(500, 0.3));

        assertThat(discipline.update(at(64 + 900, 0.3))).isInstanceOf(ClockCorrection.Step.class);
        assertThat(discipline.state()).isEqualTo(ClockDiscipline.State.SYNC);
    }

    @Test
    void followsAgainWhenASpikeSubsidesBeforeTheStepout() {
        ClockDiscipline discipline = fresh();
        discipline.update(at(0, 0.001));
        discipline.update(at(64, 0.3));

        assertThat(discipline.update(at(128, 0.0))).isInstanceOf(ClockCorrection.Slew.class);
        assertThat(discipline.state()).isEqualTo(ClockDiscipline.State.SYNC);
    }

    @Test
    void panicsBeyondThePanicThreshold() {
        assertThat(fresh().update(at(0, 2000))).isEqualTo(new ClockCorrection.Panic(2000));
    }

    @Test
    void stepsOnePanicOffsetWhenAllowedOnce() {
        DisciplineSettings defaults = DisciplineSettings.defaults(SLEW_RATE_PPM);
        DisciplineSettings dashG = new DisciplineSettings(defaults.stepThresholdSeconds(), defaults.stepoutSeconds(),
                defaults.panicThresholdSeconds(), true, SLEW_RATE_PPM, 0, false);
        ClockDiscipline discipline = ClockDiscipline.start(dashG, 0);

        assertThat(discipline.update(at(0, 2000))).isEqualTo(new ClockCorrection.Step(2000, 0));
        assertThat(discipline.update(at(64, -2000))).isEqualTo(new ClockCorrection.Panic(-2000));
    }

    @Test
    void slewsEverythingBelowSixHundredSecondsWithTheSlewOnlyThreshold() {
        DisciplineSettings defaults = DisciplineSettings.defaults(SLEW_RATE_PPM);
        DisciplineSettings slewOnly = new DisciplineSettings(DisciplineSettings.SLEW_ONLY_THRESHOLD_SECONDS,
                defaults.stepoutSeconds(), defaults.panicThresholdSeconds(), false, SLEW_RATE_PPM, 0, false);

        assertThat(ClockDiscipline.start(slewOnly, 0).update(at(0, 0.4))).isInstanceOf(ClockCorrection.Slew.class);
    }

    @Test
    void countsTheSlewStillInProgressAsAlreadyCorrected() {
        ClockDiscipline discipline = fresh();
        discipline.update(at(0, 0.1));
        double slewedInOneSecond = SLEW_RATE_PPM * 1e-6;

        ClockCorrection next = discipline.update(at(1, 0.1 - slewedInOneSecond));

        assertThat(next).isInstanceOfSatisfying(ClockCorrection.Slew.class,
                slew -> assertThat(slew.offsetSeconds()).isCloseTo(0.1 - slewedInOneSecond, within(1e-6)));
    }

    @Test
    void slewsAtLeastToWithinTheErrorBoundOfAMeasurementItWeighsLittle() {
        ClockDiscipline discipline = firmOnZero();
        Measurement queued = new Measurement(1e-3, 0.25e-6, 20 * 64L * SECOND);

        assertThat(discipline.update(queued)).isInstanceOfSatisfying(ClockCorrection.Slew.class,
                slew -> assertThat(slew.newSeconds()).isCloseTo(1e-3 - queued.errorBoundSeconds(), within(1e-9)));
    }

    @Test
    void correctsWhatAStepOnASlowSampleLeftWithTheNextQuickSample() {
        ClockDiscipline discipline = fresh();
        double slow = 3e-3;
        double quick = 0.2e-3;
        discipline.update(new Measurement(0.25, slow * slow / 12, 0));

        ClockCorrection next = discipline.update(new Measurement(1.5e-3, quick * quick / 12, 8 * SECOND));

        assertThat(next).isInstanceOfSatisfying(ClockCorrection.Slew.class,
                slew -> assertThat(slew.offsetSeconds()).isCloseTo(1.5e-3, within(quick / 2)));
    }

    @Test
    void doubtsASingleOutlierOnceTheEstimateIsFirm() {
        ClockDiscipline discipline = firmOnZero();

        assertThat(discipline.update(at(20 * 64L, 0.01)))
                .isEqualTo(new ClockCorrection.Hold(ClockCorrection.HoldReason.OUTLIER));
    }

    @Test
    void followsASecondDoubtedMeasurementOnTheSameSide() {
        ClockDiscipline discipline = firmOnZero();
        discipline.update(at(20 * 64L, 0.01));

        assertThat(discipline.update(at(21 * 64L, 0.012))).isInstanceOf(ClockCorrection.Slew.class);
    }

    @Test
    void keepsDoubtingSpikesOnAlternateSides() {
        ClockDiscipline discipline = firmOnZero();
        discipline.update(at(20 * 64L, 0.01));

        assertThat(discipline.update(at(21 * 64L, -0.01)))
                .isEqualTo(new ClockCorrection.Hold(ClockCorrection.HoldReason.OUTLIER));
    }

    @Test
    void followsDoubtedMeasurementsAfterThreeInARowWhateverTheirSide() {
        ClockDiscipline discipline = firmOnZero();
        discipline.update(at(20 * 64L, 0.01));
        discipline.update(at(21 * 64L, -0.01));
        discipline.update(at(22 * 64L, 0.01));

        assertThat(discipline.update(at(23 * 64L, -0.01))).isInstanceOf(ClockCorrection.Slew.class);
    }

    @Test
    void startsFromTheDriftFileFrequency() {
        ClockDiscipline discipline =
                ClockDiscipline.start(DisciplineSettings.defaults(SLEW_RATE_PPM).withDriftFile(-12.5), 0);

        assertThat(discipline.frequencyPpm()).isEqualTo(-12.5);
        assertThat(discipline.update(at(0, 0))).isEqualTo(new ClockCorrection.Slew(0, -12.5, 0));
    }

    @Test
    void pollsAsOftenAsAllowedUntilItHasMeasured() {
        assertThat(fresh().pollLog2()).isEqualTo(NtpConstants.MINPOLL_LIMIT);
    }

    @Test
    void learnsTheFrequencyErrorOfADriftingClockAndHoldsItsOffset() {
        SimulatedClock clock = SimulatedClock.drifting(0, 50);
        ClockDiscipline discipline = ClockDiscipline.start(DisciplineSettings.defaults(SLEW_RATE_PPM), 0);
        double worstLateOffset = 0;
        for (int poll = 0; poll < 200; poll++) {
            double offset = (clock.trueNanos() - clock.nowNanos()) / 1e9;
            if (poll > 100) {
                worstLateOffset = Math.max(worstLateOffset, Math.abs(offset));
            }
            apply(clock, discipline.update(new Measurement(offset, 1e-12, clock.nowNanos())));
            clock.advance(64 * SECOND);
        }

        assertThat(discipline.frequencyPpm()).isCloseTo(-50, within(0.01));
        assertThat(worstLateOffset).isLessThan(10e-6);
    }

    @Test
    void lengthensThePollOnceTheFrequencyIsKnown() {
        SimulatedClock clock = SimulatedClock.drifting(0, 20);
        ClockDiscipline discipline = ClockDiscipline.start(DisciplineSettings.defaults(SLEW_RATE_PPM), 0);
        apply(clock, discipline.update(new Measurement(0, 1e-10, clock.nowNanos())));
        int early = discipline.pollLog2();
        for (int poll = 0; poll < 50; poll++) {
            clock.advance(64 * SECOND);
            double offset = (clock.trueNanos() - clock.nowNanos()) / 1e9;
            apply(clock, discipline.update(new Measurement(offset, 1e-10, clock.nowNanos())));
        }

        assertThat(discipline.pollLog2()).isGreaterThan(early);
    }

    @Test
    void pollsLongerAfterAMeasurementThatPinsTheOffsetThanAfterAnOrdinaryOne() {
        ClockDiscipline pinned = heardOnANoisyPath();
        ClockDiscipline ordinary = heardOnANoisyPath();

        pinned.update(new Measurement(0, PINNING, NOISY_POLLS * 64L * SECOND));
        ordinary.update(new Measurement(0, NOISY, NOISY_POLLS * 64L * SECOND));

        assertThat(pinned.pollLog2()).isGreaterThan(ordinary.pollLog2());
    }

    @Test
    void pollsByTheWanderWhenEveryMeasurementIsThatPrecise() {
        ClockDiscipline noisyPath = heardOnANoisyPath();
        ClockDiscipline precisePath = fresh();
        for (int i = 0; i < NOISY_POLLS; i++) {
            precisePath.update(new Measurement(0, PINNING, i * 64L * SECOND));
        }

        noisyPath.update(new Measurement(0, PINNING, NOISY_POLLS * 64L * SECOND));
        precisePath.update(new Measurement(0, PINNING, NOISY_POLLS * 64L * SECOND));

        assertThat(precisePath.pollLog2()).isLessThan(noisyPath.pollLog2());
    }

    @Test
    void raisesItsWanderEstimateForAClockThatWandersMoreThanAssumed() {
        SimulatedClock clock = SimulatedClock.wandering(0, 20, 0.03, new SplittableRandom(7));
        ClockDiscipline discipline = ClockDiscipline.start(DisciplineSettings.defaults(SLEW_RATE_PPM), 0);
        double startingWander = discipline.wanderPpm();
        for (int poll = 0; poll < 100; poll++) {
            double offset = (clock.trueNanos() - clock.nowNanos()) / 1e9;
            apply(clock, discipline.update(new Measurement(offset, 1e-12, clock.nowNanos())));
            clock.advance((1L << Math.clamp(discipline.pollLog2(), 4, 10)) * SECOND);
        }

        assertThat(discipline.wanderPpm()).isGreaterThan(3 * startingWander);
        assertThat(discipline.pollLog2()).isLessThan(10);
    }

    private static void apply(SimulatedClock clock, ClockCorrection correction) {
        switch (correction) {
            case ClockCorrection.Slew slew -> {
                clock.slew(slew.offsetSeconds());
                clock.setFrequency(slew.frequencyPpm());
            }
            case ClockCorrection.Step step -> {
                clock.step(step.offsetSeconds());
                clock.setFrequency(step.frequencyPpm());
            }
            case ClockCorrection.Hold hold -> { }
            case ClockCorrection.Panic panic -> throw new AssertionError("panicked at " + panic.offsetSeconds());
        }
    }
}
