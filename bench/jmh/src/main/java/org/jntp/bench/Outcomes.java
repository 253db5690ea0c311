package org.jntp.bench;

import org.jntp.server.Counter;
import org.jntp.server.ServerCounters;
import org.jntp.server.access.MruList;

/** Checks, once a benchmark's trial is over, that its requests took the path it claims to measure. */
final class Outcomes {
    private Outcomes() {}

    /** Every request was answered with time. */
    static void requireAllAnswered(ServerCounters counters) {
        long received = counters.get(Counter.RECEIVED);
        long answered = counters.get(Counter.ANSWERED);
        if (received == 0 || answered != received) {
            throw new IllegalStateException(answered + " of " + received + " requests answered, expected all");
        }
    }

    /**
     * Requests were answered, dropped and kissed, and the MRU list recycled entries: it holds fewer
     * than the distinct clients seen and is not full. Silent when so: the GC profiler counts what a
     * trial's tear-down allocates against its last iteration.
     */
    static void requireLimitedMix(ServerCounters counters, MruList mru, int distinctClients) {
        long received = counters.get(Counter.RECEIVED);
        long answered = counters.get(Counter.ANSWERED);
        long dropped = counters.get(Counter.RATE_LIMITED);
        long kissed = counters.get(Counter.KOD_SENT);
        if (answered == 0 || dropped == 0 || kissed == 0 || received < distinctClients
                || mru.size() >= Math.min(distinctClients, mru.capacity())) {
            throw new IllegalStateException(String.format("the limited path was not exercised: %d requests, "
                    + "%.1f%% answered, %.1f%% dropped, %.1f%% kiss-o'-death; MRU list %d of %d entries",
                    received, percent(answered, received), percent(dropped, received), percent(kissed, received),
                    mru.size(), mru.capacity()));
        }
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
