package org.jntp.leap;

import java.util.Objects;
import org.jntp.protocol.LeapIndicator;

/**
 * What one survivor of the mitigation algorithms says about a leap second.
 *
 * @param leap            the leap indicator of its last reply (or its driver's)
 * @param referenceClock  whether it is a reference clock driver, whose word ntpd takes as everyone's
 */
public record LeapBallot(LeapIndicator leap, boolean referenceClock) {

    /** Requires an indicator. */
    public LeapBallot {
        Objects.requireNonNull(leap, "leap");
    }

    /** A network source's ballot. */
    public static LeapBallot of(LeapIndicator leap) {
        return new LeapBallot(leap, false);
    }
}
