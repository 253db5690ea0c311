package org.jntp.daemon.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GenerationTypeTest {
    private static final long PID = 4555;

    private static String suffix(GenerationType type, String utc) {
        return type.suffix(Instant.parse(utc).getEpochSecond(), 0, PID);
    }

    @Test
    void noneHasNoSuffix() {
        assertThat(suffix(GenerationType.NONE, "2026-11-26T16:00:00Z")).isEmpty();
    }

    @Test
    void pidNamesTheProcessAsNtpdDoes() {
        assertThat(suffix(GenerationType.PID, "2026-11-26T16:00:00Z")).isEqualTo(".#4555");
    }

    @Test
    void dayChangesAtUtcMidnight() {
        assertThat(suffix(GenerationType.DAY, "2026-11-26T23:59:59Z")).isEqualTo(".20261126");
        assertThat(suffix(GenerationType.DAY, "2026-11-27T00:00:00Z")).isEqualTo(".20261127");
    }

    @Test
    void weekIsTheIsoWeekWithItsOwnYear() {
        assertThat(suffix(GenerationType.WEEK, "2020-12-31T12:00:00Z")).isEqualTo(".2020w53");
        assertThat(suffix(GenerationType.WEEK, "2021-01-03T23:59:59Z")).isEqualTo(".2020w53");
        assertThat(suffix(GenerationType.WEEK, "2021-01-04T00:00:00Z")).isEqualTo(".2021w01");
        assertThat(suffix(GenerationType.WEEK, "2024-12-30T00:00:00Z")).isEqualTo(".2025w01");
    }

    @Test
    void monthChangesAfterTheLastDayOfTheMonth() {
        assertThat(suffix(GenerationType.MONTH, "2024-02-29T23:59:59Z")).isEqualTo(".202402");
        assertThat(suffix(GenerationType.MONTH, "2024-03-01T00:00:00Z")).isEqualTo(".202403");
    }

    @Test
    void yearChangesAtNewYear() {
        assertThat(suffix(GenerationType.YEAR, "2026-12-31T23:59:59Z")).isEqualTo(".2026");
        assertThat(suffix(GenerationType.YEAR, "2027-01-01T00:00:00Z")).isEqualTo(".2027");
    }

    @Test
    void ageIsTheUptimeFlooredToADay() {
        long now = Instant.parse("2026-11-26T16:00:00Z").getEpochSecond();

        assertThat(GenerationType.AGE.suffix(now, 86_399, PID)).isEqualTo(".a00000000");
        assertThat(GenerationType.AGE.suffix(now, 86_400, PID)).isEqualTo(".a00086400");
        assertThat(GenerationType.AGE.suffix(now, 3 * 86_400 + 5, PID)).isEqualTo(".a00259200");
    }

    @Test
    void isNamedAsTheFilegenLineNamesIt() {
        assertThat(GenerationType.named("week")).isEqualTo(GenerationType.WEEK);
    }
}
