package org.jntp.sim;

import java.util.OptionalLong;

/**
 * The client clock's true error sampled once per simulated second over a whole run, for tests of
 * what happens around a fault at a given second (the run's metrics only see the accuracy window).
 */
public final class OffsetTrace {

    /** Sees each second's sample; {@link #NONE} sees nothing. */
    @FunctionalInterface
    interface Probe {
        /** The sample of {@code second}: the clock's reading minus true time, and its frequency error. */
        void sample(long second, double offsetSeconds, double freqErrorPpm);

        /** Keeps nothing: the plain runs of the simulator. */
        Probe NONE = (second, offsetSeconds, freqErrorPpm) -> {};
    }

    private final double[] offsetSeconds;
    private final double[] freqErrorPpm;

    private OffsetTrace(long seconds) {
        this.offsetSeconds = new double[Math.toIntExact(seconds + 1)];
        this.freqErrorPpm = new double[offsetSeconds.length];
    }

    /** An empty trace for a run of {@code seconds} simulated seconds. */
    static OffsetTrace of(long seconds) {
        return new OffsetTrace(seconds);
    }

    /** Records the samples of the run into this trace. */
    Probe probe() {
        return (second, offset, freq) -> {
            offsetSeconds[(int) second] = offset;
            freqErrorPpm[(int) second] = freq;
        };
    }

    /** The clock's reading minus true time at {@code second}, seconds. */
    public double offsetSecondsAt(long second) {
        return offsetSeconds[(int) second];
    }

    /** The clock's frequency error (oscillator error plus correction) at {@code second}, ppm. */
    public double freqErrorPpmAt(long second) {
        return freqErrorPpm[(int) second];
    }

    /** The largest |offset| from second {@code from} to second {@code to}, both included. */
    public double maxAbsOffsetSeconds(long from, long to) {
        double max = 0;
        for (int s = (int) from; s <= to; s++) {
            max = Math.max(max, Math.abs(offsetSeconds[s]));
        }
        return max;
    }

    /**
     * The largest change of the offset from one second to the next, from {@code from} to {@code to}:
     * a slew moves the clock at most 500 µs a second, so anything larger is a step.
     */
    public double largestJumpSeconds(long from, long to) {
        double max = 0;
        for (int s = (int) from + 1; s <= to; s++) {
            max = Math.max(max, Math.abs(offsetSeconds[s] - offsetSeconds[s - 1]));
        }
        return max;
    }

    /** The first second from {@code from} on whose |offset| is below {@code boundSeconds}; empty if none. */
    public OptionalLong firstSecondWithin(double boundSeconds, long from) {
        for (int s = (int) from; s < offsetSeconds.length; s++) {
            if (Math.abs(offsetSeconds[s]) < boundSeconds) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }
}
