package org.jntp.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jntp.server.access.DiscardSettings;
import org.jntp.server.access.MruSettings;
import org.jntp.server.access.RestrictRule;
import org.jntp.server.access.RestrictTable;

/**
 * What ntp.conf configures, immutable. Lists keep file order (includes expanded in place); settings
 * a file does not give hold ntpd's defaults.
 *
 * @param restrictions restrict and unrestrict lines in order; {@link #restrictTable()} applies them
 * @param enabledFlags the system options enabled after all enable and disable lines
 * @param tos tos options in order; a later value for a name overrides an earlier one
 * @param leapSmearIntervalSeconds {@code leapsmearinterval}: how long before a leap second the
 *                                 server starts smearing it; 0, the default, for no smear
 * @param auth keys, trustedkey, controlkey and requestkey
 * @param metrics {@code metrics}: where to serve Prometheus metrics; empty, the default, for nowhere
 * @param misc dscp, nonvolatile, setvar and saveconfigdir
 * @param directives each line that configured something, written back as text the parser reads the same, in
 *                   file order with includes expanded: what {@code ntpq saveconfig} saves
 * @param logMask {@code logconfig}: which classes and types of log lines are written
 * @param nts the {@code nts} lines: the NTS-KE server and the trust of NTS clients
 */
public record NtpConfig(List<Association> associations, List<Fudge> fudges, List<RestrictRule> restrictions,
        DiscardSettings discard, MruSettings mru, List<InterfaceRule> interfaceRules, Set<SystemFlag> enabledFlags,
        List<TosOption> tos, List<TinkerOption> tinker, FilePaths files, StatisticsConfig statistics,
        int leapSmearIntervalSeconds, AuthSettings auth, Optional<MetricsEndpoint> metrics, MiscOptions misc,
        List<String> directives, LogMask logMask, NtsSettings nts) {
    public NtpConfig {
        associations = List.copyOf(associations);
        fudges = List.copyOf(fudges);
        restrictions = List.copyOf(restrictions);
        interfaceRules = List.copyOf(interfaceRules);
        enabledFlags = enabledFlags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabledFlags));
        tos = List.copyOf(tos);
        tinker = List.copyOf(tinker);
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(misc, "misc");
        directives = List.copyOf(directives);
        Objects.requireNonNull(logMask, "logMask");
        Objects.requireNonNull(nts, "nts");
    }

    /** The configuration of an empty ntp.conf: ntpd's defaults throughout. */
    public static NtpConfig defaults() {
        return new NtpConfig(List.of(), List.of(), List.of(), DiscardSettings.defaults(), MruSettings.defaults(),
                List.of(), SystemFlag.defaults(), List.of(), List.of(), FilePaths.none(),
                StatisticsConfig.none(), 0, AuthSettings.none(), Optional.empty(), MiscOptions.defaults(),
                List.of(), LogMask.DEFAULT, NtsSettings.none());
    }

    /** This configuration with other key settings, as ntpd's {@code -k} overrides {@code keys}. */
    public NtpConfig withAuth(AuthSettings settings) {
        return new NtpConfig(associations, fudges, restrictions, discard, mru, interfaceRules, enabledFlags, tos,
                tinker, files, statistics, leapSmearIntervalSeconds, settings, metrics, misc, directives, logMask,
                nts);
    }

    /** The restriction table the restrict lines build. */
    public RestrictTable restrictTable() {
        return RestrictTable.of(restrictions);
    }

    /** Whether the option is on once all enable and disable lines are applied. */
    public boolean isEnabled(SystemFlag flag) {
        return enabledFlags.contains(flag);
    }
}
