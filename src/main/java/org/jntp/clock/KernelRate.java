package org.jntp.clock;

/**
 * A rate of the Linux clock as two fields of {@code struct timex}: the tick length, which the kernel
 * takes within a tenth of its nominal 10 000 µs (USER_HZ 100, so one µs of tick is 100 ppm), and the
 * frequency, within ±500 ppm, which it adds on top. The clock then gains
 * {@code (tick - 10000) * 100 + freq} µs a second over its uncorrected oscillator.
 *
 * @param tickMicros the tick length in µs
 * @param scaledFreq the frequency in ppm scaled by 2^16
 */
record KernelRate(long tickMicros, long scaledFreq) {

    /** The tick length at USER_HZ 100, which every architecture jntp's runtime is built for has. */
    static final long NOMINAL_TICK_MICROS = 10_000;
    /** The kernel refuses a tick further than a tenth from nominal. */
    static final long MAX_TICK_BIAS_MICROS = NOMINAL_TICK_MICROS / 10;
    private static final double PPM_PER_TICK_MICRO = 1e6 / NOMINAL_TICK_MICROS;
    private static final long MAX_SCALED_FREQ = Math.round(Clock.MAX_FREQUENCY_PPM * Timex.FREQ_SCALE);

    /**
     * The fields nearest {@code ratePpm}: the frequency alone within ±500 ppm, so the nominal tick
     * stays for every plain frequency correction; beyond, the nearest tick and the rest as frequency.
     * Rates past what the two can reach are clamped.
     */
    static KernelRate of(double ratePpm) {
        long tickBias = Math.abs(ratePpm) <= Clock.MAX_FREQUENCY_PPM ? 0
                : Math.clamp(roundHalfAway(ratePpm / PPM_PER_TICK_MICRO), -MAX_TICK_BIAS_MICROS, MAX_TICK_BIAS_MICROS);
        long scaledFreq = roundHalfAway((ratePpm - tickBias * PPM_PER_TICK_MICRO) * Timex.FREQ_SCALE);
        return new KernelRate(NOMINAL_TICK_MICROS + tickBias, Math.clamp(scaledFreq, -MAX_SCALED_FREQ, MAX_SCALED_FREQ));
    }

    /** The rate the kernel runs at with these fields, ppm. */
    double ratePpm() {
        return (tickMicros - NOMINAL_TICK_MICROS) * PPM_PER_TICK_MICRO + scaledFreq / Timex.FREQ_SCALE;
    }

    /** The write that sets this rate. */
    TimexRequest request() {
        return TimexRequest.rate(tickMicros, scaledFreq);
    }

    /** Rounds half away from zero, as ntpd rounds values for the kernel. */
    static long roundHalfAway(double value) {
        return (long) (value + Math.copySign(0.5, value));
    }
}
