package org.jntp.source;

import java.util.OptionalDouble;
import java.util.Set;
import org.jntp.clock.Clock;
import org.jntp.config.NtpConfig;
import org.jntp.config.TinkerOption;
import org.jntp.discipline.DisciplineSettings;
import org.jntp.discipline.SelectionParameters;

/**
 * How the {@link Synchronizer} selects and steers.
 *
 * @param tos        the selection limits of the {@code tos} line
 * @param discipline the discipline's thresholds, drift file frequency included
 * @param orphan     orphan mode, from the {@code tos} line
 */
public record SyncSettings(SelectionParameters tos, DisciplineSettings discipline, Orphan orphan) {

    /** The tinker options the discipline acts on; ntpd's others tune its PLL, which jntp does not have. */
    public static final Set<String> TINKER_USED = Set.of("step", "stepout", "panic", "maxslewrate");

    /** Settings without orphan mode. */
    public SyncSettings(SelectionParameters tos, DisciplineSettings discipline) {
        this(tos, discipline, Orphan.NONE);
    }

    /**
     * The settings ntp.conf's {@code tos} and {@code tinker} lines and ntpd's flags give.
     *
     * @param panicAllowedOnce {@code -g}: the first offset may exceed the panic threshold
     * @param slewOnly         {@code -x}: slew every offset below 600 s
     * @param slewRatePpm      how fast the clock slews, as it reports after {@link #maxSlewRatePpm}
     * @param driftPpm         the drift file's frequency, if one was read
     */
    public static SyncSettings of(NtpConfig config, boolean panicAllowedOnce, boolean slewOnly, double slewRatePpm,
            OptionalDouble driftPpm) {
        DisciplineSettings defaults = DisciplineSettings.defaults(slewRatePpm);
        double step = tinker(config, "step", defaults.stepThresholdSeconds());
        if (step == 0) {
            step = Double.POSITIVE_INFINITY;
        }
        if (slewOnly) {
            step = Math.max(step, DisciplineSettings.SLEW_ONLY_THRESHOLD_SECONDS);
        }
        DisciplineSettings discipline = new DisciplineSettings(step, tinker(config, "stepout", defaults.stepoutSeconds()),
                tinker(config, "panic", defaults.panicThresholdSeconds()), panicAllowedOnce, slewRatePpm, 0, false);
        if (driftPpm.isPresent()) {
            discipline = discipline.withDriftFile(driftPpm.getAsDouble());
        }
        TosSettings tos = TosSettings.of(config.tos());
        return new SyncSettings(tos.selection(), discipline, tos.orphan());
    }

    /**
     * The slew rate to ask of the clock: {@code tinker maxslewrate} (µs per second), else the fastest
     * any clock allows; the clock keeps the nearest it can.
     */
    public static double maxSlewRatePpm(NtpConfig config) {
        return tinker(config, "maxslewrate", Clock.MAX_SLEW_RATE_PPM);
    }

    private static double tinker(NtpConfig config, String name, double otherwise) {
        double value = otherwise;
        for (TinkerOption option : config.tinker()) {
            if (option.name().equals(name)) {
                value = option.value();
            }
        }
        return value;
    }
}
