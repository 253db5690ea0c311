package org.jntp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The once-a-second loop runs 20 000 times a seed: it must not allocate. */
class SamplingAllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedBy(Scenario scenario) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        Simulation.run(scenario, 1, SilentClient.factory());
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void aLongerRunAllocatesNoMoreThanAShortOne() {
        Scenario shortRun = Scenarios.shortRun(Preset.LAN_1, 1_000, 1, 1);
        Scenario longRun = Scenarios.shortRun(Preset.LAN_1, 200_000, 1, 1);
        allocatedBy(longRun);

        long shortBytes = allocatedBy(shortRun);
        long longBytes = allocatedBy(longRun);

        assertThat(longBytes).isLessThanOrEqualTo(shortBytes);
    }
}
