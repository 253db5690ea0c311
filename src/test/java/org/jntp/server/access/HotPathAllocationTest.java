package org.jntp.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-packet path (restrict match, then MRU observe) must not allocate once warmed up: the
 * warm-up's clients grow the MRU list from initalloc to its bound.
 */
class HotPathAllocationTest {
    private static final int CLIENTS = 4096;
    private static final int ITERATIONS = 200_000;

    @Test
    void restrictMatchAndMruObserveAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RestrictTable table = RestrictTable.of(List.of(
                RestrictRule.restrict(RestrictTarget.Default.bothFamilies(),
                        EnumSet.of(RestrictFlag.LIMITED, RestrictFlag.KOD, RestrictFlag.NOQUERY)),
                RestrictRule.restrict(network("10.0.0.0", 8), EnumSet.of(RestrictFlag.NOPEER)),
                RestrictRule.restrict(network("2001:db8::", 32), EnumSet.of(RestrictFlag.NOTRAP))));
        MruList mru = MruList.create(new MruSettings(1024, 0, 64, 0, MruSettings.DEFAULT_ALLOC,
                MruSettings.DEFAULT_ALLOC), DiscardSettings.defaults(), 4, 99);
        long[] high = new long[CLIENTS];
        long[] low = new long[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            IpAddress client = i % 2 == 0
                    ? IpAddress.ipv4(0x0A00_0000 + i * 7919)
                    : IpAddress.ipv6(0x2001_0DB8_0000_0000L, i);
            high[i] = client.mappedHigh();
            low[i] = client.mappedLow();
        }

        long warmupSum = run(table, mru, high, low, 0);
        long before = threads.getCurrentThreadAllocatedBytes();
        long sum = run(table, mru, high, low, ITERATIONS);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(warmupSum + sum).isPositive();
        assertThat(allocated).isZero();
    }

    private static RestrictTarget network(String address, int prefixLength) {
        IpAddress network = IpAddress.parseLiteral(address).orElseThrow();
        return new RestrictTarget.Network(AddressMask.prefix(network, prefixLength));
    }

    private static long run(RestrictTable table, MruList mru, long[] high, long[] low, long startNanos) {
        long sum = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            int client = i % CLIENTS;
            int flags = table.match(high[client], low[client], 40000 + client);
            RateDecision decision = mru.observe(high[client], low[client], 40000 + client, 3, 4,
                    startNanos * 1_000_000L + i * 1_000_000L, flags);
            sum += flags + decision.ordinal();
        }
        return sum;
    }
}
