package org.jntp.daemon.stats;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jntp.clock.Clock;
import org.jntp.config.StatisticsConfig;
import org.jntp.daemon.EventLog;
import org.jntp.server.Counter;
import org.jntp.source.RawReply;
import org.jntp.source.SyncEvents;

/**
 * ntpd's statistics files: {@code loopstats} at each clock correction, {@code peerstats} at each
 * sample a clock filter hands on, {@code rawstats} at each packet an association measures, and
 * {@code sysstats} every hour, in ntpd 4.2.8's formats ({@link StatsRecords}). Records are
 * stamped, and files named, by the served clock. {@code clockstats}, {@code protostats},
 * {@code cryptostats} and {@code timingstats} are accepted but never written: jntp has no
 * reference clock drivers, Autokey or timing instrumentation, and logs its protocol events.
 *
 * <p>Runs on the client thread, which reports the events and asks for the hourly record; no
 * failure to write reaches it.
 */
public final class StatsWriter implements SyncEvents, AutoCloseable {
    /** ntpd's stats timer: a sysstats record every hour. */
    static final long SYSSTATS_INTERVAL_NANOS = 3_600_000_000_000L;
    private static final List<String> NOT_WRITTEN = List.of("clockstats", "cryptostats", "protostats", "timingstats");

    private final Clock clock;
    private final LongSupplier monoNanos;
    private final long startMonoNanos;
    private final Supplier<Map<Counter, Long>> serverTotals;
    private final StatsFile loopstats;
    private final StatsFile peerstats;
    private final StatsFile rawstats;
    private final StatsFile sysstats;
    private Map<Counter, Long> lastTotals = Map.of();
    private long lastSysStatsMonoNanos;

    private StatsWriter(StatisticsConfig config, Clock clock, LongSupplier monoNanos, long pid, EventLog log,
            Supplier<Map<Counter, Long>> serverTotals) {
        this.clock = clock;
        this.monoNanos = monoNanos;
        this.startMonoNanos = monoNanos.getAsLong();
        this.lastSysStatsMonoNanos = startMonoNanos;
        this.serverTotals = serverTotals;
        this.loopstats = new StatsFile(FileGenSettings.of(config, "loopstats"), pid, log);
        this.peerstats = new StatsFile(FileGenSettings.of(config, "peerstats"), pid, log);
        this.rawstats = new StatsFile(FileGenSettings.of(config, "rawstats"), pid, log);
        this.sysstats = new StatsFile(FileGenSettings.of(config, "sysstats"), pid, log);
        for (String name : NOT_WRITTEN) {
            if (FileGenSettings.of(config, name).enabled()) {
                log.info("statistics " + name + ": jntp writes no such records");
            }
        }
    }

    /**
     * The statistics files of {@code config}, none opened before its first record.
     *
     * @param clock        the served clock: the time of each record and the name of its file
     * @param monoNanos    the monotonic clock, for the daemon's uptime (now is its start)
     * @param pid          the daemon's process ID, for {@code type pid} and moved-aside files
     * @param serverTotals the server's counters so far, summed over its threads
     */
    public static StatsWriter open(StatisticsConfig config, Clock clock, LongSupplier monoNanos, long pid,
            EventLog log, Supplier<Map<Counter, Long>> serverTotals) {
        return new StatsWriter(config, clock, monoNanos, pid, log, serverTotals);
    }

    @Override
    public void clockUpdated(double offsetSeconds, double frequencyPpm, double jitterSeconds, double wanderPpm,
            int pollLog2) {
        if (loopstats.enabled()) {
            long nowNanos = clock.nowNanos();
            loopstats.append(StatsRecords.loop(nowNanos, offsetSeconds, frequencyPpm, jitterSeconds, wanderPpm,
                    pollLog2), nowNanos, uptimeSeconds());
        }
    }

    @Override
    public void peerSampled(InetSocketAddress source, int statusWord, double offsetSeconds, double delaySeconds,
            double dispersionSeconds, double jitterSeconds) {
        if (peerstats.enabled()) {
            long nowNanos = clock.nowNanos();
            peerstats.append(StatsRecords.peer(nowNanos, source.getAddress(), statusWord, offsetSeconds,
                    delaySeconds, dispersionSeconds, jitterSeconds), nowNanos, uptimeSeconds());
        }
    }

    @Override
    public void rawReply(InetSocketAddress source, RawReply reply) {
        if (rawstats.enabled()) {
            long nowNanos = clock.nowNanos();
            rawstats.append(StatsRecords.raw(nowNanos, source.getAddress(), reply), nowNanos, uptimeSeconds());
        }
    }

    /** When the next sysstats record is due (monotonic ns). */
    public long nextSysStatsMonoNanos() {
        return lastSysStatsMonoNanos + SYSSTATS_INTERVAL_NANOS;
    }

    /**
     * Writes the sysstats record once it is due: the server's counts since the last one, after
     * which they count from zero again, as ntpd's proto_clr_stats() clears them.
     */
    public void writeSysStatsIfDue(long nowMonoNanos) {
        if (nowMonoNanos - nextSysStatsMonoNanos() < 0) {
            return;
        }
        Map<Counter, Long> totals = serverTotals.get();
        long sinceLastSeconds = (nowMonoNanos - lastSysStatsMonoNanos) / 1_000_000_000L;
        long nowNanos = clock.nowNanos();
        sysstats.append(StatsRecords.sys(nowNanos, sinceLastSeconds, SysCounts.between(lastTotals, totals)),
                nowNanos, uptimeSeconds());
        lastTotals = totals;
        lastSysStatsMonoNanos = nowMonoNanos;
    }

    private long uptimeSeconds() {
        return (monoNanos.getAsLong() - startMonoNanos) / 1_000_000_000L;
    }

    /** Closes the open files. */
    @Override
    public void close() {
        loopstats.close();
        peerstats.close();
        rawstats.close();
        sysstats.close();
    }
}
