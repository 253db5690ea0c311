package org.jntp.leap;

/**
 * ntpd's leap smear for servers ({@code leapsmearinterval}): instead of letting clients see the
 * leap, the server adds an offset to the timestamps it serves (receive, transmit and reference
 * time) that grows from 0 to −1 s for an insertion (+1 s for a deletion) over the interval,
 * along ntpd's cosine, (1 − cos(π t / interval)) / 2, Google's first smear. The clock itself is
 * not smeared, and the kernel takes the leap as usual.
 *
 * <p>The smear ends where the clock takes the leap ({@link Leap#clockStepNanos()}), so that
 * served time runs on without a jump: for an insertion the clock then steps back from 00:00:00 to
 * 23:59:59 and replays that second, which is the leap second itself. Since a clock reading in
 * that replayed second cannot tell which of the two seconds it is in, the caller says whether
 * the clock has taken the leap (the kernel's step or the daemon's own; {@link ServedSmear} tells
 * from the monotonic clock).
 * ntpd 4.2.8 computes its offset from the clock reading alone, once a second, and so serves a
 * second twice around an insertion; this follows its curve, not that slip.
 *
 * @param intervalSeconds  the smear interval, ntpd's {@code leapsmearinterval}; more than 0
 */
public record LeapSmear(long intervalSeconds) {

    private static final double NANOS_PER_SECOND = UtcCalendar.NANOS_PER_SECOND;
    private static final double FIXED_POINT_ONE = 0x1p32;
    private static final long REFID_ROUNDING = 0x200;
    private static final int SMEAR_REFID_PREFIX = 0xFE00_0000;

    /** Requires a positive interval. */
    public LeapSmear {
        if (intervalSeconds <= 0) {
            throw new IllegalArgumentException("leap smear interval must be positive: " + intervalSeconds);
        }
    }

    /**
     * The offset in seconds to add to timestamps served at {@code nowNanos} (a clock reading, Unix
     * ns): 0 before the interval, then along the cosine to −1 s (insertion) or +1 s (deletion) where
     * the clock takes the leap, held there while the clock has not taken it, and 0 once it has.
     */
    public double offsetSeconds(long nowNanos, Leap leap, boolean clockTookLeap) {
        long endNanos = leap.clockStepNanos();
        long startNanos = endNanos - intervalSeconds * UtcCalendar.NANOS_PER_SECOND;
        if (clockTookLeap || nowNanos <= startNanos) {
            return 0.0;
        }
        double fullSeconds = -leap.taiChangeSeconds();
        if (nowNanos >= endNanos) {
            return fullSeconds;
        }
        double elapsedSeconds = (nowNanos - startNanos) / NANOS_PER_SECOND;
        return fullSeconds * (1.0 - Math.cos(Math.PI * elapsedSeconds / intervalSeconds)) / 2.0;
    }

    /** The timestamp to serve for a clock reading of {@code nowNanos}, Unix ns. */
    public long smearedNanos(long nowNanos, Leap leap, boolean clockTookLeap) {
        return nowNanos + Math.round(offsetSeconds(nowNanos, leap, clockTookLeap) * NANOS_PER_SECOND);
    }

    /**
     * Whether served time is smeared at {@code nowNanos}: then ntpd puts the smear in the
     * reference ID, see {@link #referenceIdBits}.
     */
    public boolean smearing(long nowNanos, Leap leap, boolean clockTookLeap) {
        return offsetSeconds(nowNanos, leap, clockTookLeap) != 0.0;
    }

    /**
     * The reference ID ntpd serves while smearing: 254.x.y.z, where x.y.z is the offset as a
     * two's-complement fixed-point number with 2 integer and 22 fraction bits, rounded
     * (ntpd's {@code convertLFPToRefID}).
     */
    public static int referenceIdBits(double offsetSeconds) {
        long fixedPoint = Math.round(offsetSeconds * FIXED_POINT_ONE) + REFID_ROUNDING;
        int integerBits = (int) (fixedPoint >> 32) & 0x3;
        int fractionBits = (int) ((fixedPoint & 0xFFFF_FFFFL) >>> 10);
        return SMEAR_REFID_PREFIX | integerBits << 22 | fractionBits;
    }
}
