package org.jntp.clock;

import java.util.Random;

/**
 * A clock in a simulated world, for tests and the simulator: true time moves only when
 * {@link #advance} is called, and the clock's oscillator runs off true time by a frequency error
 * that can wander as a random walk. The daemon slews, steps and tunes it as it would the kernel
 * clock. With a perfect oscillator it serves as the tests' fake clock.
 */
public final class SimulatedClock implements Clock {

    /** The precision a simulated clock reports: about 1 µs. */
    public static final int PRECISION_LOG2 = -20;

    private final double wanderPpmPerSqrtSecond;
    private final Random random;
    private long trueNanos;
    private long oscillatorNanos;
    private double oscillatorCarryNanos;
    private double freqErrorPpm;
    private Steering steering;

    private SimulatedClock(long trueStartNanos, double freqErrorPpm, double wanderPpmPerSqrtSecond, Random random) {
        this.trueNanos = trueStartNanos;
        this.oscillatorNanos = trueStartNanos;
        this.freqErrorPpm = freqErrorPpm;
        this.wanderPpmPerSqrtSecond = wanderPpmPerSqrtSecond;
        this.random = random;
        this.steering = Steering.initial(trueStartNanos);
    }

    /** A clock reading exactly true time, starting at {@code trueStartNanos} (Unix epoch ns). */
    public static SimulatedClock perfect(long trueStartNanos) {
        return drifting(trueStartNanos, 0);
    }

    /** A clock that starts on true time and gains {@code freqErrorPpm} (loses, if negative). */
    public static SimulatedClock drifting(long trueStartNanos, double freqErrorPpm) {
        return new SimulatedClock(trueStartNanos, freqErrorPpm, 0, new Random(0));
    }

    /**
     * A drifting clock whose frequency error also wanders: over an advance of {@code t} seconds it
     * changes by a normal deviate of standard deviation {@code wanderPpmPerSqrtSecond * sqrt(t)},
     * drawn from {@code random} (seed it for repeatable runs).
     */
    public static SimulatedClock wandering(
            long trueStartNanos, double freqErrorPpm, double wanderPpmPerSqrtSecond, Random random) {
        return new SimulatedClock(trueStartNanos, freqErrorPpm, wanderPpmPerSqrtSecond, random);
    }

    /** Lets {@code nanos} of true time pass. */
    public synchronized void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("true time cannot go back, got " + nanos + " ns");
        }
        double before = freqErrorPpm;
        if (wanderPpmPerSqrtSecond > 0) {
            freqErrorPpm += random.nextGaussian() * wanderPpmPerSqrtSecond * Math.sqrt(nanos / 1e9);
        }
        // the error moved steadily from before to after over the interval: integrate its mean
        double meanErrorPpm = (before + freqErrorPpm) / 2;
        double ticked = nanos + nanos * meanErrorPpm * 1e-6 + oscillatorCarryNanos;
        long whole = (long) Math.floor(ticked);
        oscillatorNanos += whole;
        oscillatorCarryNanos = ticked - whole;
        trueNanos += nanos;
    }

    /** True time, Unix epoch nanoseconds. */
    public synchronized long trueNanos() {
        return trueNanos;
    }

    /** The oscillator's frequency error against true time now, in ppm, before any correction. */
    public synchronized double oscillatorErrorPpm() {
        return freqErrorPpm;
    }

    @Override
    public synchronized long nowNanos() {
        return oscillatorNanos + steering.offsetNanos(oscillatorNanos);
    }

    /** A simulated clock stands in for the system clock, so its timestamps are already on its timescale. */
    @Override
    public long fromSystemNanos(long systemNanos) {
        return systemNanos;
    }

    @Override
    public int precisionLog2() {
        return PRECISION_LOG2;
    }

    @Override
    public synchronized void slew(double offsetSeconds) {
        steering = steering.slew(oscillatorNanos, offsetSeconds);
    }

    @Override
    public synchronized void step(double offsetSeconds) {
        steering = steering.step(oscillatorNanos, offsetSeconds);
    }

    @Override
    public synchronized void setFrequency(double freqPpm) {
        steering = steering.frequency(oscillatorNanos, freqPpm);
    }

    @Override
    public synchronized double frequencyPpm() {
        return steering.freqPpm();
    }

    @Override
    public void setTimeConstant(int pollLog2) {
        // slews at a fixed rate, like the kernel's adjtime(): there is no loop to time
    }

    @Override
    public synchronized void setLeap(LeapState leap) {
        steering = steering.withStatus(steering.status().withLeap(leap));
    }

    @Override
    public synchronized void setSynchronized(double maxErrorSeconds, double estErrorSeconds) {
        steering = steering.withStatus(steering.status().synchronizedWith(maxErrorSeconds, estErrorSeconds));
    }

    @Override
    public synchronized void setUnsynchronized() {
        steering = steering.withStatus(steering.status().unsynchronized());
    }

    @Override
    public synchronized ClockStatus status() {
        return steering.status();
    }
}
