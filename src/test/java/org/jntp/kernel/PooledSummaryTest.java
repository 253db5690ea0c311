package org.jntp.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.jntp.kernel.guest.ResultLine;
import org.jntp.sim.PollIntervals;
import org.jntp.sim.Report;
import org.jntp.sim.SeedResult;
import org.jntp.sim.Summary;
import org.junit.jupiter.api.Test;

class PooledSummaryTest {
    private static final SeedResult SEED_1 = seed(1, 40e-9, 3e-4);
    private static final SeedResult SEED_2 = seed(2, 90e-9, 5e-4);

    @Test
    void poolsEachDaemonsSeedsAsNtpsimPoolsItsOwn() {
        List<String> lines = PooledSummary.summaryLines(List.of(new ResultLine("jntp", "lan-1", SEED_1),
                new ResultLine("chronyd", "lan-1", SEED_2), new ResultLine("jntp", "lan-1", SEED_2)));

        assertThat(lines).containsExactly(
                "summary daemon=jntp " + Report.summaryLine("lan-1", Summary.of(List.of(SEED_1, SEED_2)))
                        .substring("summary ".length()),
                "summary daemon=chronyd " + Report.summaryLine("lan-1", Summary.of(List.of(SEED_2)))
                        .substring("summary ".length()));
    }

    private static SeedResult seed(long seed, double sumSquaredOffsetSeconds, double maxAbsOffsetSeconds) {
        return new SeedResult(seed, OptionalLong.of(7), OptionalLong.of(20), 1000, sumSquaredOffsetSeconds,
                maxAbsOffsetSeconds, 2.5, false, 0, new PollIntervals(64_000_000_000L, 1), 10, 10);
    }
}
