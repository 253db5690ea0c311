package org.jntp.discipline;

/**
 * Whether a program that sets the clock once steps it or slews it, which ntpd -q and ntpdate both
 * decide by comparing the offset with a threshold, each in its own way: ntpd steps an offset
 * beyond its step threshold, ntpdate one of half a second or more.
 *
 * @param thresholdSeconds the offset from which the clock is stepped; infinite: never
 * @param stepsAtThreshold whether an offset of exactly the threshold is stepped (ntpdate's ≥) or
 *                         slewed (ntpd's &gt;)
 */
public record StepRule(double thresholdSeconds, boolean stepsAtThreshold) {

    /** ntpdate 4.2.8's NTPDATE_THRESHOLD: from half a second on, the clock is stepped. */
    public static final double NTPDATE_THRESHOLD_SECONDS = 0.5;

    /** Checks that the threshold is a magnitude. */
    public StepRule {
        if (!(thresholdSeconds >= 0)) {
            throw new IllegalArgumentException("threshold " + thresholdSeconds);
        }
    }

    /**
     * {@code ntpd -q}'s rule: step beyond the discipline's step threshold, which is 0.128 s,
     * {@code tinker step}, or 600 s with {@code -x} (infinite for {@code tinker step 0}: never step).
     */
    public static StepRule ntpd(DisciplineSettings settings) {
        return new StepRule(settings.stepThresholdSeconds(), false);
    }

    /** ntpdate's rule: {@code -b} steps always, {@code -B} never, otherwise from half a second on. */
    public static StepRule ntpdate(boolean alwaysStep, boolean neverStep) {
        if (alwaysStep) {
            return new StepRule(0, true);
        }
        return new StepRule(neverStep ? Double.POSITIVE_INFINITY : NTPDATE_THRESHOLD_SECONDS, true);
    }

    /** How to set the clock to correct {@code offsetSeconds}. */
    public ClockSetting setting(double offsetSeconds) {
        double size = Math.abs(offsetSeconds);
        boolean step = size > thresholdSeconds || stepsAtThreshold && size == thresholdSeconds;
        return new ClockSetting(step ? ClockSetting.Kind.STEP : ClockSetting.Kind.SLEW, offsetSeconds);
    }
}
