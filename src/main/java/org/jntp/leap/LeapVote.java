package org.jntp.leap;

import java.util.List;
import java.util.Optional;
import org.jntp.clock.LeapState;
import org.jntp.protocol.LeapIndicator;

/**
 * The sources' vote on a leap second, as ntpd 4.2.8's {@code clock_select} counts it and
 * {@code clock_update} acts on it: a leap is voted when more of the survivors announce it than
 * announce the opposite, and more than half of them do. So one source that lies about a leap
 * cannot arm it while two others stay silent. A reference clock that announces a leap carries
 * the vote alone, as in ntpd.
 */
public final class LeapVote {

    private LeapVote() {}

    /** The leap the survivors vote for, {@link LeapState#NONE} when there is no majority. */
    public static LeapState count(List<LeapBallot> survivors) {
        int survivorCount = survivors.size();
        int insert = votesFor(survivors, LeapIndicator.ADD_SECOND);
        int delete = votesFor(survivors, LeapIndicator.DELETE_SECOND);
        if (insert > delete && insert > survivorCount / 2) {
            return LeapState.INSERT;
        }
        if (delete > insert && delete > survivorCount / 2) {
            return LeapState.DELETE;
        }
        return LeapState.NONE;
    }

    /**
     * The voted leap to hold after a clock update at {@code nowNanos}: a leap already held stays
     * until it has passed, even if the sources fall silent, as ntpd keeps a voted leap in its table;
     * otherwise the leap this vote asks for, at the end of the current month.
     */
    public static Optional<Leap> hold(Optional<Leap> held, LeapState vote, long nowNanos) {
        if (held.isPresent() && held.get().transitionNanos() > nowNanos) {
            return held;
        }
        return Leap.atEndOfMonth(nowNanos, vote);
    }

    private static int votesFor(List<LeapBallot> survivors, LeapIndicator announced) {
        int votes = 0;
        for (LeapBallot ballot : survivors) {
            if (ballot.leap() == announced) {
                if (ballot.referenceClock()) {
                    return survivors.size();
                }
                votes++;
            }
        }
        return votes;
    }
}
