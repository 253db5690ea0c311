package org.jntp.server.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * One {@code restrict} or (NTPsec) {@code unrestrict} line. Restrict adds flags to the entry for
 * the target, creating it if needed; unrestrict clears the named flags, or removes the entry when
 * no flag is named.
 *
 * @param ntpPortOnly ntpd's {@code ntpport} match modifier: the entry matches only source port 123
 * @param ipPeerLimit ntpd's {@code ippeerlimit}, or {@link #NO_PEER_LIMIT}
 */
public record RestrictRule(Action action, RestrictTarget target, Set<RestrictFlag> flags, boolean ntpPortOnly,
        int ipPeerLimit) {
    /** The ippeerlimit of a line that names none: unlimited. */
    public static final int NO_PEER_LIMIT = -1;

    public enum Action {
        RESTRICT,
        UNRESTRICT
    }

    public RestrictRule {
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** A plain {@code restrict target flags...} line. */
    public static RestrictRule restrict(RestrictTarget target, Set<RestrictFlag> flags) {
        return new RestrictRule(Action.RESTRICT, target, flags, false, NO_PEER_LIMIT);
    }

    /** A plain {@code unrestrict target flags...} line. */
    public static RestrictRule unrestrict(RestrictTarget target, Set<RestrictFlag> flags) {
        return new RestrictRule(Action.UNRESTRICT, target, flags, false, NO_PEER_LIMIT);
    }

    /** The flags as a mask of {@link RestrictFlag#bit()}s. */
    public int flagMask() {
        return RestrictFlag.mask(flags);
    }
}
