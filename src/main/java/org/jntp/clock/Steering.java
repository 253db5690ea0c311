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
 * @param slewNanos slew still to apply from {@code anchorNanos} on, at {@code slewRatePpm}
 * @param slewRatePpm how fast a slew proceeds, µs per second
 * @param status leap and synchronization state
 */
record Steering(long anchorNanos, long anchorOffsetNanos, double freqPpm, double slewNanos, double slewRatePpm,
        ClockStatus status) {

    /** No correction yet, slewing as adjtime() does, unsynchronized. */
    static Steering initial(long nowNanos) {
        return new Steering(nowNanos, 0, 0, 0, Clock.ADJTIME_SLEW_RATE_PPM, ClockStatus.UNSYNCHRONIZED);
    }

    /** The correction to add to the free-running time {@code nowNanos}. */
    long offsetNanos(long nowNanos) {
        long elapsed = nowNanos - anchorNanos;
        return anchorOffsetNanos + Math.round(freqPpm * 1e-6 * elapsed + slewedNanos(elapsed));
    }

    Steering slew(long nowNanos, double offsetSeconds) {
        double clamped = Math.clamp(offsetSeconds, -Clock.MAX_SLEW_SECONDS, Clock.MAX_SLEW_SECONDS);
        return new Steering(nowNanos, offsetNanos(nowNanos), freqPpm, clamped * 1e9, slewRatePpm, status);
    }

    Steering step(long nowNanos, double offsetSeconds) {
        long stepNanos = Math.round(offsetSeconds * 1e9);
        return new Steering(nowNanos, offsetNanos(nowNanos) + stepNanos, freqPpm, 0, slewRatePpm, status.afterStep());
    }

    Steering frequency(long nowNanos, double newFreqPpm) {
        double clamped = Math.clamp(newFreqPpm, -Clock.MAX_FREQUENCY_PPM, Clock.MAX_FREQUENCY_PPM);
        double remaining = slewNanos - slewedNanos(nowNanos - anchorNanos);
        return new Steering(nowNanos, offsetNanos(nowNanos), clamped, remaining, slewRatePpm, status);
    }

    Steering withStatus(ClockStatus newStatus) {
        return new Steering(anchorNanos, anchorOffsetNanos, freqPpm, slewNanos, slewRatePpm, newStatus);
    }

    /**
     * Slews from {@code nowNanos} on at {@code ratePpm}, clamped to {@link Clock#MAX_SLEW_RATE_PPM};
     * the slew in progress goes on at the new rate.
     */
    Steering slewRate(long nowNanos, double ratePpm) {
        double remaining = slewNanos - slewedNanos(nowNanos - anchorNanos);
        double clamped = Math.clamp(ratePpm, 1, Clock.MAX_SLEW_RATE_PPM);
        return new Steering(nowNanos, offsetNanos(nowNanos), freqPpm, remaining, clamped, status);
    }

    private double slewedNanos(long elapsedNanos) {
        double possible = slewRatePpm * 1e-6 * Math.max(elapsedNanos, 0);
        return Math.copySign(Math.min(Math.abs(slewNanos), possible), slewNanos);
    }
}
