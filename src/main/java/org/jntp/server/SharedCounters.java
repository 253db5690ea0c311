package org.jntp.server;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters that several threads add to at once: the NTS-KE exchanges, each on a thread of its own,
 * and the client thread. Unlike {@link ServerCounters}, off the packet path, so any thread may count.
 */
public final class SharedCounters {
    private static final Counter[] COUNTERS = Counter.values();

    private final LongAdder[] values = new LongAdder[COUNTERS.length];

    /** All at zero. */
    public SharedCounters() {
        for (int i = 0; i < values.length; i++) {
            values[i] = new LongAdder();
        }
    }

    /** Counts one. */
    public void increment(Counter counter) {
        values[counter.ordinal()].increment();
    }

    /** Counts {@code n}. */
    public void add(Counter counter, long n) {
        values[counter.ordinal()].add(n);
    }

    /** The count so far. */
    public long get(Counter counter) {
        return values[counter.ordinal()].sum();
    }

    /** The server threads' totals with these counters' added. */
    public static Map<Counter, Long> sum(Map<Counter, Long> serverTotals, List<SharedCounters> shared) {
        Map<Counter, Long> totals = new EnumMap<>(Counter.class);
        totals.putAll(serverTotals);
        for (Counter counter : COUNTERS) {
            long total = totals.getOrDefault(counter, 0L);
            for (SharedCounters c : shared) {
                total += c.get(counter);
            }
            totals.put(counter, total);
        }
        return totals;
    }
}
