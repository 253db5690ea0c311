package org.jntp.discipline;

/**
 * The {@code tos} settings the mitigation algorithms use.
 *
 * @param minsane               fewest survivors needed to choose a system peer ({@code tos minsane})
 * @param minclock              the cluster algorithm prunes no further than this, nor below one
 *                              ({@code tos minclock})
 * @param maxclock              most truechimers the cluster algorithm considers ({@code tos maxclock})
 * @param maxDistanceSeconds    a root distance this large rejects an association ({@code tos maxdist})
 * @param minDistanceSeconds    floor of every root distance and of the root dispersion increment
 *                              ({@code tos mindist})
 * @param floor                 lowest stratum accepted ({@code tos floor})
 * @param ceiling               strata from this one up are rejected ({@code tos ceiling})
 */
public record SelectionParameters(int minsane, int minclock, int maxclock, double maxDistanceSeconds,
        double minDistanceSeconds, int floor, int ceiling) {

    /** ntpd 4.2.8's {@code tos mindist} default (its MINDISPERSE), 1 ms. */
    public static final double DEFAULT_MIN_DISTANCE_SECONDS = 0.001;

    public SelectionParameters {
        if (minsane < 0 || minclock < 0 || maxclock < 1) {
            throw new IllegalArgumentException("need minsane >= 0, minclock >= 0 and maxclock >= 1, not minsane "
                    + minsane + " minclock " + minclock + " maxclock " + maxclock);
        }
    }

    /** ntpd 4.2.8's defaults: minsane 1, minclock 3, maxclock 10, maxdist 1.5 s, mindist 1 ms, strata 0..15. */
    public static SelectionParameters defaults() {
        return new SelectionParameters(NtpConstants.MINSANE, NtpConstants.MINCLOCK, NtpConstants.MAXCLOCK,
                NtpConstants.MAXDIST, DEFAULT_MIN_DISTANCE_SECONDS, 0, NtpConstants.MAXSTRAT);
    }
}
