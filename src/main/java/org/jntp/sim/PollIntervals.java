package org.jntp.sim;

import java.util.OptionalDouble;

/**
 * The requests a client sent to its servers, as the time they spanned and the intervals between
 * them: per server, from its first request to its last, and one interval fewer than requests.
 * Summed over servers (and seeds) they give the mean packet interval per server.
 *
 * @param spanNanos sum over servers of the time from the first request to the last
 * @param intervals sum over servers of the number of requests less one
 */
public record PollIntervals(long spanNanos, long intervals) {

    /** No requests. */
    public static final PollIntervals NONE = new PollIntervals(0, 0);

    /** Both counts together. */
    public PollIntervals plus(PollIntervals other) {
        return new PollIntervals(spanNanos + other.spanNanos, intervals + other.intervals);
    }

    /** The mean interval between two requests to the same server; empty with fewer than two to any. */
    public OptionalDouble meanSeconds() {
        return intervals == 0 ? OptionalDouble.empty() : OptionalDouble.of(spanNanos / 1e9 / intervals);
    }
}
