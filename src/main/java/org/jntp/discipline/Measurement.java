package org.jntp.discipline;

/**
 * One measurement of the offset of the true time (as the selected sources tell it) from our clock,
 * with its error, as the discipline takes it.
 *
 * @param offsetSeconds        how far the true time is ahead of our clock; positive means ours is behind
 * @param errorVarianceSeconds2 variance of the measurement's error, seconds squared, taken as an
 *                             error spread evenly over its bound (as half the excess of a round
 *                             trip over the path's least is): the error never exceeds
 *                             {@link #errorBoundSeconds()}
 * @param epochNanos           our clock's reading (Unix ns) when the measurement was taken in
 * @param ageSeconds           how long before {@code epochNanos} the offset was measured (an
 *                             interleaved sample is of the exchange before): the offset is the one
 *                             then, less the corrections made to the clock since, so it lacks the
 *                             drift of that interval
 */
public record Measurement(double offsetSeconds, double errorVarianceSeconds2, long epochNanos, double ageSeconds) {
    public Measurement {
        if (!(errorVarianceSeconds2 > 0) || Double.isInfinite(errorVarianceSeconds2)) {
            throw new IllegalArgumentException("error variance must be positive and finite, got " + errorVarianceSeconds2);
        }
        if (!(ageSeconds >= 0) || Double.isInfinite(ageSeconds)) {
            throw new IllegalArgumentException("age must be zero or more and finite, got " + ageSeconds);
        }
    }

    /** A measurement of the offset at {@code epochNanos} itself. */
    public Measurement(double offsetSeconds, double errorVarianceSeconds2, long epochNanos) {
        this(offsetSeconds, errorVarianceSeconds2, epochNanos, 0);
    }

    /** The most the error can be: an error spread evenly over ±b has the variance b²/3. */
    public double errorBoundSeconds() {
        return Math.sqrt(3 * errorVarianceSeconds2);
    }
}
