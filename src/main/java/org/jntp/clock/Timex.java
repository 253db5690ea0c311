package org.jntp.clock;

/**
 * The kernel clock state that {@code clock_adjtime} reports: Linux's {@code struct timex} field
 * for field, in the kernel's units (offset and time in ns when {@link #STA_NANO} is set, else µs;
 * freq and ppsfreq in ppm scaled by 2^16; maxerror and esterror in µs).
 *
 * @param state the call's return value
 */
public record Timex(
        TimeState state,
        int modes,
        long offset,
        long freq,
        long maxerror,
        long esterror,
        int status,
        long constant,
        long precision,
        long tolerance,
        long timeSec,
        long timeUsec,
        long tick,
        long ppsfreq,
        long jitter,
        int shift,
        long stabil,
        long jitcnt,
        long calcnt,
        long errcnt,
        long stbcnt,
        int tai) {

    /** {@code modes} bit: set the PLL offset. */
    public static final int ADJ_OFFSET = 0x0001;
    /** {@code modes} bit: set the frequency. */
    public static final int ADJ_FREQUENCY = 0x0002;
    /** {@code modes} bit: set the maximum error. */
    public static final int ADJ_MAXERROR = 0x0004;
    /** {@code modes} bit: set the estimated error. */
    public static final int ADJ_ESTERROR = 0x0008;
    /** {@code modes} bit: set the status word. */
    public static final int ADJ_STATUS = 0x0010;
    /** {@code modes} bit: set the PLL time constant. */
    public static final int ADJ_TIMECONST = 0x0020;
    /** {@code modes} bit: set TAI − UTC, from {@code constant}. */
    public static final int ADJ_TAI = 0x0080;
    /** {@code modes} bit: add {@code time} to the clock at once. */
    public static final int ADJ_SETOFFSET = 0x0100;
    /** {@code modes} bit: set the tick length. */
    public static final int ADJ_TICK = 0x4000;
    /** {@code modes} bit: offset and time are in nanoseconds. */
    public static final int ADJ_NANO = 0x2000;
    /** adjtime()'s mode: slew {@code offset} microseconds at the kernel's fixed rate (ADJ_OFFSET_SINGLESHOT). */
    public static final int ADJ_OFFSET_SINGLESHOT = 0x8001;
    /** adjtime()'s read: reports in {@code offset} the microseconds its slew has still to go (ADJ_OFFSET_SS_READ). */
    public static final int ADJ_OFFSET_SS_READ = 0xa001;

    /** {@code status} bit: the PLL is on. */
    public static final int STA_PLL = 0x0001;
    /** {@code status} bit: insert a leap second at the end of the day. */
    public static final int STA_INS = 0x0010;
    /** {@code status} bit: delete a leap second at the end of the day. */
    public static final int STA_DEL = 0x0020;
    /** {@code status} bit: the clock is not synchronized. */
    public static final int STA_UNSYNC = 0x0040;
    /** {@code status} bit: offsets are in nanoseconds. */
    public static final int STA_NANO = 0x2000;

    /** Scale of {@code freq}: ppm times 2^16. */
    public static final double FREQ_SCALE = 65536.0;
}
