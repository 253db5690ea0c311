package org.jntp.leap;

import java.util.Objects;
import java.util.Optional;
import org.jntp.clock.LeapState;

/**
 * One leap second: the second inserted or deleted at the end of the last day of a month.
 *
 * @param transitionNanos  00:00:00 UTC on the first of the month after the leap, Unix ns: the
 *                         instant the new TAI − UTC offset takes effect (leap-seconds.list's instant)
 * @param kind             {@link LeapState#INSERT} or {@link LeapState#DELETE}
 */
public record Leap(long transitionNanos, LeapState kind) {

    /** Requires a real leap at the start of a month. */
    public Leap {
        Objects.requireNonNull(kind, "kind");
        if (kind == LeapState.NONE) {
            throw new IllegalArgumentException("a leap inserts or deletes a second");
        }
        if (!UtcCalendar.isStartOfMonth(transitionNanos)) {
            throw new IllegalArgumentException("a leap takes effect at the start of a month: " + transitionNanos);
        }
    }

    /**
     * The leap that a vote of the sources asks for, at the end of the month holding {@code nowNanos}
     * (ntpd's {@code leapsec_add_dyn}). Empty when the vote is {@link LeapState#NONE}, and during the
     * first hour of a month, when leap bits still set after the previous month's leap would
     * otherwise schedule a second one.
     */
    public static Optional<Leap> atEndOfMonth(long nowNanos, LeapState vote) {
        if (vote == LeapState.NONE || inFirstHourOfMonth(nowNanos)) {
            return Optional.empty();
        }
        return Optional.of(new Leap(UtcCalendar.startOfNextMonthNanos(nowNanos), vote));
    }

    /** 00:00:00 UTC of the leap's day: from here the leap is announced and the kernel armed. */
    public long lastDayStartNanos() {
        return transitionNanos - UtcCalendar.NANOS_PER_DAY;
    }

    /**
     * Where {@code CLOCK_REALTIME} takes the leap: the kernel steps it back from 00:00:00 to
     * 23:59:59 for an insertion, and forward from 23:59:59 to 00:00:00 for a deletion.
     */
    public long clockStepNanos() {
        return kind == LeapState.INSERT ? transitionNanos : transitionNanos - UtcCalendar.NANOS_PER_SECOND;
    }

    /** The change of TAI − UTC at the transition: +1 s for an insertion, −1 s for a deletion. */
    public int taiChangeSeconds() {
        return kind == LeapState.INSERT ? 1 : -1;
    }

    private static boolean inFirstHourOfMonth(long nowNanos) {
        long hourNanos = 3_600L * UtcCalendar.NANOS_PER_SECOND;
        long dayStart = Math.floorDiv(nowNanos, UtcCalendar.NANOS_PER_DAY) * UtcCalendar.NANOS_PER_DAY;
        return UtcCalendar.isStartOfMonth(dayStart) && nowNanos - dayStart < hourNanos;
    }
}
