package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OffsetEstimatorTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void takesTheFirstMeasurementAlmostWhole() {
        OffsetEstimator estimator = OffsetEstimator.unknownOffset(1e-4, 0);
        estimator.update(0.02, 1e-10, 0);

        assertThat(estimator.offsetSeconds()).isCloseTo(0.02, within(1e-8));
    }

    @Test
    void estimatesARateFromExactMeasurements() {
        OffsetEstimator estimator = OffsetEstimator.unknownOffset(1e-4, 0);
        for (int i = 0; i <= 10; i++) {
            estimator.predict(i * 16 * SECOND, 0);
            estimator.update(30e-6 * i * 16, 1e-14, 0);
        }

        assertThat(estimator.rate()).isCloseTo(30e-6, within(1e-9));
    }

    @Test
    void growsLessCertainWithTimeAndWander() {
        OffsetEstimator estimator = OffsetEstimator.unknownOffset(1e-6, 0);
        estimator.update(0, 1e-10, 0);
        double before = estimator.offsetVariance();
        estimator.predict(1000 * SECOND, 1e-18);

        assertThat(estimator.offsetVariance()).isGreaterThan(before + 1e-6 * 1e-6 * 1000 * 1000 * 0.5);
    }

    @Test
    void predictsTheOffsetVarianceItWillHaveIfNothingIsMeasuredMeanwhile() {
        OffsetEstimator estimator = OffsetEstimator.unknownOffset(1e-6, 0);
        estimator.update(0, 1e-10, 0);
        double predicted = estimator.predictedOffsetVariance(1000, 1e-18);
        estimator.predict(1000 * SECOND, 1e-18);

        assertThat(predicted).isEqualTo(estimator.offsetVariance());
    }

    @Test
    void forgetsWhatItAppliedToTheClock() {
        OffsetEstimator estimator = OffsetEstimator.unknownOffset(1e-4, 0);
        estimator.update(0.02, 1e-10, 0);
        estimator.applied(0.02, 0);

        assertThat(estimator.offsetSeconds()).isCloseTo(0, within(1e-8));
    }

    @Test
    void bringsAnEstimateOutsideAMeasurementsBoundToItsNearerEdge() {
        OffsetEstimator estimator = OffsetEstimator.unknownOffset(1e-6, 0);
        estimator.update(0, 1e-12, 0);
        estimator.predict(64 * SECOND, 0);
        estimator.update(1e-3, 1e-6, 0);
        double rateBefore = estimator.rate();
        estimator.constrain(1e-3, 0.5e-3, 0);

        assertThat(estimator.offsetSeconds()).isCloseTo(0.5e-3, within(1e-12));
        assertThat(estimator.rate()).isGreaterThan(rateBefore);
    }

    @Test
    void leavesAnEstimateWithinAMeasurementsBoundAsItIs() {
        OffsetEstimator estimator = OffsetEstimator.unknownOffset(1e-6, 0);
        estimator.update(0.2e-3, 1e-12, 0);
        estimator.constrain(0, 0.5e-3, 0);

        assertThat(estimator.offsetSeconds()).isCloseTo(0.2e-3, within(1e-9));
    }

    @Test
    void widensWhenMeasurementsDisagreeForLong() {
        OffsetEstimator estimator = OffsetEstimator.unknownOffset(1e-6, 0);
        estimator.update(0, 1e-12, 0);
        double rateBefore = estimator.rateVariance();
        estimator.widen(0.001, 100);

        assertThat(estimator.rateVariance()).isCloseTo(rateBefore + 1e-10, within(1e-12));
    }

    @Test
    void expectsAnAgedMeasurementToLackTheDriftOfItsAge() {
        OffsetEstimator estimator = OffsetEstimator.unknownOffset(1e-4, 0);
        for (int i = 0; i <= 10; i++) {
            estimator.predict(i * 16 * SECOND, 0);
            estimator.update(30e-6 * i * 16, 1e-14, 0);
        }

        assertThat(estimator.expectedOffsetSeconds(16)).isCloseTo(estimator.offsetSeconds() - 16 * 30e-6,
                within(1e-9));
    }

    @Test
    void estimatesTheOffsetNowFromMeasurementsAPollOld() {
        // the offset grows 30 µs/s; each measurement taken in is the one made a poll (16 s) before
        OffsetEstimator estimator = OffsetEstimator.unknownOffset(1e-4, 16 * SECOND);
        for (int i = 1; i <= 10; i++) {
            estimator.predict(i * 16 * SECOND, 0);
            estimator.update(30e-6 * (i - 1) * 16, 1e-14, 16);
        }

        assertThat(estimator.rate()).isCloseTo(30e-6, within(1e-9));
        assertThat(estimator.offsetSeconds()).isCloseTo(30e-6 * 10 * 16, within(1e-8));
    }
}
