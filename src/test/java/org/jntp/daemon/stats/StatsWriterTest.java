package org.jntp.daemon.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.jntp.clock.SimulatedClock;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.daemon.EventLog;
import org.jntp.server.Counter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsWriterTest {
    private static final long HOUR = StatsWriter.SYSSTATS_INTERVAL_NANOS;
    private static final long START = Instant.parse("2024-11-26T16:00:00Z").getEpochSecond() * 1_000_000_000L;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), () -> 0,
            ZoneOffset.UTC, 1, 0);
    private final SimulatedClock clock = SimulatedClock.perfect(START);
    private final Map<Counter, Long> totals = new EnumMap<>(Counter.class);
    private long monoNanos;

    @TempDir
    Path dir;

    private StatsWriter writer(String conf) {
        String text = "statsdir " + dir + "\n" + conf;
        return switch (ConfigParser.parse(text, "test.conf")) {
            case ConfigResult.Valid valid -> StatsWriter.open(valid.config().statistics(), clock, () -> monoNanos, 1,
                    log, () -> Map.copyOf(totals));
            case ConfigResult.Invalid invalid -> throw new AssertionError(invalid.errors().toString());
        };
    }

    private void advance(long nanos) {
        monoNanos += nanos;
        clock.advance(nanos);
    }

    @Test
    void writesALoopstatsRecordAtEachClockUpdateStampedByTheServedClock() {
        try (StatsWriter writer = writer("statistics loopstats\n")) {
            writer.clockUpdated(0.001, 12.5, 0.0001, 0.002, 6);
        }

        assertThat(dir.resolve("loopstats.20241126"))
                .hasContent("60640 57600.000 0.001000000 12.500 0.000100000 0.002000 6");
    }

    @Test
    void writesOnlyTheStatisticsConfigured() {
        try (StatsWriter writer = writer("statistics peerstats\n")) {
            writer.clockUpdated(0.001, 12.5, 0.0001, 0.002, 6);
            writer.peerSampled(new InetSocketAddress("192.0.2.1", 123), 0x9614, 0, 0.001, 0.002, 0.003);
        }

        assertThat(dir.resolve("loopstats.20241126")).doesNotExist();
        assertThat(dir.resolve("peerstats.20241126"))
                .hasContent("60640 57600.000 192.0.2.1 9614 0.000000000 0.001000000 0.002000000 0.003000000");
    }

    @Test
    void writesSysstatsHourlyWithTheCountsSinceTheLastRecord() {
        try (StatsWriter writer = writer("statistics sysstats\n")) {
            totals.put(Counter.RECEIVED, 10L);
            totals.put(Counter.ANSWERED, 8L);
            advance(HOUR - 1);
            writer.writeSysStatsIfDue(monoNanos);
            advance(1);
            writer.writeSysStatsIfDue(monoNanos);
            totals.put(Counter.RECEIVED, 15L);
            totals.put(Counter.KOD_SENT, 1L);
            advance(HOUR);
            writer.writeSysStatsIfDue(monoNanos);
        }

        assertThat(dir.resolve("sysstats.20241126")).hasContent("""
                60640 61200.000 3600 10 8 0 0 0 0 0 0 0 0
                60640 64800.000 3600 5 0 0 0 0 0 0 0 0 1""");
    }

    @Test
    void logsTheStatisticsItAcceptsButNeverWrites() {
        try (StatsWriter ignored = writer("statistics clockstats loopstats\n")) {
            assertThat(logBytes.toString(StandardCharsets.UTF_8))
                    .contains("statistics clockstats: jntp writes no such records").doesNotContain("loopstats");
        }
    }
}
