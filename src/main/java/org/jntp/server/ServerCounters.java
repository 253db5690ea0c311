package org.jntp.server;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One server thread's counters. Only the owning thread writes them (plain increments, no
 * contention on the packet path); other threads read them with {@link #sum} for ntpq and logs.
 */
public final class ServerCounters {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    private static final Counter[] COUNTERS = Counter.values();

    private final long[] values = new long[COUNTERS.length];

    void increment(Counter counter) {
        add(counter, 1);
    }

    void add(Counter counter, long n) {
        int i = counter.ordinal();
        SLOT.setOpaque(values, i, (long) SLOT.getOpaque(values, i) + n);
    }

    /** This thread's count so far; safe to call from any thread. */
    public long get(Counter counter) {
        return (long) SLOT.getOpaque(values, counter.ordinal());
    }

    /** The totals over several threads' counters. */
    public static Map<Counter, Long> sum(List<ServerCounters> counters) {
        Map<Counter, Long> totals = new EnumMap<>(Counter.class);
        for (Counter counter : COUNTERS) {
            long total = 0;
            for (ServerCounters c : counters) {
                total += c.get(counter);
            }
            totals.put(counter, total);
        }
        return totals;
    }
}
