package org.jntp.clock;

import java.util.regex.Pattern;

/**
 * A clock kept in software over another clock that it only reads: it starts off by a given offset,
 * runs off by a given frequency error, and the daemon slews, steps and tunes it as it would the
 * kernel clock. With it the daemon runs fully ({@code disable ntp}, tests, demos) without touching
 * the system clock.
 *
 * <p>Reads are lock-free and allocate nothing; adjustments publish a new immutable correction.
 */
public final class SoftwareClock implements Clock {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final Clock base;
    private final long baseStartNanos;
    private final long offsetNanos;
    private final double freqErrorPpm;
    private volatile Steering steering;

    private SoftwareClock(Clock base, double offsetSeconds, double freqErrorPpm) {
        this.base = base;
        this.baseStartNanos = base.nowNanos();
        this.offsetNanos = Math.round(offsetSeconds * 1e9);
        this.freqErrorPpm = freqErrorPpm;
        this.steering = Steering.initial(freeRunningNanos(baseStartNanos));
    }

    /**
     * The settings of a software clock.
     *
     * @param offsetSeconds how far the clock starts ahead of its base (negative: behind)
     * @param freqErrorPpm how fast it runs against its base before any correction (negative: slow)
     */
    public record Spec(double offsetSeconds, double freqErrorPpm) {

        /** A software clock with these settings over {@code base}, starting now. */
        public SoftwareClock over(Clock base) {
            return new SoftwareClock(base, offsetSeconds, freqErrorPpm);
        }
    }

    /**
     * Parses {@code OFFSET_S,FREQ_PPM}, e.g. {@code 0.25,50}: a clock 250 ms ahead that gains 50 ppm.
     *
     * @throws IllegalArgumentException with a message fit for the user when the text is malformed or
     *     the frequency error is beyond ±500 ppm, which no discipline could correct
     */
    public static Spec parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 2 || !isDecimal(parts[0]) || !isDecimal(parts[1])) {
            throw new IllegalArgumentException(
                    "software clock must be OFFSET_S,FREQ_PPM in decimal (e.g. 0.25,50), got \"" + text + "\"");
        }
        double offsetSeconds = Double.parseDouble(parts[0].strip());
        double freqErrorPpm = Double.parseDouble(parts[1].strip());
        if (Math.abs(freqErrorPpm) > MAX_FREQUENCY_PPM) {
            throw new IllegalArgumentException(String.format(
                    "software clock frequency error must be within ±%.0f ppm, got %s",
                    MAX_FREQUENCY_PPM, parts[1].strip()));
        }
        return new Spec(offsetSeconds, freqErrorPpm);
    }

    private static boolean isDecimal(String part) {
        return DECIMAL.matcher(part.strip()).matches();
    }

    @Override
    public long nowNanos() {
        return fromBaseNanos(base.nowNanos());
    }

    @Override
    public long fromSystemNanos(long systemNanos) {
        return fromBaseNanos(base.fromSystemNanos(systemNanos));
    }

    private long fromBaseNanos(long baseNanos) {
        long freeRunning = freeRunningNanos(baseNanos);
        return freeRunning + steering.offsetNanos(freeRunning);
    }

    /** The base clock with this clock's own offset and frequency error, before any correction. */
    private long freeRunningNanos(long baseNanos) {
        return baseNanos + offsetNanos + Math.round(freqErrorPpm * 1e-6 * (baseNanos - baseStartNanos));
    }

    @Override
    public int precisionLog2() {
        return base.precisionLog2();
    }

    @Override
    public synchronized void slew(double offsetSeconds) {
        steering = steering.slew(freeRunningNanos(base.nowNanos()), offsetSeconds);
    }

    @Override
    public synchronized void step(double offsetSeconds) {
        steering = steering.step(freeRunningNanos(base.nowNanos()), offsetSeconds);
    }

    @Override
    public synchronized void setFrequency(double freqPpm) {
        steering = steering.frequency(freeRunningNanos(base.nowNanos()), freqPpm);
    }

    /** Slews at {@code ratePpm}, up to {@link #MAX_SLEW_RATE_PPM}: the tick-length limit a kernel clock has too. */
    @Override
    public synchronized void setMaxSlewRate(double ratePpm) {
        steering = steering.slewRate(freeRunningNanos(base.nowNanos()), ratePpm);
    }

    @Override
    public double maxSlewRatePpm() {
        return steering.slewRatePpm();
    }

    @Override
    public double frequencyPpm() {
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
    public ClockStatus status() {
        return steering.status();
    }
}
