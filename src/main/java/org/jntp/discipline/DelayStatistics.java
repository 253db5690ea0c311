package org.jntp.discipline;

import java.util.Arrays;

/**
 * What the recent round-trip delays of one source say about the error of a new sample's offset.
 *
 * <p>An offset measured over a round trip of delay δ is wrong by half the difference of the two
 * one-way delays, so by at most (δ − δ₀)/2, where δ₀ is the least round trip the path allows: a
 * sample that waited in no queue is nearly exact, one that waited long says little. δ₀ is not
 * known; the least delay seen recently stands in for it, with a margin for how far above δ₀ it may
 * still lie, large while few delays have been seen. The error is never more than δ/2 however
 * large the margin (no path is quicker than no delay at all), which matters when a quick sample
 * follows a slow one. Taking the error as spread evenly over its bound gives the variance
 * min(excess + margin, δ)² / 12.
 */
public final class DelayStatistics {

    /** Delays remembered: enough for the least of them to lie close to the path's minimum. */
    static final int WINDOW = 64;

    private final double[] delays = new double[WINDOW];
    private final double[] sorted = new double[WINDOW];
    private int count;
    private int next;

    /** Adds a sample's round-trip delay, in seconds. */
    public void add(double delaySeconds) {
        delays[next] = delaySeconds;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
    }

    /** Forgets every delay, as when the path may have changed. */
    public void clear() {
        count = 0;
        next = 0;
    }

    /** How many delays are remembered. */
    public int count() {
        return count;
    }

    /**
     * The variance of the offset error of a sample with round-trip {@code delaySeconds}, which
     * should already have been {@linkplain #add added}, with {@code floorSeconds} (the clocks'
     * precision) as the least error any sample has.
     */
    public double errorVarianceSeconds2(double delaySeconds, double floorSeconds) {
        double bound = count == 0 ? delaySeconds : Math.min(delaySeconds - least() + margin(), delaySeconds);
        double spread = Math.max(bound, 0);
        return spread * spread / 12 + floorSeconds * floorSeconds;
    }

    /** The least delay remembered. */
    public double least() {
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            least = Math.min(least, delays[i]);
        }
        return least;
    }

    /**
     * How far above the path's true minimum the least delay seen may lie: the largest of twice the
     * gap to the second least (the gaps between the smallest delays are about as wide as the
     * distance to the minimum), the mean excess shrunk by √n, and the least delay itself over n
     * (with one delay seen, nothing rules out a path of no delay at all).
     */
    double margin() {
        if (count < 2) {
            return count == 0 ? Double.POSITIVE_INFINITY : delays[0];
        }
        System.arraycopy(delays, 0, sorted, 0, count);
        Arrays.sort(sorted, 0, count);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += sorted[i];
        }
        double least = sorted[0];
        double meanExcess = sum / count - least;
        return Math.max(2 * (sorted[1] - least), Math.max(meanExcess / Math.sqrt(count), least / count));
    }
}
