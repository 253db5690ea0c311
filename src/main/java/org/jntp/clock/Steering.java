package org.jntp.clock;

/**
 * The adjustable part of the clocks that jntp keeps itself ({@link SoftwareClock},
 * {@link SimulatedClock}): a phase and frequency correction over a free-running time scale, plus a
 * slew in progress, all a pure function of that time scale. Immutable, so a reader needs no lock:
 * a writer publishes a new instance.
 *
 * @param anchorNanos free-running time at which this correction was set
 * @param anchorOffsetNanos correction at {@code anchorNanos}
 * @param freqPpm frequency correction since {@code anchorNanos}
 * @param slewNanos slew still to apply from {@code anchorNanos} on, at {@link #SLEW_RATE}
 * @param status leap and synchronization state
 */
record Steering(long anchorNanos, long anchorOffsetNanos, double freqPpm, double slewNanos, ClockStatus status) {

    /** Rate of a slew, as the kernel applies an adjtime() correction: 500 µs per second. */
    static final double SLEW_RATE = 500e-6;

    /** No correction yet, unsynchronized. */
    static Steering initial(long nowNanos) {
        return new Steering(nowNanos, 0, 0, 0, ClockStatus.UNSYNCHRONIZED);
    }

    /** The correction to add to the free-running time {@code nowNanos}. */
    long offsetNanos(long nowNanos) {
        long elapsed = nowNanos - anchorNanos;
        return anchorOffsetNanos + Math.round(freqPpm * 1e-6 * elapsed + slewedNanos(elapsed));
    }

    Steering slew(long nowNanos, double offsetSeconds) {
        double clamped = Math.clamp(offsetSeconds, -Clock.MAX_SLEW_SECONDS, Clock.MAX_SLEW_SECONDS);
        return new Steering(nowNanos, offsetNanos(nowNanos), freqPpm, clamped * 1e9, status);
    }

    Steering step(long nowNanos, double offsetSeconds) {
        long stepNanos = Math.round(offsetSeconds * 1e9);
        return new Steering(nowNanos, offsetNanos(nowNanos) + stepNanos, freqPpm, 0, status.afterStep());
    }

    Steering frequency(long nowNanos, double newFreqPpm) {
        double clamped = Math.clamp(newFreqPpm, -Clock.MAX_FREQUENCY_PPM, Clock.MAX_FREQUENCY_PPM);
        double remaining = slewNanos - slewedNanos(nowNanos - anchorNanos);
        return new Steering(nowNanos, offsetNanos(nowNanos), clamped, remaining, status);
    }

    Steering withStatus(ClockStatus newStatus) {
        return new Steering(anchorNanos, anchorOffsetNanos, freqPpm, slewNanos, newStatus);
    }

    private double slewedNanos(long elapsedNanos) {
        double possible = SLEW_RATE * Math.max(elapsedNanos, 0);
        return Math.copySign(Math.min(Math.abs(slewNanos), possible), slewNanos);
    }
}
