package org.jntp.leap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.leap.LeapFixtures.LAST_LEAP_NANOS;
import static org.jntp.leap.LeapFixtures.nanos;
import static org.jntp.protocol.LeapIndicator.ADD_SECOND;
import static org.jntp.protocol.LeapIndicator.DELETE_SECOND;
import static org.jntp.protocol.LeapIndicator.NO_WARNING;

import java.util.List;
import java.util.Optional;
import org.jntp.clock.LeapState;
import org.junit.jupiter.api.Test;

class LeapVoteTest {
    private static final Leap END_OF_2016 = new Leap(LAST_LEAP_NANOS, LeapState.INSERT);

    @Test
    void oneOfThreeSourcesAnnouncingIsNoLeap() {
        List<LeapBallot> survivors = List.of(
                LeapBallot.of(ADD_SECOND), LeapBallot.of(NO_WARNING), LeapBallot.of(NO_WARNING));

        assertThat(LeapVote.count(survivors)).isEqualTo(LeapState.NONE);
    }

    @Test
    void twoOfThreeSourcesAnnouncingIsAnInsertion() {
        List<LeapBallot> survivors = List.of(
                LeapBallot.of(ADD_SECOND), LeapBallot.of(ADD_SECOND), LeapBallot.of(NO_WARNING));

        assertThat(LeapVote.count(survivors)).isEqualTo(LeapState.INSERT);
    }

    @Test
    void halfOfTheSourcesIsNoMajority() {
        List<LeapBallot> survivors = List.of(LeapBallot.of(ADD_SECOND), LeapBallot.of(ADD_SECOND),
                LeapBallot.of(NO_WARNING), LeapBallot.of(NO_WARNING));

        assertThat(LeapVote.count(survivors)).isEqualTo(LeapState.NONE);
    }

    @Test
    void aLoneSurvivorDecides() {
        assertThat(LeapVote.count(List.of(LeapBallot.of(ADD_SECOND)))).isEqualTo(LeapState.INSERT);
    }

    @Test
    void aMajorityForDeletionIsADeletion() {
        List<LeapBallot> survivors = List.of(
                LeapBallot.of(DELETE_SECOND), LeapBallot.of(DELETE_SECOND), LeapBallot.of(ADD_SECOND));

        assertThat(LeapVote.count(survivors)).isEqualTo(LeapState.DELETE);
    }

    @Test
    void noSurvivorsIsNoLeap() {
        assertThat(LeapVote.count(List.of())).isEqualTo(LeapState.NONE);
    }

    @Test
    void aReferenceClockAnnouncingCarriesTheVote() {
        List<LeapBallot> survivors = List.of(new LeapBallot(ADD_SECOND, true),
                LeapBallot.of(NO_WARNING), LeapBallot.of(NO_WARNING));

        assertThat(LeapVote.count(survivors)).isEqualTo(LeapState.INSERT);
    }

    @Test
    void aVotedLeapIsHeldForTheEndOfTheMonth() {
        assertThat(LeapVote.hold(Optional.empty(), LeapState.INSERT, nanos("2016-12-31T10:00:00Z")))
                .contains(END_OF_2016);
    }

    @Test
    void aHeldLeapStaysWhenTheSourcesFallSilent() {
        assertThat(LeapVote.hold(Optional.of(END_OF_2016), LeapState.NONE, nanos("2016-12-31T20:00:00Z")))
                .contains(END_OF_2016);
    }

    @Test
    void aHeldLeapIsDroppedOnceItHasPassed() {
        assertThat(LeapVote.hold(Optional.of(END_OF_2016), LeapState.NONE, LAST_LEAP_NANOS)).isEmpty();
    }
}
