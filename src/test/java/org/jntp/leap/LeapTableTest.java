package org.jntp.leap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.jntp.leap.LeapFixtures.LAST_LEAP_NANOS;
import static org.jntp.leap.LeapFixtures.nanos;

import java.util.List;
import org.jntp.clock.LeapState;
import org.junit.jupiter.api.Test;

class LeapTableTest {
    private static final LeapTable IERS = LeapFixtures.iersTable();
    private static final long EXPIRY_NANOS = nanos("2026-06-28T00:00:00Z");
    private static final long DAY_NANOS = 86_400_000_000_000L;

    @Test
    void taiOffsetIs36UpToTheLastLeapSecond() {
        assertThat(IERS.taiOffsetAt(nanos("2016-12-31T23:59:59.999999999Z"))).isEqualTo(36);
    }

    @Test
    void taiOffsetIs37FromTheFirstInstantOf2017() {
        assertThat(IERS.taiOffsetAt(LAST_LEAP_NANOS)).isEqualTo(37);
        assertThat(IERS.taiOffsetAt(nanos("2025-06-01T00:00:00Z"))).isEqualTo(37);
    }

    @Test
    void taiOffsetIsUnknownBefore1972() {
        assertThat(IERS.taiOffsetAt(nanos("1971-12-31T23:59:59Z"))).isZero();
    }

    @Test
    void theNextLeapAfterMid2016IsTheInsertionEnding2016() {
        assertThat(IERS.nextLeapAfter(nanos("2016-07-01T00:00:00Z")))
                .contains(new Leap(LAST_LEAP_NANOS, LeapState.INSERT));
    }

    @Test
    void noLeapIsListedAfter2016() {
        assertThat(IERS.nextLeapAfter(LAST_LEAP_NANOS)).isEmpty();
    }

    @Test
    void theLeapIsDueAtTheEndOfItsDayOnly() {
        assertThat(IERS.leapAtEndOfDay(nanos("2016-12-31T00:00:00Z"))).isEqualTo(LeapState.INSERT);
        assertThat(IERS.leapAtEndOfDay(nanos("2016-12-31T23:59:59Z"))).isEqualTo(LeapState.INSERT);
        assertThat(IERS.leapAtEndOfDay(nanos("2016-12-30T23:59:59Z"))).isEqualTo(LeapState.NONE);
    }

    @Test
    void theLeapIsDueAtTheEndOfItsMonthOnly() {
        assertThat(IERS.leapAtEndOfMonth(nanos("2016-12-01T00:00:00Z"))).isEqualTo(LeapState.INSERT);
        assertThat(IERS.leapAtEndOfMonth(nanos("2016-11-30T23:59:59Z"))).isEqualTo(LeapState.NONE);
    }

    @Test
    void aShrinkingOffsetIsADeletion() {
        LeapTable table = new LeapTable(List.of(
                new LeapEntry(3_692_217_600L, 37), new LeapEntry(4_102_444_800L, 36)), 0, 4_117_996_800L);

        assertThat(table.nextLeapAfter(LAST_LEAP_NANOS)).contains(new Leap(nanos("2030-01-01T00:00:00Z"),
                LeapState.DELETE));
        assertThat(table.leapAtEndOfDay(nanos("2029-12-31T12:00:00Z"))).isEqualTo(LeapState.DELETE);
    }

    @Test
    void expiresAtTheInstantOfItsExpiryLine() {
        assertThat(IERS.expiredAt(EXPIRY_NANOS - 1)).isFalse();
        assertThat(IERS.expiredAt(EXPIRY_NANOS)).isTrue();
    }

    @Test
    void countsDaysUntilExpiryDownAsNtpd() {
        assertThat(IERS.daysUntilExpiry(EXPIRY_NANOS - DAY_NANOS)).isEqualTo(1);
        assertThat(IERS.daysUntilExpiry(EXPIRY_NANOS - DAY_NANOS + 1_000_000_000L)).isZero();
        assertThat(IERS.daysUntilExpiry(EXPIRY_NANOS)).isZero();
        assertThat(IERS.daysUntilExpiry(EXPIRY_NANOS + 1_000_000_000L)).isEqualTo(-1);
    }

    @Test
    void warnsFromTwentyEightDaysBeforeExpiry() {
        assertThat(IERS.expiryWarning(EXPIRY_NANOS - 28 * DAY_NANOS)).isEmpty();
        assertThat(IERS.expiryWarning(EXPIRY_NANOS - 28 * DAY_NANOS + 1))
                .contains("will expire in less than 28 days, on 2026-06-28");
    }

    @Test
    void warnsInTheLastDayBeforeExpiry() {
        assertThat(IERS.expiryWarning(EXPIRY_NANOS - 1)).contains("will expire in less than one day, on 2026-06-28");
    }

    @Test
    void warnsThatAnExpiredListMayMissLeaps() {
        assertThat(IERS.expiryWarning(EXPIRY_NANOS + 40 * DAY_NANOS))
                .contains("expired on 2026-06-28; leaps after it are unknown");
    }

    @Test
    void withoutAFileThereIsNoLeapAndTheTableIsExpired() {
        assertThat(LeapTable.none().nextLeapAfter(nanos("2016-12-31T12:00:00Z"))).isEmpty();
        assertThat(LeapTable.none().expiredAt(nanos("1970-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void refusesEntriesOutOfOrder() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LeapTable(List.of(
                new LeapEntry(3_692_217_600L, 37), new LeapEntry(3_644_697_600L, 36)), 0, 3_991_593_600L));
    }
}
