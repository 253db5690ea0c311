package org.jntp.server.control;

import java.util.EnumMap;
import java.util.Map;
import org.jntp.server.Counter;
import org.jntp.server.access.MruSettings;

/**
 * The server's statistics as ntpq's {@code sysstats} and {@code monstats} read them from the
 * system variables ({@code ss_*}, {@code mru_*}): read when a request asks, from every server
 * thread's counters and the MRU list.
 *
 * @param uptimeSeconds seconds since the daemon started ({@code ss_uptime}; also {@code ss_reset},
 *     for the statistics are never reset)
 * @param counters the server threads' counters, summed
 * @param mruDepth entries in the MRU list now; also its deepest ({@code mru_deepest}), since the list
 *     only recycles entries and never drops one
 * @param mruMaxDepth the most entries it may hold
 * @param mruMinDepth below this many entries none is recycled ({@code mru mindepth})
 * @param mruMaxAgeSeconds past mindepth, an entry older than this is recycled ({@code mru maxage})
 */
public record ServerStatistics(long uptimeSeconds, Map<Counter, Long> counters, int mruDepth, int mruMaxDepth,
        int mruMinDepth, int mruMaxAgeSeconds) {
    /** Copies the counters; a counter not given counts 0. */
    public ServerStatistics {
        Map<Counter, Long> all = new EnumMap<>(Counter.class);
        for (Counter counter : Counter.values()) {
            all.put(counter, counters.getOrDefault(counter, 0L));
        }
        counters = Map.copyOf(all);
    }

    /** Kilobytes that {@code entries} take in ntpd's list, rounded as ntpd rounds them ({@code mru_mem}, {@code mru_maxmem}). */
    public static long kilobytes(int entries) {
        return Math.round(entries * (MruSettings.NTPD_ENTRY_BYTES / 1024.0));
    }

    /** One counter's total. */
    public long count(Counter counter) {
        return counters.get(counter);
    }
}
