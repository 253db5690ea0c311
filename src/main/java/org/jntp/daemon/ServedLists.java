package org.jntp.daemon;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jntp.daemon.net.LocalAddress;
import org.jntp.server.access.RestrictEntry;
import org.jntp.server.access.RestrictTable;
import org.jntp.server.control.InterfaceStats;
import org.jntp.server.control.OrderedLists;
import org.jntp.server.control.RestrictionHits;

/**
 * The daemon's addresses and restrict list for ntpq's ifstats and reslist, read from the server
 * threads' counters and the restrict table when a request asks.
 */
final class ServedLists implements OrderedLists {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** One address served: its sockets' counters, one per server thread, and when it was bound. */
    private record Served(LocalAddress local, InetSocketAddress address, boolean dropped,
            List<SocketCounters> counters, long boundMonoNanos) {}

    private final List<Served> served = new CopyOnWriteArrayList<>();
    private final RestrictTable restrictions;

    ServedLists(RestrictTable restrictions) {
        this.restrictions = restrictions;
    }

    /** Adds an address once its sockets are bound, numbered after those added before. */
    void add(LocalAddress local, InetSocketAddress address, boolean dropped, List<SocketCounters> counters,
            long boundMonoNanos) {
        served.add(new Served(local, address, dropped, List.copyOf(counters), boundMonoNanos));
    }

    @Override
    public List<InterfaceStats> interfaces() {
        long nowMonoNanos = System.nanoTime();
        List<InterfaceStats> list = new ArrayList<>(served.size());
        for (Served s : served) {
            list.add(new InterfaceStats(s.local().interfaceName(), s.address(), !s.dropped(),
                    InterfaceStats.flagsOf(s.local().loopback()), SocketCounters.received(s.counters()),
                    SocketCounters.sent(s.counters()), SocketCounters.sendErrors(s.counters()),
                    (nowMonoNanos - s.boundMonoNanos()) / NANOS_PER_SECOND));
        }
        return list;
    }

    @Override
    public List<RestrictionHits> restrictions() {
        List<RestrictEntry> entries = restrictions.entries();
        List<RestrictionHits> list = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            list.add(new RestrictionHits(entries.get(i), restrictions.hits(i)));
        }
        return list;
    }
}
