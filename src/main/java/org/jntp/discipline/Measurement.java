package org.jntp.discipline;

/**
 * One measurement of the offset of the true time (as the selected sources tell it) from our clock,
 * with its error, as the discipline takes it.
 *
 * @param offsetSeconds        how far the true time is ahead of our clock; positive means ours is behind
 * @param errorVarianceSeconds2 variance of the measurement's error, seconds squared
 * @param epochNanos           our clock's reading (Unix ns) when the measurement was taken
 */
public record Measurement(double offsetSeconds, double errorVarianceSeconds2, long epochNanos) {
    public Measurement {
        if (!(errorVarianceSeconds2 > 0) || Double.isInfinite(errorVarianceSeconds2)) {
            throw new IllegalArgumentException("error variance must be positive and finite, got " + errorVarianceSeconds2);
        }
    }
}
