package org.jntp.leap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.jntp.leap.LeapFixtures.LAST_LEAP_NANOS;
import static org.jntp.leap.LeapFixtures.nanos;

import org.jntp.clock.LeapState;
import org.junit.jupiter.api.Test;

class LeapTest {
    @Test
    void aVotedLeapFallsAtTheEndOfTheCurrentMonth() {
        assertThat(Leap.atEndOfMonth(nanos("2016-12-15T08:00:00Z"), LeapState.INSERT))
                .contains(new Leap(LAST_LEAP_NANOS, LeapState.INSERT));
    }

    @Test
    void noLeapIsVotedInTheFirstHourOfAMonth() {
        assertThat(Leap.atEndOfMonth(nanos("2017-01-01T00:59:59Z"), LeapState.INSERT)).isEmpty();
        assertThat(Leap.atEndOfMonth(nanos("2017-01-01T01:00:00Z"), LeapState.INSERT)).isPresent();
    }

    @Test
    void aVoteForNoLeapSchedulesNone() {
        assertThat(Leap.atEndOfMonth(nanos("2016-12-15T08:00:00Z"), LeapState.NONE)).isEmpty();
    }

    @Test
    void theClockStepsBackAtMidnightForAnInsertion() {
        assertThat(new Leap(LAST_LEAP_NANOS, LeapState.INSERT).clockStepNanos()).isEqualTo(LAST_LEAP_NANOS);
    }

    @Test
    void theClockStepsForwardAtTheLastSecondForADeletion() {
        assertThat(new Leap(LAST_LEAP_NANOS, LeapState.DELETE).clockStepNanos())
                .isEqualTo(nanos("2016-12-31T23:59:59Z"));
    }

    @Test
    void refusesALeapAnywhereButAtTheStartOfAMonth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Leap(nanos("2016-12-31T00:00:00Z"), LeapState.INSERT));
        assertThatIllegalArgumentException().isThrownBy(() -> new Leap(LAST_LEAP_NANOS, LeapState.NONE));
    }
}
