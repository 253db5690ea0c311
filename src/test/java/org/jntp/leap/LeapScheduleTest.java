package org.jntp.leap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.leap.LeapFixtures.LAST_LEAP_NANOS;
import static org.jntp.leap.LeapFixtures.nanos;

import java.util.List;
import java.util.Optional;
import org.jntp.clock.LeapState;
import org.jntp.protocol.LeapIndicator;
import org.junit.jupiter.api.Test;

class LeapScheduleTest {
    private static final LeapTable IERS = LeapFixtures.iersTable();
    private static final Leap END_OF_2016 = new Leap(LAST_LEAP_NANOS, LeapState.INSERT);
    private static final Leap END_OF_MAY_2025 = new Leap(nanos("2025-06-01T00:00:00Z"), LeapState.INSERT);
    private static final Leap END_OF_2026 = new Leap(nanos("2027-01-01T00:00:00Z"), LeapState.INSERT);
    private static final LeapDecision ANNOUNCE_INSERTION =
            new LeapDecision(LeapIndicator.ADD_SECOND, LeapState.INSERT);

    @Test
    void aValidFileOverridesALeapTheSourcesVoteFor() {
        long now = nanos("2025-05-31T12:00:00Z");

        assertThat(LeapSchedule.pending(now, IERS, Optional.of(END_OF_MAY_2025))).isEmpty();
    }

    @Test
    void aValidFileGivesItsLeapWithoutAnyVote() {
        long now = nanos("2016-12-31T12:00:00Z");

        assertThat(LeapSchedule.pending(now, IERS, Optional.empty())).contains(END_OF_2016);
    }

    @Test
    void pastAnExpiredFileTheVoteDecides() {
        long now = nanos("2026-12-31T12:00:00Z");

        assertThat(LeapSchedule.pending(now, IERS, Optional.of(END_OF_2026))).contains(END_OF_2026);
    }

    @Test
    void withoutAFileTheVoteDecides() {
        long now = nanos("2025-05-31T12:00:00Z");

        assertThat(LeapSchedule.pending(now, LeapTable.none(), Optional.of(END_OF_MAY_2025)))
                .contains(END_OF_MAY_2025);
    }

    @Test
    void anExpiredFileStillGivesTheLeapsItLists() {
        LeapTable expiredBeforeItsLeap = new LeapTable(IERS.entries(), 0, 3_691_008_000L);

        assertThat(LeapSchedule.pending(nanos("2016-12-31T12:00:00Z"), expiredBeforeItsLeap,
                Optional.of(new Leap(LAST_LEAP_NANOS, LeapState.DELETE)))).contains(END_OF_2016);
    }

    @Test
    void aSingleLyingSourceAmongThreeArmsNothing() {
        long now = nanos("2025-05-31T12:00:00Z");
        LeapState vote = LeapVote.count(List.of(LeapBallot.of(LeapIndicator.ADD_SECOND),
                LeapBallot.of(LeapIndicator.NO_WARNING), LeapBallot.of(LeapIndicator.NO_WARNING)));

        Optional<Leap> pending = LeapSchedule.pending(now, LeapTable.none(), LeapVote.hold(Optional.empty(), vote, now));

        assertThat(LeapSchedule.at(now, pending, false)).isEqualTo(LeapDecision.NO_LEAP);
    }

    @Test
    void neitherAnnouncesNorArmsBeforeTheLastDay() {
        assertThat(LeapSchedule.at(nanos("2016-12-30T23:59:59.999Z"), Optional.of(END_OF_2016), false))
                .isEqualTo(LeapDecision.NO_LEAP);
    }

    @Test
    void announcesAndArmsThroughoutTheLastDay() {
        assertThat(LeapSchedule.at(nanos("2016-12-31T00:00:00Z"), Optional.of(END_OF_2016), false))
                .isEqualTo(ANNOUNCE_INSERTION);
        assertThat(LeapSchedule.at(nanos("2016-12-31T23:59:57.999Z"), Optional.of(END_OF_2016), false))
                .isEqualTo(ANNOUNCE_INSERTION);
    }

    @Test
    void servesUnsynchronizedInTheLastTwoSecondsAndTheLeapSecond() {
        LeapDecision expected = new LeapDecision(LeapIndicator.UNSYNCHRONIZED, LeapState.INSERT);

        assertThat(LeapSchedule.at(nanos("2016-12-31T23:59:58Z"), Optional.of(END_OF_2016), false))
                .isEqualTo(expected);
        assertThat(LeapSchedule.at(nanos("2016-12-31T23:59:59.999Z"), Optional.of(END_OF_2016), false))
                .isEqualTo(expected);
    }

    @Test
    void disarmsOnceTheLeapHasPassed() {
        assertThat(LeapSchedule.at(LAST_LEAP_NANOS, Optional.of(END_OF_2016), false))
                .isEqualTo(LeapDecision.NO_LEAP);
    }

    @Test
    void announcesAndArmsADeletion() {
        Leap deletion = new Leap(LAST_LEAP_NANOS, LeapState.DELETE);

        assertThat(LeapSchedule.at(nanos("2016-12-31T12:00:00Z"), Optional.of(deletion), false))
                .isEqualTo(new LeapDecision(LeapIndicator.DELETE_SECOND, LeapState.DELETE));
    }

    @Test
    void aSmearingServerArmsTheKernelButAnnouncesNothing() {
        assertThat(LeapSchedule.at(nanos("2016-12-31T12:00:00Z"), Optional.of(END_OF_2016), true))
                .isEqualTo(new LeapDecision(LeapIndicator.NO_WARNING, LeapState.INSERT));
    }

    @Test
    void noPendingLeapIsNoLeap() {
        assertThat(LeapSchedule.at(nanos("2016-12-31T12:00:00Z"), Optional.empty(), false))
                .isEqualTo(LeapDecision.NO_LEAP);
    }
}
