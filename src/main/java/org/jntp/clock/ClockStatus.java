package org.jntp.clock;

/**
 * Leap and synchronization state of a clock, as the kernel keeps it for other programs.
 *
 * @param leap leap second announced for the end of the day
 * @param synced false when the kernel's STA_UNSYNC is set
 * @param maxErrorSeconds maximum error bound (the kernel's maxerror)
 * @param estErrorSeconds estimated error (the kernel's esterror)
 * @param taiOffsetSeconds TAI − UTC (the kernel's tai, what CLOCK_TAI adds); 0 until set
 */
public record ClockStatus(LeapState leap, boolean synced, double maxErrorSeconds, double estErrorSeconds,
        int taiOffsetSeconds) {

    /** Error the kernel reports when it knows nothing (NTP_PHASE_LIMIT, 16 s). */
    public static final double MAX_ERROR_SECONDS = 16.0;

    /** A clock nobody has synchronized: the kernel's state at boot. */
    public static final ClockStatus UNSYNCHRONIZED =
            new ClockStatus(LeapState.NONE, false, MAX_ERROR_SECONDS, MAX_ERROR_SECONDS, 0);

    /** This status with another leap announcement. */
    public ClockStatus withLeap(LeapState newLeap) {
        return new ClockStatus(newLeap, synced, maxErrorSeconds, estErrorSeconds, taiOffsetSeconds);
    }

    /** This status with another TAI − UTC. */
    public ClockStatus withTaiOffset(int newTaiOffsetSeconds) {
        return new ClockStatus(leap, synced, maxErrorSeconds, estErrorSeconds, newTaiOffsetSeconds);
    }

    /** This status marked synchronized with the given error bounds, clamped as the kernel clamps them. */
    public ClockStatus synchronizedWith(double maxErrorSeconds, double estErrorSeconds) {
        return new ClockStatus(leap, true, clampError(maxErrorSeconds), clampError(estErrorSeconds), taiOffsetSeconds);
    }

    /** This status marked unsynchronized, error bounds kept. */
    public ClockStatus unsynchronized() {
        return new ClockStatus(leap, false, maxErrorSeconds, estErrorSeconds, taiOffsetSeconds);
    }

    /** The status after a step: unsynchronized with unknown error, leap and TAI offset kept (the kernel's ntp_clear). */
    public ClockStatus afterStep() {
        return new ClockStatus(leap, false, MAX_ERROR_SECONDS, MAX_ERROR_SECONDS, taiOffsetSeconds);
    }

    static double clampError(double seconds) {
        return Math.clamp(seconds, 0.0, MAX_ERROR_SECONDS);
    }
}
