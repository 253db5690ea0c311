package org.jntp.daemon.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.StatisticsConfig;
import org.junit.jupiter.api.Test;

class FileGenSettingsTest {

    private static FileGenSettings loopstats(String conf) {
        return FileGenSettings.of(statistics(conf), "loopstats");
    }

    private static StatisticsConfig statistics(String conf) {
        return switch (ConfigParser.parse(conf, "test.conf")) {
            case ConfigResult.Valid valid -> valid.config().statistics();
            case ConfigResult.Invalid invalid -> throw new AssertionError(invalid.errors().toString());
        };
    }

    @Test
    void defaultsToADailyLinkedFileInNtpdsCompiledDirectoryNotWritten() {
        assertThat(loopstats("")).isEqualTo(
                new FileGenSettings("loopstats", "/var/NTP/loopstats", GenerationType.DAY, true, false));
    }

    @Test
    void appendsTheSeparatorAStatsdirLacks() {
        assertThat(loopstats("statsdir /var/log/ntpstats\n").basePath()).isEqualTo("/var/log/ntpstats/loopstats");
        assertThat(loopstats("statsdir /var/log/ntpstats/\n").basePath()).isEqualTo("/var/log/ntpstats/loopstats");
    }

    @Test
    void isWrittenOnceAStatisticsLineNamesIt() {
        assertThat(loopstats("statistics peerstats loopstats\n").enabled()).isTrue();
        assertThat(loopstats("statistics peerstats\n").enabled()).isFalse();
    }

    @Test
    void isWrittenOnceAFilegenLineEnablesIt() {
        assertThat(loopstats("filegen loopstats file loops type week nolink enable\n")).isEqualTo(
                new FileGenSettings("loopstats", "/var/NTP/loops", GenerationType.WEEK, false, true));
    }

    @Test
    void filegenDisableWinsOverAStatisticsLineWhereverItStands() {
        assertThat(loopstats("filegen loopstats disable\nstatistics loopstats\n").enabled()).isFalse();
    }

    @Test
    void eachFilegenLineChangesOnlyTheOptionsItGives() {
        FileGenSettings settings = loopstats("""
                statsdir /var/log/ntpstats/
                filegen loopstats file loops type month
                filegen loopstats enable
                """);

        assertThat(settings).isEqualTo(
                new FileGenSettings("loopstats", "/var/log/ntpstats/loops", GenerationType.MONTH, true, true));
    }

    @Test
    void namesTheGenerationFileAfterThePlainName() {
        FileGenSettings settings = loopstats("statsdir /var/log/ntpstats/\nstatistics loopstats\n");

        assertThat(settings.pathAt(Instant.parse("2026-11-26T16:00:00Z").getEpochSecond(), 0, 1))
                .isEqualTo("/var/log/ntpstats/loopstats.20261126");
    }

    @Test
    void coversEveryStatisticNtpdKnows() {
        assertThat(FileGenSettings.of(statistics(""))).extracting(FileGenSettings::statistic)
                .containsExactlyElementsOf(StatisticsConfig.NAMES);
    }
}
