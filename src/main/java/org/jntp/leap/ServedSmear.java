package org.jntp.leap;

import java.util.Objects;

/**
 * What a smearing server needs to smear one pending leap, worked out by the client thread and
 * published with the system variables, so that each reply costs a few integer operations and at
 * most one cosine, and allocates nothing.
 *
 * <p>The smear must end exactly when the clock takes the leap, but for an insertion the kernel
 * replays 23:59:59, so a clock reading in that second does not say whether it came before the
 * step or after it. The monotonic clock does: on Linux it is disciplined as {@code CLOCK_REALTIME}
 * is and steps with it never, so realtime − monotonic changes only when the clock is stepped,
 * by the leap or by the daemon. This keeps that difference as it was before the leap; a reading
 * whose difference has since moved by more than half a second in the leap's direction was taken
 * after the clock took the leap. Half a second leaves room both for the time between a reading
 * and the monotonic reading paired with it, and for a software clock drifting off the monotonic
 * clock between publications.
 *
 * @param smear                   the configured smear
 * @param leap                    the pending leap
 * @param clockMinusMonotonicNanos  the clock's reading minus the monotonic clock's, taken together
 *                                before the clock could take the leap
 */
public record ServedSmear(LeapSmear smear, Leap leap, long clockMinusMonotonicNanos) {

    private static final long STEP_DETECTED_NANOS = UtcCalendar.NANOS_PER_SECOND / 2;

    /** Requires a smear and a leap. */
    public ServedSmear {
        Objects.requireNonNull(smear, "smear");
        Objects.requireNonNull(leap, "leap");
    }

    /**
     * The smear for {@code leap} from a clock reading and a monotonic reading taken together.
     * Near the leap the difference measured before it is kept, see {@link #refreshedAt}.
     */
    public static ServedSmear of(LeapSmear smear, Leap leap, long clockNanos, long monotonicNanos) {
        return new ServedSmear(smear, leap, clockNanos - monotonicNanos);
    }

    /**
     * This smear with its clock − monotonic difference taken again at {@code clockNanos}, which a
     * software clock needs as it drifts; unchanged from the last second before the clock takes
     * the leap on, where the reading may already be one the clock replays.
     */
    public ServedSmear refreshedAt(long clockNanos, long monotonicNanos) {
        if (clockNanos >= leap.clockStepNanos() - UtcCalendar.NANOS_PER_SECOND) {
            return this;
        }
        return of(smear, leap, clockNanos, monotonicNanos);
    }

    /**
     * The offset in seconds to add to a timestamp served for the clock reading {@code clockNanos}
     * (Unix ns), taken no later than the monotonic reading {@code monotonicNanos}: see
     * {@link LeapSmear#offsetSeconds}.
     */
    public double offsetSeconds(long clockNanos, long monotonicNanos) {
        return smear.offsetSeconds(clockNanos, leap, clockTookLeap(clockNanos, monotonicNanos));
    }

    /** Whether the clock has stepped by the leap since the difference was taken. */
    boolean clockTookLeap(long clockNanos, long monotonicNanos) {
        long movedNanos = clockNanos - monotonicNanos - clockMinusMonotonicNanos;
        // an insertion steps the clock back, a deletion forward
        return leap.taiChangeSeconds() * movedNanos <= -STEP_DETECTED_NANOS;
    }
}
