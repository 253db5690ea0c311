package org.jntp.daemon.privilege;

import java.util.EnumSet;
import java.util.Set;

/** The Linux capabilities ntpd keeps, by their numbers in {@code <linux/capability.h>}. */
public enum Capability {
    CAP_NET_BIND_SERVICE(10),
    CAP_SYS_TIME(25);

    /** What ntpd keeps after dropping to {@code -u}: steering the clock, and binding port 123 again. */
    public static final Set<Capability> KEPT = Set.copyOf(EnumSet.of(CAP_NET_BIND_SERVICE, CAP_SYS_TIME));

    private final int number;

    Capability(int number) {
        this.number = number;
    }

    /** This capability's bit in a 64-bit capability set, as /proc/PID/status prints CapEff. */
    public long bit() {
        return 1L << number;
    }

    /** The bits of a set of capabilities. */
    public static long bits(Set<Capability> capabilities) {
        long bits = 0;
        for (Capability capability : capabilities) {
            bits |= capability.bit();
        }
        return bits;
    }

    /** The capabilities named here whose bits are set. */
    public static Set<Capability> in(long bits) {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        for (Capability capability : values()) {
            if ((bits & capability.bit()) != 0) {
                set.add(capability);
            }
        }
        return set;
    }
}
