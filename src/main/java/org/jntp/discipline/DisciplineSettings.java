package org.jntp.discipline;

/**
 * The limits of the clock discipline, as ntpd's {@code tinker} sets them and its command line
 * changes them.
 *
 * @param stepThresholdSeconds  offsets beyond this are stepped, not slewed ({@code tinker step}, 0.128 s;
 *                              600 s with {@code -x})
 * @param stepoutSeconds        how long an offset beyond the step threshold must persist, once
 *                              synchronised, before it is stepped ({@code tinker stepout}, 900 s)
 * @param panicThresholdSeconds an offset beyond this stops the daemon ({@code tinker panic}, 1000 s; 0: never)
 * @param panicAllowedOnce      whether the first offset may exceed the panic threshold ({@code -g})
 * @param maxSlewRatePpm        how fast the clock slews, µs per second, as the clock applies it
 * @param initialFrequencyPpm   the frequency correction in force at start (from the drift file, or 0)
 * @param frequencyKnown        whether that frequency came from a drift file, so is already close
 */
public record DisciplineSettings(
        double stepThresholdSeconds,
        double stepoutSeconds,
        double panicThresholdSeconds,
        boolean panicAllowedOnce,
        double maxSlewRatePpm,
        double initialFrequencyPpm,
        boolean frequencyKnown) {

    /** ntpd 4.2.8's step threshold. */
    public static final double STEP_THRESHOLD_SECONDS = 0.128;
    /** ntpd 4.2.8's stepout interval. */
    public static final double STEPOUT_SECONDS = 900;
    /** ntpd's panic threshold. */
    public static final double PANIC_THRESHOLD_SECONDS = 1000;
    /** The step threshold with {@code -x}: everything below is slewed. */
    public static final double SLEW_ONLY_THRESHOLD_SECONDS = 600;

    /** ntpd's defaults, with the clock's slew rate and no drift file. */
    public static DisciplineSettings defaults(double maxSlewRatePpm) {
        return new DisciplineSettings(STEP_THRESHOLD_SECONDS, STEPOUT_SECONDS, PANIC_THRESHOLD_SECONDS, false,
                maxSlewRatePpm, 0, false);
    }

    /** Whether {@code offsetSeconds} is beyond the panic threshold, which 0 turns off. */
    public boolean beyondPanic(double offsetSeconds) {
        return panicThresholdSeconds > 0 && Math.abs(offsetSeconds) > panicThresholdSeconds;
    }

    /** These settings starting from a drift file's frequency. */
    public DisciplineSettings withDriftFile(double frequencyPpm) {
        return new DisciplineSettings(stepThresholdSeconds, stepoutSeconds, panicThresholdSeconds, panicAllowedOnce,
                maxSlewRatePpm, frequencyPpm, true);
    }
}
