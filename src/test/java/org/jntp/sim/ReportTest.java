package org.jntp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final SeedResult SETTLED = new SeedResult(4, OptionalLong.of(7), OptionalLong.of(20), 4,
            4 * 121.5e-6 * 121.5e-6, 384e-6, 4 * 0.25 * 0.25, false, 0, new PollIntervals(3_830_000_000_000L, 10),
            53, 52);
    private static final SeedResult NEVER = new SeedResult(5, OptionalLong.empty(), OptionalLong.empty(), 1, 1e-6,
            1e-3, 0, true, 12, PollIntervals.NONE, 0, 0);

    @Test
    void seedLineGivesTheSeedsMetrics() {
        assertThat(Report.seedLine(SETTLED)).isEqualTo("seed=4 first_below_1ms_s=7 settled_s=20 rms_offset_us=121.5"
                + " max_abs_offset_us=384.0 rms_freq_ppm=0.2500 mean_poll_interval_s=383.0 followed_falseticker=no"
                + " unsync_s=0 requests=53 replies=52");
    }

    @Test
    void whatNeverHappenedReadsNever() {
        assertThat(Report.seedLine(NEVER)).contains("first_below_1ms_s=never settled_s=never")
                .contains("mean_poll_interval_s=none").contains("followed_falseticker=yes unsync_s=12");
    }

    @Test
    void summaryLineHasTheIssuesKeysInItsOrder() {
        String line = Report.summaryLine("lan-1", Summary.of(List.of(SETTLED)));

        assertThat(line).isEqualTo("summary preset=lan-1 rms_offset_us=121.5 worst_seed_rms_us=121.5"
                + " max_abs_offset_us=384.0 first_below_1ms_s=7.0 settled_mean_s=20.0 settled_max_s=20 never=0"
                + " mean_poll_interval_s=383.0 rms_freq_ppm=0.2500 first_below_1ms_max_s=7 followed_falseticker=0"
                + " unsync_s=0");
    }
}
