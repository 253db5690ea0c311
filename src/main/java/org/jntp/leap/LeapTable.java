package org.jntp.leap;

import java.util.List;
import java.util.Optional;
import org.jntp.clock.LeapState;

/**
 * The leap second history and schedule of a leap-seconds.list file: when TAI − UTC changed or
 * will change, and until when the list is known to be complete.
 *
 * @param entries             the data lines, strictly ascending, each at the start of a month
 * @param updatedNtpSeconds   last update of the list ({@code #$}), NTP seconds; 0 when not given
 * @param expiresNtpSeconds   end of validity ({@code #@}), NTP seconds: after it, leaps the list
 *                            does not show may be due
 */
public record LeapTable(List<LeapEntry> entries, long updatedNtpSeconds, long expiresNtpSeconds) {

    /** ntpd warns of a list expiring within this many days (its daily check). */
    public static final int EXPIRY_WARNING_DAYS = 28;

    private static final LeapTable NONE = new LeapTable(List.of(), 0, 0);

    /** Requires the entries to form a leap second history. */
    public LeapTable {
        if (!UtcCalendar.inRange(updatedNtpSeconds) || !UtcCalendar.inRange(expiresNtpSeconds)) {
            throw new IllegalArgumentException("update or expiry out of range: " + updatedNtpSeconds + ", "
                    + expiresNtpSeconds);
        }
        entries = List.copyOf(entries);
        for (int i = 0; i < entries.size(); i++) {
            Optional<LeapEntry> previous = i == 0 ? Optional.empty() : Optional.of(entries.get(i - 1));
            Optional<String> problem = problemWith(previous, entries.get(i));
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
        }
    }

    /** The table when there is no leap file: empty and expired since 1900, so votes decide. */
    public static LeapTable none() {
        return NONE;
    }

    /**
     * Why {@code entry} cannot follow {@code previous} in a table, in words for the log; empty
     * when it can. As ntpd's loader: instants at the start of a month and strictly ascending.
     */
    static Optional<String> problemWith(Optional<LeapEntry> previous, LeapEntry entry) {
        if (!UtcCalendar.inRange(entry.ntpSeconds())) {
            return Optional.of("instant " + entry.ntpSeconds() + " out of range");
        }
        if (!UtcCalendar.isStartOfMonth(entry.unixNanos())) {
            return Optional.of("instant " + entry.ntpSeconds() + " (" + UtcCalendar.date(entry.unixNanos())
                    + ") is not 00:00:00 on the first of a month");
        }
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        LeapEntry before = previous.get();
        if (entry.ntpSeconds() <= before.ntpSeconds()) {
            return Optional.of("instant " + entry.ntpSeconds() + " is not after " + before.ntpSeconds());
        }
        return Optional.empty();
    }

    /** TAI − UTC at {@code nowNanos} in seconds; 0 before the first entry or without a file. */
    public int taiOffsetAt(long nowNanos) {
        int offset = 0;
        for (LeapEntry entry : entries) {
            if (entry.unixNanos() > nowNanos) {
                break;
            }
            offset = entry.taiOffsetSeconds();
        }
        return offset;
    }

    /**
     * The first leap after {@code nowNanos}: an insertion where the offset grows, a deletion where
     * it shrinks (as ntpd, by the sign alone). The first entry starts the history (1972's 10 s) and
     * is not a leap second; an entry that keeps the offset is none either.
     */
    public Optional<Leap> nextLeapAfter(long nowNanos) {
        for (int i = 1; i < entries.size(); i++) {
            LeapEntry entry = entries.get(i);
            int change = entry.taiOffsetSeconds() - entries.get(i - 1).taiOffsetSeconds();
            if (entry.unixNanos() > nowNanos && change != 0) {
                return Optional.of(new Leap(entry.unixNanos(), change > 0 ? LeapState.INSERT : LeapState.DELETE));
            }
        }
        return Optional.empty();
    }

    /** The leap at the end of the UTC day holding {@code nowNanos}, or {@link LeapState#NONE}. */
    public LeapState leapAtEndOfDay(long nowNanos) {
        return leapAt(nowNanos, UtcCalendar.startOfNextDayNanos(nowNanos));
    }

    /** The leap at the end of the UTC month holding {@code nowNanos}, or {@link LeapState#NONE}. */
    public LeapState leapAtEndOfMonth(long nowNanos) {
        return leapAt(nowNanos, UtcCalendar.startOfNextMonthNanos(nowNanos));
    }

    private LeapState leapAt(long nowNanos, long boundaryNanos) {
        return nextLeapAfter(nowNanos)
                .filter(leap -> leap.transitionNanos() == boundaryNanos)
                .map(Leap::kind)
                .orElse(LeapState.NONE);
    }

    /** The end of validity in Unix nanoseconds. */
    public long expiresNanos() {
        return UtcCalendar.ntpSecondsToUnixNanos(expiresNtpSeconds);
    }

    /** Whether the list is out of date at {@code nowNanos}: a leap it does not list may be due. */
    public boolean expiredAt(long nowNanos) {
        return nowNanos >= expiresNanos();
    }

    /**
     * Whole days from {@code nowNanos} to expiry, rounded down as ntpd's
     * {@code leapsec_daystolive}: 0 in the last day, negative once expired.
     */
    public long daysUntilExpiry(long nowNanos) {
        return Math.floorDiv(expiresNanos() - nowNanos, UtcCalendar.NANOS_PER_DAY);
    }

    /**
     * The warning ntpd's daily check would log at {@code nowNanos}, for a list expired or expiring
     * within {@link #EXPIRY_WARNING_DAYS} days; empty otherwise. The list stays in use either way.
     */
    public Optional<String> expiryWarning(long nowNanos) {
        long days = daysUntilExpiry(nowNanos);
        String date = UtcCalendar.date(expiresNanos()).toString();
        if (days < 0) {
            return Optional.of("expired on " + date + "; leaps after it are unknown");
        }
        if (days == 0) {
            return Optional.of("will expire in less than one day, on " + date);
        }
        if (days < EXPIRY_WARNING_DAYS) {
            return Optional.of("will expire in less than " + (days + 1) + " days, on " + date);
        }
        return Optional.empty();
    }
}
