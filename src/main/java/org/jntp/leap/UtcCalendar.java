package org.jntp.leap;

import java.time.LocalDate;
import org.jntp.protocol.NtpTimestamp;

/** UTC day and month boundaries on the leap-free Unix time scale, in nanoseconds. */
final class UtcCalendar {
    static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final long SECONDS_PER_DAY = 86_400L;
    static final long NANOS_PER_DAY = SECONDS_PER_DAY * NANOS_PER_SECOND;
    /** The last NTP second whose Unix nanoseconds fit in a long (in 2262). */
    static final long MAX_NTP_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND + NtpTimestamp.UNIX_EPOCH_NTP_SECONDS;

    private UtcCalendar() {}

    /** Whether {@link #ntpSecondsToUnixNanos} can convert {@code ntpSeconds}. */
    static boolean inRange(long ntpSeconds) {
        return ntpSeconds >= 0 && ntpSeconds <= MAX_NTP_SECONDS;
    }

    /** Unix nanoseconds of an NTP-era-0 second count, as leap-seconds.list writes instants. */
    static long ntpSecondsToUnixNanos(long ntpSeconds) {
        return (ntpSeconds - NtpTimestamp.UNIX_EPOCH_NTP_SECONDS) * NANOS_PER_SECOND;
    }

    /** 00:00:00 UTC of the day after the one holding {@code nowNanos}. */
    static long startOfNextDayNanos(long nowNanos) {
        return (Math.floorDiv(nowNanos, NANOS_PER_DAY) + 1) * NANOS_PER_DAY;
    }

    /** 00:00:00 UTC on the first of the month after the one holding {@code nowNanos}. */
    static long startOfNextMonthNanos(long nowNanos) {
        LocalDate firstOfNext = date(nowNanos).withDayOfMonth(1).plusMonths(1);
        return firstOfNext.toEpochDay() * NANOS_PER_DAY;
    }

    /** Whether {@code nanos} is exactly 00:00:00 UTC on the first of a month. */
    static boolean isStartOfMonth(long nanos) {
        return Math.floorMod(nanos, NANOS_PER_DAY) == 0 && date(nanos).getDayOfMonth() == 1;
    }

    /** The UTC date holding {@code nanos}. */
    static LocalDate date(long nanos) {
        return LocalDate.ofEpochDay(Math.floorDiv(nanos, NANOS_PER_DAY));
    }
}
