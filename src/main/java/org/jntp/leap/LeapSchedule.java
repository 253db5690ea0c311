package org.jntp.leap;

import java.util.Optional;
import org.jntp.clock.LeapState;
import org.jntp.protocol.LeapIndicator;

/**
 * When to announce a leap second and when to arm the kernel, as ntpd 4.2.8 does. Both happen
 * only in the last day before the leap (ntpd's {@code LSPROX_ANNOUNCE}): ntpd 4.2.8 sets
 * {@code sys_leap}, which feeds both the reply's LI and the kernel's STA_INS/STA_DEL, no earlier,
 * although RFC 5905 allows the warning for the whole month.
 */
public final class LeapSchedule {

    /**
     * How long before the leap replies say "unsynchronised" instead: ntpd's
     * {@code leap_sec_in_progress}, while fewer than three whole seconds remain, so that no client
     * takes a sample across the step.
     */
    public static final long IN_PROGRESS_NANOS = 2 * UtcCalendar.NANOS_PER_SECOND;

    private LeapSchedule() {}

    /**
     * The next leap at {@code nowNanos}. The leap file decides while it is valid: its next leap,
     * or none, whatever the sources vote. An expired list (or none, {@link LeapTable#none()}) still
     * gives the leaps it lists; past them, the leap voted by the sources, if any.
     */
    public static Optional<Leap> pending(long nowNanos, LeapTable table, Optional<Leap> voted) {
        Optional<Leap> listed = table.nextLeapAfter(nowNanos);
        if (listed.isPresent() || !table.expiredAt(nowNanos)) {
            return listed;
        }
        return voted.filter(leap -> leap.transitionNanos() > nowNanos);
    }

    /**
     * The indicator to serve and the leap to arm at {@code nowNanos}, for the pending leap.
     * A server that smears ({@code leapsmearinterval}) never announces a leap: its clients must
     * not apply the second the smear already spreads; the kernel is armed all the same.
     */
    public static LeapDecision at(long nowNanos, Optional<Leap> pending, boolean smearing) {
        if (pending.isEmpty()) {
            return LeapDecision.NO_LEAP;
        }
        Leap leap = pending.get();
        if (nowNanos < leap.lastDayStartNanos() || nowNanos >= leap.transitionNanos()) {
            return LeapDecision.NO_LEAP;
        }
        return new LeapDecision(indicator(nowNanos, leap, smearing), leap.kind());
    }

    private static LeapIndicator indicator(long nowNanos, Leap leap, boolean smearing) {
        if (nowNanos >= leap.transitionNanos() - IN_PROGRESS_NANOS) {
            return LeapIndicator.UNSYNCHRONIZED;
        }
        if (smearing) {
            return LeapIndicator.NO_WARNING;
        }
        return leap.kind() == LeapState.INSERT ? LeapIndicator.ADD_SECOND : LeapIndicator.DELETE_SECOND;
    }
}
