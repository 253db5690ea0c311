package org.jntp.discipline;

/**
 * The interval the selection algorithm found common to a majority of correctness intervals.
 *
 * @param lowSeconds            its lower end, an offset
 * @param highSeconds           its upper end, above {@code lowSeconds}
 * @param allowedFalsetickers   how many falsetickers it had to allow to find it
 */
public record IntersectionInterval(double lowSeconds, double highSeconds, int allowedFalsetickers) {

    /** Whether the correctness interval of {@code candidate} reaches into this one. */
    public boolean overlaps(Candidate candidate) {
        return candidate.highSeconds() >= lowSeconds && candidate.lowSeconds() <= highSeconds;
    }
}
