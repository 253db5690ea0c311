package org.jntp.leap;

import java.util.Objects;
import org.jntp.clock.LeapState;
import org.jntp.protocol.LeapIndicator;

/**
 * What to do about leap seconds at one moment.
 *
 * @param toServe  the leap indicator for replies while synchronised (unsynchronised, a server
 *                 serves {@link LeapIndicator#UNSYNCHRONIZED} whatever this says)
 * @param toArm    the leap to announce to the clock ({@link org.jntp.clock.Clock#setLeap})
 */
public record LeapDecision(LeapIndicator toServe, LeapState toArm) {

    /** No leap: indicator 0, kernel disarmed. */
    public static final LeapDecision NO_LEAP = new LeapDecision(LeapIndicator.NO_WARNING, LeapState.NONE);

    /** Requires both. */
    public LeapDecision {
        Objects.requireNonNull(toServe, "toServe");
        Objects.requireNonNull(toArm, "toArm");
    }
}
