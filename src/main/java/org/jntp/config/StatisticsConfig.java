package org.jntp.config;

import java.util.List;
import java.util.Optional;

/**
 * The statistics lines: statsdir, statistics and filegen.
 *
 * @param enabled the statistics named on statistics lines, in order
 */
public record StatisticsConfig(Optional<String> statsDir, List<String> enabled, List<FileGen> fileGens) {
    /** The statistics ntpd knows. */
    public static final List<String> NAMES = List.of("clockstats", "cryptostats", "loopstats", "peerstats",
            "protostats", "rawstats", "sysstats", "timingstats");

    public StatisticsConfig {
        enabled = List.copyOf(enabled);
        fileGens = List.copyOf(fileGens);
    }

    /** No statistics lines. */
    public static StatisticsConfig none() {
        return new StatisticsConfig(Optional.empty(), List.of(), List.of());
    }
}
