package org.jntp.server.access;

import java.util.Set;

/**
 * One entry of a built {@link RestrictTable}, as ntpq's reslist would show it.
 *
 * @param flags the {@link RestrictFlag} mask
 * @param fromSource whether the entry was added for an association from the {@code restrict source} template
 */
public record RestrictEntry(AddressMask addressMask, int flags, boolean ntpPortOnly, int ipPeerLimit,
        boolean fromSource) {
    /** The flags as a set. */
    public Set<RestrictFlag> flagSet() {
        return RestrictFlag.fromMask(flags);
    }

    RestrictEntry withFlags(int newFlags) {
        return new RestrictEntry(addressMask, newFlags, ntpPortOnly, ipPeerLimit, fromSource);
    }

    boolean sameKey(AddressMask otherAddressMask, boolean otherNtpPortOnly) {
        return addressMask.equals(otherAddressMask) && ntpPortOnly == otherNtpPortOnly;
    }
}
