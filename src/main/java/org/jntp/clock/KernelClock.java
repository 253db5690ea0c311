package org.jntp.clock;

/**
 * The Linux system clock: read with {@code clock_gettime(CLOCK_REALTIME)}, disciplined through
 * {@code clock_adjtime} as chrony does rather than as ntpd's kernel discipline: the daemon sets the
 * frequency itself and slews offsets as adjtime() would, with the kernel PLL off; steps are
 * ADJ_SETOFFSET.
 *
 * <p>Status changes read the status word first and write it back changed, so bits that others own
 * (PPS bits, the nanosecond mode) survive.
 */
public final class KernelClock implements Clock {

    private static final int LEAP_BITS = Timex.STA_INS | Timex.STA_DEL;

    /** Enough rounds for the JIT to compile the read path: about 0.4 s at start. */
    private static final int PRECISION_ROUNDS = 5000;

    private final Adjtimex adjtimex;
    private final int precisionLog2;

    /** A clock adjusted through {@code adjtimex}, of the given precision. */
    public KernelClock(Adjtimex adjtimex, int precisionLog2) {
        this.adjtimex = adjtimex;
        this.precisionLog2 = precisionLog2;
    }

    /** The system clock, its precision measured now as ntpd measures it at start. */
    public static KernelClock open() {
        Precision precision = Precision.measureFinest(LinuxClockGettime::realtimeNanos, PRECISION_ROUNDS);
        return new KernelClock(LinuxAdjtimex.open(), precision.precisionLog2());
    }

    @Override
    public long nowNanos() {
        return LinuxClockGettime.realtimeNanos();
    }

    /** The kernel clock is the system clock. */
    @Override
    public long fromSystemNanos(long systemNanos) {
        return systemNanos;
    }

    @Override
    public int precisionLog2() {
        return precisionLog2;
    }

    /** The kernel's clock state, read without changing anything. */
    public Timex readTimex() {
        return adjtimex.adjust(TimexRequest.READ);
    }

    /**
     * Slews as adjtime() does, at the kernel's fixed {@link #ADJTIME_SLEW_RATE_PPM}. The kernel PLL is
     * switched off first if another daemon left it on: the discipline sets the frequency itself,
     * and the PLL would move it behind its back.
     */
    @Override
    public synchronized void slew(double offsetSeconds) {
        double clamped = Math.clamp(offsetSeconds, -MAX_SLEW_SECONDS, MAX_SLEW_SECONDS);
        int status = readTimex().status();
        if ((status & Timex.STA_PLL) != 0) {
            adjtimex.adjust(TimexRequest.status(status & ~Timex.STA_PLL));
        }
        adjtimex.adjust(TimexRequest.singleShotOffset(roundHalfAway(clamped * 1e6)));
    }

    /** adjtime() slews at one fixed rate: faster slews wait for tick-length control (the kernel test bed's issue). */
    @Override
    public void setMaxSlewRate(double ratePpm) {
        // the kernel's adjtime() rate is fixed; maxSlewRatePpm() says so
    }

    @Override
    public double maxSlewRatePpm() {
        return ADJTIME_SLEW_RATE_PPM;
    }

    @Override
    public synchronized void step(double offsetSeconds) {
        long nanos = roundHalfAway(offsetSeconds * 1e9);
        adjtimex.adjust(TimexRequest.setOffset(
                Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)));
    }

    @Override
    public synchronized void setFrequency(double freqPpm) {
        double clamped = Math.clamp(freqPpm, -MAX_FREQUENCY_PPM, MAX_FREQUENCY_PPM);
        adjtimex.adjust(TimexRequest.frequency(roundHalfAway(clamped * Timex.FREQ_SCALE)));
    }

    /** The kernel's frequency, which its PLL moves as it absorbs offsets. */
    @Override
    public double frequencyPpm() {
        return readTimex().freq() / Timex.FREQ_SCALE;
    }

    @Override
    public synchronized void setTimeConstant(int pollLog2) {
        adjtimex.adjust(TimexRequest.timeConstant(pollLog2));
    }

    @Override
    public synchronized void setLeap(LeapState leap) {
        int bits = switch (leap) {
            case NONE -> 0;
            case INSERT -> Timex.STA_INS;
            case DELETE -> Timex.STA_DEL;
        };
        adjtimex.adjust(TimexRequest.status((readTimex().status() & ~LEAP_BITS) | bits));
    }

    @Override
    public synchronized void setSynchronized(double maxErrorSeconds, double estErrorSeconds) {
        int status = readTimex().status() & ~Timex.STA_UNSYNC;
        adjtimex.adjust(TimexRequest.errors(status, errorMicros(maxErrorSeconds), errorMicros(estErrorSeconds)));
    }

    @Override
    public synchronized void setUnsynchronized() {
        adjtimex.adjust(TimexRequest.status(readTimex().status() | Timex.STA_UNSYNC));
    }

    @Override
    public ClockStatus status() {
        Timex timex = readTimex();
        int status = timex.status();
        LeapState leap = (status & Timex.STA_INS) != 0 ? LeapState.INSERT
                : (status & Timex.STA_DEL) != 0 ? LeapState.DELETE
                : LeapState.NONE;
        return new ClockStatus(leap, (status & Timex.STA_UNSYNC) == 0,
                timex.maxerror() / 1e6, timex.esterror() / 1e6);
    }

    private static long errorMicros(double seconds) {
        return roundHalfAway(ClockStatus.clampError(seconds) * 1e6);
    }

    /** Rounds half away from zero, as ntpd rounds offsets for the kernel. */
    private static long roundHalfAway(double value) {
        return (long) (value + Math.copySign(0.5, value));
    }
}
