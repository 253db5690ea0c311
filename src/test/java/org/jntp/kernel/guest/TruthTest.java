package org.jntp.kernel.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jntp.clock.LeapState;
import org.jntp.leap.Leap;
import org.jntp.protocol.LeapIndicator;
import org.junit.jupiter.api.Test;

class TruthTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long START_NANOS = 1_800_000_000L * SECOND;
    private static final long MIDNIGHT_2017_NANOS = Instant.parse("2017-01-01T00:00:00Z").getEpochSecond() * SECOND;
    private static final Leap INSERTED_2017 = new Leap(MIDNIGHT_2017_NANOS, LeapState.INSERT);

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

    @Test
    void repeatsTheSecondBeforeAnInsertedLeap() {
        Truth truth = Truth.at(0, MIDNIGHT_2017_NANOS - 10 * SECOND, 0, INSERTED_2017);

        assertThat(truth.trueNanos(9 * SECOND + SECOND / 2)).isEqualTo(MIDNIGHT_2017_NANOS - SECOND / 2);
        assertThat(truth.trueNanos(10 * SECOND + SECOND / 2)).isEqualTo(MIDNIGHT_2017_NANOS - SECOND / 2);
        assertThat(truth.trueNanos(11 * SECOND + SECOND / 2)).isEqualTo(MIDNIGHT_2017_NANOS + SECOND / 2);
    }

    @Test
    void skipsTheLastSecondOfTheDayAtADeletedLeap() {
        Truth truth = Truth.at(0, MIDNIGHT_2017_NANOS - 10 * SECOND, 0, new Leap(MIDNIGHT_2017_NANOS, LeapState.DELETE));

        assertThat(truth.trueNanos(8 * SECOND + SECOND / 2)).isEqualTo(MIDNIGHT_2017_NANOS - 2 * SECOND + SECOND / 2);
        assertThat(truth.trueNanos(9 * SECOND + SECOND / 2)).isEqualTo(MIDNIGHT_2017_NANOS + SECOND / 2);
    }

    @Test
    void announcesAnInsertedLeapThroughItsLastDayAndTheInsertedSecond() {
        long dayNanos = 86_400 * SECOND;
        Truth truth = Truth.at(0, MIDNIGHT_2017_NANOS - 2 * dayNanos, 0, INSERTED_2017);

        assertThat(truth.leapIndicator(dayNanos - 1)).isEqualTo(LeapIndicator.NO_WARNING);
        assertThat(truth.leapIndicator(dayNanos)).isEqualTo(LeapIndicator.ADD_SECOND);
        assertThat(truth.leapIndicator(2 * dayNanos + SECOND - 1)).isEqualTo(LeapIndicator.ADD_SECOND);
        assertThat(truth.leapIndicator(2 * dayNanos + SECOND)).isEqualTo(LeapIndicator.NO_WARNING);
    }

    @Test
    void countsSecondsToTheLeapInUniformTime() {
        Truth truth = Truth.at(0, MIDNIGHT_2017_NANOS - 10 * SECOND, 0, INSERTED_2017);

        assertThat(truth.secondsSinceLeap(10 * SECOND + SECOND / 2)).hasValue(0.5);
        assertThat(Truth.at(0, START_NANOS, 0).secondsSinceLeap(0)).isEmpty();
    }
}
