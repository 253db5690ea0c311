package org.jntp.server;

import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;

/** What a piece of work allocates on this thread once the JIT has compiled it. */
final class Allocations {
    private static final int WARM_UP_RUNS = 200;
    private static final int WARM_UP_TIMES = 10_000;
    private static final int MEASURED_TIMES = 100_000;

    private Allocations() {}

    /**
     * Bytes allocated by {@code work} done 100 000 times, after runs of 10 000 until one allocated
     * nothing (escape analysis and inlining settle in stages), at most 200 of them.
     *
     * @param work does the work the given number of times
     */
    static long afterWarmUp(IntConsumer work) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int run = 0; run < WARM_UP_RUNS; run++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            work.accept(WARM_UP_TIMES);
            if (threads.getCurrentThreadAllocatedBytes() == before) {
                break;
            }
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        work.accept(MEASURED_TIMES);
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
