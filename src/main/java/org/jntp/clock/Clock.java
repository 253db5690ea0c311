package org.jntp.clock;

/**
 * The clock the daemon reads and disciplines.
 *
 * <p>Sign conventions follow ntpd and the Linux kernel: a positive offset means the clock is
 * behind and is moved forwards; a positive frequency makes the clock run faster.
 */
public interface Clock {

    /** Largest offset a slew accepts, as the kernel's MAXPHASE: larger corrections need a step. */
    double MAX_SLEW_SECONDS = 0.5;

    /** The rate at which the kernel's adjtime() slews, µs per second. */
    double ADJTIME_SLEW_RATE_PPM = 500.0;

    /**
     * The fastest slew any clock allows, µs per second: a kernel can shorten or lengthen its tick by
     * a tenth, and chrony stops at a twelfth (its default maxslewrate), which this follows.
     */
    double MAX_SLEW_RATE_PPM = 1e6 / 12;

    /** Largest frequency correction, as the kernel's MAXFREQ. */
    double MAX_FREQUENCY_PPM = 500.0;

    /**
     * Current time: UTC nanoseconds since 1970-01-01T00:00:00Z without leap seconds, what
     * {@code CLOCK_REALTIME} reads. Not monotonic: steps and leap seconds can move it back.
     */
    long nowNanos();

    /**
     * What this clock read at the moment the system clock ({@code CLOCK_REALTIME}) read
     * {@code systemNanos}, both in Unix nanoseconds: puts the kernel's receive timestamps, which
     * are taken on the system clock, on this clock's timescale.
     */
    long fromSystemNanos(long systemNanos);

    /** Precision of {@link #nowNanos()} as log2 seconds (the NTP precision field): -20 is about 1 µs. */
    int precisionLog2();

    /**
     * Corrects the clock gradually, without a jump, at {@link #maxSlewRatePpm()}: once done, the clock
     * reads {@code offsetSeconds} later (positive) or earlier (negative) than it would have. Replaces
     * any slew still in progress; clamped to ±{@link #MAX_SLEW_SECONDS}.
     */
    void slew(double offsetSeconds);

    /**
     * Asks slews to run at {@code ratePpm} µs per second (the daemon's own limit); a clock that cannot
     * slew at that rate keeps the nearest it can, which {@link #maxSlewRatePpm()} reports.
     */
    void setMaxSlewRate(double ratePpm);

    /** How fast {@link #slew} moves the clock, µs per second. Starts at {@link #ADJTIME_SLEW_RATE_PPM}. */
    double maxSlewRatePpm();

    /**
     * Jumps the clock by {@code offsetSeconds} at once: positive forwards, negative back. Cancels
     * any slew in progress and leaves the clock unsynchronized, as the kernel does.
     */
    void step(double offsetSeconds);

    /**
     * Sets the frequency correction in ppm: positive makes the clock gain {@code freqPpm}
     * microseconds per second over its uncorrected oscillator. Replaces the previous correction;
     * clamped to ±{@link #MAX_FREQUENCY_PPM}.
     */
    void setFrequency(double freqPpm);

    /** The frequency correction in force, in ppm, signed as for {@link #setFrequency}. */
    double frequencyPpm();

    /**
     * Sets the time constant of a kernel PLL as log2 seconds (ntpd passes its poll exponent).
     * Clocks that slew at a fixed rate ignore it.
     */
    void setTimeConstant(int pollLog2);

    /** Announces (or withdraws) a leap second at the end of the current UTC day. */
    void setLeap(LeapState leap);

    /**
     * Tells the clock TAI − UTC in whole seconds (the kernel's ADJ_TAI), for programs that read
     * {@code CLOCK_TAI}; a kernel moves it by itself at the leap second it inserts or deletes.
     */
    void setTaiOffset(int taiOffsetSeconds);

    /**
     * Marks the clock synchronized (clears the kernel's STA_UNSYNC) with the error bounds the
     * kernel reports to other programs: the maximum error and the estimated error, in seconds,
     * each clamped to [0, {@link ClockStatus#MAX_ERROR_SECONDS}].
     */
    void setSynchronized(double maxErrorSeconds, double estErrorSeconds);

    /** Marks the clock unsynchronized (sets the kernel's STA_UNSYNC). */
    void setUnsynchronized();

    /** The leap and synchronization state last set (for the kernel clock: as the kernel reports it). */
    ClockStatus status();
}
