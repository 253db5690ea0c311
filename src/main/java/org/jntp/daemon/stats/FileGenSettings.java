package org.jntp.daemon.stats;

import java.util.List;
import org.jntp.config.FileGen;
import org.jntp.config.StatisticsConfig;

/**
 * One statistics file as the configuration leaves it, with ntpd 4.2.8's defaults: named after its
 * statistic in the statistics directory, a generation a day, linked from its plain name, and not
 * written until a {@code statistics} line names it or a {@code filegen} line enables it.
 *
 * @param statistic loopstats, peerstats...
 * @param basePath  the statistics directory and the file prefix: the plain name the link takes
 * @param type      how the file is split into generations
 * @param link      whether the plain name is kept as a hard link to the current generation
 * @param enabled   whether records are written
 */
public record FileGenSettings(String statistic, String basePath, GenerationType type, boolean link,
        boolean enabled) {
    /** ntpd's compiled-in statistics directory (NTP_VAR), used when no statsdir line is given. */
    public static final String DEFAULT_STATS_DIR = "/var/NTP/";

    /** Every statistic ntpd knows, in {@link StatisticsConfig#NAMES}' order. */
    public static List<FileGenSettings> of(StatisticsConfig config) {
        return StatisticsConfig.NAMES.stream().map(name -> of(config, name)).toList();
    }

    /**
     * The settings of {@code statistic}. As in ntpd's config_monitor(), the statistics lines are
     * applied first and then each filegen line in turn, each changing only the options it gives,
     * so {@code filegen ... disable} wins over a {@code statistics} line.
     */
    public static FileGenSettings of(StatisticsConfig config, String statistic) {
        String file = statistic;
        GenerationType type = GenerationType.DAY;
        boolean link = true;
        boolean enabled = config.enabled().contains(statistic);
        for (FileGen line : config.fileGens()) {
            if (line.statistic().equals(statistic)) {
                file = line.file().orElse(file);
                type = line.type().map(GenerationType::named).orElse(type);
                link = line.link().orElse(link);
                enabled = line.enabled().orElse(enabled);
            }
        }
        return new FileGenSettings(statistic, statsDir(config) + file, type, link, enabled);
    }

    /** The configured directory with a '/' appended when it lacks one, as ntpd's stats_config() does. */
    private static String statsDir(StatisticsConfig config) {
        return config.statsDir().map(dir -> dir.isEmpty() || dir.endsWith("/") ? dir : dir + "/")
                .orElse(DEFAULT_STATS_DIR);
    }

    /** The file that holds a record written at {@code unixSeconds} (see {@link GenerationType#suffix}). */
    public String pathAt(long unixSeconds, long uptimeSeconds, long pid) {
        return basePath + type.suffix(unixSeconds, uptimeSeconds, pid);
    }
}
