package org.jntp.ntpq;

import java.util.Objects;

/**
 * One row of the server's MRU list as {@code mrulist} collects it (ntpq's {@code mru}).
 *
 * @param address the remote address and port
 * @param lastBits when it was last heard from, an NTP timestamp (l_fp bits)
 * @param firstBits when it was first heard from, an NTP timestamp (l_fp bits)
 * @param count the packets heard from it
 * @param mode the mode of its latest packet
 * @param version the version of its latest packet
 * @param restrictFlags the restrict flags its latest packet met ({@code rs})
 */
public record MruEntry(NetAddress address, long lastBits, long firstBits, int count, int mode, int version,
        int restrictFlags) {
    /** ntpd's {@code RES_LIMITED}. */
    static final int RES_LIMITED = 0x0040;
    /** ntpd's {@code RES_KOD}. */
    static final int RES_KOD = 0x0800;
    private static final double FRACTION_UNITS = 0x1p32;

    /** Requires the address. */
    public MruEntry {
        Objects.requireNonNull(address, "address");
    }

    /** Seconds from first to last heard, over the count ({@code avgint} before rounding). */
    double averageIntervalSeconds() {
        return seconds(lastBits - firstBits) / count;
    }

    /** {@code LFPTOD}: a signed l_fp difference in seconds. */
    static double seconds(long lfpDifference) {
        return lfpDifference / FRACTION_UNITS;
    }
}
