package org.jntp.clock;

/**
 * What to write into the kernel clock with {@code clock_adjtime}: the writable fields of
 * {@code struct timex} that jntp uses, in the kernel's units; {@code modes} says which apply.
 * {@link #READ} changes nothing and needs no privilege.
 */
public record TimexRequest(
        int modes,
        long offset,
        long freq,
        long maxerror,
        long esterror,
        int status,
        long constant,
        long timeSec,
        long timeNsec,
        long tick) {

    /** Reads the state, writes nothing. */
    public static final TimexRequest READ = new TimexRequest(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Reads, in {@code offset}, what adjtime()'s slew has still to go, in microseconds; the kernel
     * counts the mode as a write and wants CAP_SYS_TIME for it.
     */
    public static final TimexRequest SINGLE_SHOT_REMAINING = new TimexRequest(Timex.ADJ_OFFSET_SS_READ, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Slews by {@code offsetMicros} at the kernel's fixed adjtime() rate, replacing any slew of that
     * kind in progress; the mode must stand alone, as the kernel demands.
     */
    public static TimexRequest singleShotOffset(long offsetMicros) {
        return new TimexRequest(Timex.ADJ_OFFSET_SINGLESHOT, offsetMicros, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Sets the rate: the tick length in microseconds (10 000 nominal at USER_HZ 100) and the
     * frequency in ppm scaled by 2^16, which the kernel adds up.
     */
    public static TimexRequest rate(long tickMicros, long scaledPpm) {
        return new TimexRequest(Timex.ADJ_TICK | Timex.ADJ_FREQUENCY, 0, scaledPpm, 0, 0, 0, 0, 0, 0, tickMicros);
    }

    /** Steps the clock by {@code seconds + nanos} (nanos in [0, 1e9), as the kernel demands). */
    public static TimexRequest setOffset(long seconds, long nanos) {
        return new TimexRequest(Timex.ADJ_SETOFFSET | Timex.ADJ_NANO, 0, 0, 0, 0, 0, 0, seconds, nanos, 0);
    }

    /** Sets the status word. */
    public static TimexRequest status(int status) {
        return new TimexRequest(Timex.ADJ_STATUS, 0, 0, 0, 0, status, 0, 0, 0, 0);
    }

    /** Sets the status word and the error bounds, in microseconds. */
    public static TimexRequest errors(int status, long maxerrorMicros, long esterrorMicros) {
        return new TimexRequest(Timex.ADJ_STATUS | Timex.ADJ_MAXERROR | Timex.ADJ_ESTERROR,
                0, 0, maxerrorMicros, esterrorMicros, status, 0, 0, 0, 0);
    }

    /** Sets TAI − UTC in seconds; the kernel takes it from {@code constant}, and only when not negative. */
    public static TimexRequest taiOffset(int taiOffsetSeconds) {
        return new TimexRequest(Timex.ADJ_TAI, 0, 0, 0, 0, 0, taiOffsetSeconds, 0, 0, 0);
    }

    /** Sets the PLL time constant, taken as is because of ADJ_NANO (without it the kernel adds 4). */
    public static TimexRequest timeConstant(long constant) {
        return new TimexRequest(Timex.ADJ_TIMECONST | Timex.ADJ_NANO, 0, 0, 0, 0, 0, constant, 0, 0, 0);
    }
}
