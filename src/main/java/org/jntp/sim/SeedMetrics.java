package org.jntp.sim;

import java.util.OptionalLong;

/**
 * Accumulates one run's metrics from its samples, one per simulated second from 0 to the run's
 * last second. Allocation-free per sample: it runs once a second for every seed. Public for the
 * kernel test bed, whose probe samples a real kernel clock against the same metrics.
 */
public final class SeedMetrics {

    private static final double ONE_MILLISECOND = 1e-3;
    private static final long NONE = -1;

    private final long windowStartSeconds;
    private final boolean hasFalsetickers;
    private final double falsetickerOffsetSeconds;
    private final double followToleranceSeconds;
    private long lastSecond = NONE;
    private long firstBelow = NONE;
    private long lastAbove = NONE;
    private long windowSamples;
    private double sumSquaredOffset;
    private double maxAbsOffset;
    private double sumSquaredFreq;
    private boolean everSynchronized;
    private boolean followedFalseticker;
    private long unsynchronizedSeconds;

    /** Metrics against {@code scenario}'s accuracy window and falseticker offset. */
    public SeedMetrics(Scenario scenario) {
        this.windowStartSeconds = scenario.windowStartSeconds();
        this.hasFalsetickers = scenario.falsetickers() > 0;
        this.falsetickerOffsetSeconds = scenario.falsetickerOffsetSeconds();
        this.followToleranceSeconds = scenario.followToleranceSeconds();
    }

    /**
     * Takes the sample of second {@code second} (seconds come in increasing order).
     *
     * @param offsetSeconds  the clock's reading minus true time
     * @param freqErrorPpm   the oscillator's error plus the clock's frequency correction
     * @param synced         whether the clock is marked synchronised
     */
    public void sample(long second, double offsetSeconds, double freqErrorPpm, boolean synced) {
        lastSecond = second;
        double absOffset = Math.abs(offsetSeconds);
        if (absOffset < ONE_MILLISECOND) {
            if (firstBelow == NONE) {
                firstBelow = second;
            }
        } else {
            lastAbove = second;
        }
        if (second >= windowStartSeconds) {
            windowSamples++;
            sumSquaredOffset += offsetSeconds * offsetSeconds;
            sumSquaredFreq += freqErrorPpm * freqErrorPpm;
            maxAbsOffset = Math.max(maxAbsOffset, absOffset);
        }
        everSynchronized |= synced;
        if (everSynchronized && !synced) {
            unsynchronizedSeconds++;
        }
        if (everSynchronized && hasFalsetickers
                && Math.abs(offsetSeconds - falsetickerOffsetSeconds) < followToleranceSeconds) {
            followedFalseticker = true;
        }
    }

    /** The metrics of the samples taken, for run {@code seed}. */
    public SeedResult result(long seed, PollIntervals polls, long requests, long replies) {
        OptionalLong first = firstBelow == NONE ? OptionalLong.empty() : OptionalLong.of(firstBelow);
        OptionalLong settled;
        if (lastAbove == NONE) {
            settled = OptionalLong.of(0);
        } else if (lastAbove == lastSecond) {
            settled = OptionalLong.empty();
        } else {
            settled = OptionalLong.of(lastAbove + 1);
        }
        return new SeedResult(seed, first, settled, windowSamples, sumSquaredOffset, maxAbsOffset, sumSquaredFreq,
                followedFalseticker, unsynchronizedSeconds, polls, requests, replies);
    }
}
