package org.jntp.clock;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A clock in a simulated world, for tests and the simulator: true time moves only when
 * {@link #advance} is called, and the clock's oscillator runs off true time by a frequency error
 * that can wander as a random walk. The daemon slews, steps and tunes it as it would the kernel
 * clock. With a perfect oscillator it serves as the tests' fake clock.
 *
 * <p>The wander is the simulator's model: at the end of every whole second of true time since the
 * start, the frequency error takes a step of {@code wander × N(0,1)}, and holds between steps. So
 * the draws, and the clock's path, do not depend on how true time is cut into advances.
 */
public final class SimulatedClock implements Clock {

    /** The precision a simulated clock reports: about 1 µs. */
    public static final int PRECISION_LOG2 = -20;

    private static final long SECOND_NANOS = 1_000_000_000L;

    private final double wanderPpmPerSqrtSecond;
    private final RandomGenerator random;
    private long trueNanos;
    private long oscillatorNanos;
    private double oscillatorCarryNanos;
    private double freqErrorPpm;
    private long nanosToWanderStep = SECOND_NANOS;
    private Steering steering;

    private SimulatedClock(long trueStartNanos, double offsetSeconds, double freqErrorPpm,
            double wanderPpmPerSqrtSecond, RandomGenerator random) {
        this.trueNanos = trueStartNanos;
        this.oscillatorNanos = trueStartNanos + Math.round(offsetSeconds * 1e9);
        this.freqErrorPpm = freqErrorPpm;
        this.wanderPpmPerSqrtSecond = wanderPpmPerSqrtSecond;
        this.random = random;
        this.steering = Steering.initial(oscillatorNanos);
    }

    /** A clock reading exactly true time, starting at {@code trueStartNanos} (Unix epoch ns). */
    public static SimulatedClock perfect(long trueStartNanos) {
        return drifting(trueStartNanos, 0);
    }

    /** A clock that starts on true time and gains {@code freqErrorPpm} (loses, if negative). */
    public static SimulatedClock drifting(long trueStartNanos, double freqErrorPpm) {
        return new SimulatedClock(trueStartNanos, 0, freqErrorPpm, 0, new SplittableRandom(0));
    }

    /**
     * A drifting clock whose frequency error also wanders: every second of true time it takes a
     * normal step of standard deviation {@code wanderPpmPerSqrtSecond}, drawn from {@code random}
     * (seed it for repeatable runs).
     */
    public static SimulatedClock wandering(
            long trueStartNanos, double freqErrorPpm, double wanderPpmPerSqrtSecond, RandomGenerator random) {
        return offsetAndWandering(trueStartNanos, 0, freqErrorPpm, wanderPpmPerSqrtSecond, random);
    }

    /**
     * A wandering clock that starts {@code offsetSeconds} off true time: it reads true time plus
     * the offset (positive: ahead), as the simulator's client clock does.
     */
    public static SimulatedClock offsetAndWandering(long trueStartNanos, double offsetSeconds, double freqErrorPpm,
            double wanderPpmPerSqrtSecond, RandomGenerator random) {
        return new SimulatedClock(trueStartNanos, offsetSeconds, freqErrorPpm, wanderPpmPerSqrtSecond, random);
    }

    /** Lets {@code nanos} of true time pass. */
    public synchronized void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("true time cannot go back, got " + nanos + " ns");
        }
        trueNanos += nanos;
        if (wanderPpmPerSqrtSecond == 0) {
            tick(nanos);
            return;
        }
        long left = nanos;
        while (left >= nanosToWanderStep) {
            tick(nanosToWanderStep);
            left -= nanosToWanderStep;
            freqErrorPpm += random.nextGaussian() * wanderPpmPerSqrtSecond;
            nanosToWanderStep = SECOND_NANOS;
        }
        tick(left);
        nanosToWanderStep -= left;
    }

    /** Runs the oscillator for {@code nanos} of true time at the frequency error in force. */
    private void tick(long nanos) {
        double ticked = nanos + nanos * freqErrorPpm * 1e-6 + oscillatorCarryNanos;
        long whole = (long) Math.floor(ticked);
        oscillatorNanos += whole;
        oscillatorCarryNanos = ticked - whole;
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

    /** Slews at {@code ratePpm}, up to {@link #MAX_SLEW_RATE_PPM}: the tick-length limit a kernel clock has too. */
    @Override
    public synchronized void setMaxSlewRate(double ratePpm) {
        steering = steering.slewRate(oscillatorNanos, ratePpm);
    }

    @Override
    public synchronized double maxSlewRatePpm() {
        return steering.slewRatePpm();
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
    public synchronized void setTaiOffset(int taiOffsetSeconds) {
        steering = steering.withStatus(steering.status().withTaiOffset(taiOffsetSeconds));
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
