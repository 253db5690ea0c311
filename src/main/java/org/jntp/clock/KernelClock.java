package org.jntp.clock;

import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The Linux system clock: read with {@code clock_gettime(CLOCK_REALTIME)}, disciplined through
 * {@code clock_adjtime} as chrony does rather than as ntpd's kernel discipline: the daemon sets the
 * frequency itself, with the kernel PLL off; steps are ADJ_SETOFFSET.
 *
 * <p>Slews come in two kinds. At {@link #ADJTIME_SLEW_RATE_PPM}, the rate the clock starts at and
 * the one ntpdate keeps, a slew is adjtime()'s: the kernel carries it out and ends it by itself,
 * even after the program exits. At any other rate {@link #setMaxSlewRate} sets (the daemon sets
 * {@code tinker maxslewrate}, 83 333 ppm unless configured), the clock slews as chronyd does on
 * Linux: tick length and frequency together make the clock run that much faster or slower than its
 * frequency correction, and a timer puts the plain correction back once the slew is done. The rate
 * is one of the clock's own seconds, so that a slew of x at rate r is done |x|/r after it began on
 * this clock, as the discipline counts. What the timer's lateness overshot, or what a slew cut short
 * by {@link #close} left undone, goes to adjtime(), which finishes it by itself.
 *
 * <p>Status changes read the status word first and write it back changed, so bits that others own
 * (PPS bits, the nanosecond mode) survive.
 */
public final class KernelClock implements Clock, AutoCloseable {

    private static final int LEAP_BITS = Timex.STA_INS | Timex.STA_DEL;

    /** Enough rounds for the JIT to compile the read path, on a fast machine. */
    private static final int PRECISION_ROUNDS = 5000;
    /** What start-up spends on the precision at most. */
    private static final long PRECISION_BUDGET_NANOS = 100_000_000L;

    private final Adjtimex adjtimex;
    private final int precisionLog2;
    private final LongSupplier monoNanos;
    private final SlewTimer timer;
    private double slewRatePpm = ADJTIME_SLEW_RATE_PPM;
    /** The frequency correction without any slew, once this clock has set or read it. */
    private Optional<KernelRate> plain = Optional.empty();
    private Optional<Slew> slewing = Optional.empty();
    private boolean closed;

    /**
     * A slew the kernel is running.
     *
     * @param offsetSeconds what it is to move the clock by, over the plain correction
     * @param targetRate the rate asked, signed as the offset, per second of the clock's own time
     * @param rate the rate the kernel's fields give, which their rounding makes slightly different
     * @param startMonoNanos when the kernel took it, on {@link System#nanoTime()}'s scale
     */
    private record Slew(double offsetSeconds, double targetRate, double rate, long startMonoNanos) {

        long endMonoNanos() {
            return startMonoNanos + Math.round(offsetSeconds / rate * 1e9);
        }

        /** What the slew has moved the clock by at {@code nowMonoNanos}: past the offset once overdue. */
        double doneSeconds(long nowMonoNanos) {
            return rate * (nowMonoNanos - startMonoNanos) / 1e9;
        }
    }

    /** A clock adjusted through {@code adjtimex}, of the given precision, ending its slews on a thread of its own. */
    public KernelClock(Adjtimex adjtimex, int precisionLog2) {
        this(adjtimex, precisionLog2, System::nanoTime, SlewTimer.ownThread());
    }

    /** As the public constructor, with {@link System#nanoTime()} and the slew timer given. */
    KernelClock(Adjtimex adjtimex, int precisionLog2, LongSupplier monoNanos, SlewTimer timer) {
        this.adjtimex = adjtimex;
        this.precisionLog2 = precisionLog2;
        this.monoNanos = monoNanos;
        this.timer = timer;
    }

    /** The system clock, its precision measured now as ntpd measures it at start. */
    public static KernelClock open() {
        Precision precision = Precision.measureFinest(LinuxClockGettime::realtimeNanos, PRECISION_ROUNDS,
                PRECISION_BUDGET_NANOS, System::nanoTime);
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
     * Slews at {@link #maxSlewRatePpm()}, replacing the slew in progress. The kernel PLL is switched
     * off first if another daemon left it on: the discipline sets the frequency itself, and the PLL
     * would move it behind its back. A slew of 0 ends every slew, the kernel's adjtime() one too.
     */
    @Override
    public synchronized void slew(double offsetSeconds) {
        endSlewIfDue();
        double clamped = Math.clamp(offsetSeconds, -MAX_SLEW_SECONDS, MAX_SLEW_SECONDS);
        int status = readTimex().status();
        if ((status & Timex.STA_PLL) != 0) {
            adjtimex.adjust(TimexRequest.status(status & ~Timex.STA_PLL));
        }
        // a slew of nothing also ends an adjtime() slew a program before this one left running
        if (slewRatePpm == ADJTIME_SLEW_RATE_PPM || clamped == 0) {
            cancelSlew();
            adjtimex.adjust(TimexRequest.singleShotOffset(roundHalfAway(clamped * 1e6)));
            return;
        }
        startSlew(clamped, Math.copySign(slewRatePpm * 1e-6, clamped), plainRate());
    }

    /**
     * Slews at {@code ratePpm}, clamped to [1, {@link #MAX_SLEW_RATE_PPM}], from the next slew on;
     * exactly {@link #ADJTIME_SLEW_RATE_PPM} gives adjtime()'s slews back. Ignored once closed.
     */
    @Override
    public synchronized void setMaxSlewRate(double ratePpm) {
        if (!closed) {
            slewRatePpm = Math.clamp(ratePpm, 1, MAX_SLEW_RATE_PPM);
        }
    }

    @Override
    public synchronized double maxSlewRatePpm() {
        return slewRatePpm;
    }

    /** Steps; a slew in progress ends where it got to, and the kernel drops an adjtime() slew itself. */
    @Override
    public synchronized void step(double offsetSeconds) {
        cancelSlew();
        long nanos = roundHalfAway(offsetSeconds * 1e9);
        adjtimex.adjust(TimexRequest.setOffset(
                Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)));
    }

    /**
     * Sets the frequency correction, in the frequency field with the nominal tick. A slew in progress
     * keeps its rate over the new correction and goes on for the rest of its offset.
     */
    @Override
    public synchronized void setFrequency(double freqPpm) {
        endSlewIfDue();
        KernelRate rate = KernelRate.of(Math.clamp(freqPpm, -MAX_FREQUENCY_PPM, MAX_FREQUENCY_PPM));
        plain = Optional.of(rate);
        if (slewing.isEmpty()) {
            adjtimex.adjust(rate.request());
            return;
        }
        Slew slew = slewing.get();
        startSlew(slew.offsetSeconds() - slew.doneSeconds(monoNanos.getAsLong()), slew.targetRate(), rate);
    }

    /**
     * The frequency correction: while slewing, the one set without the slew; otherwise what the
     * kernel's tick and frequency give, which a kernel PLL left on moves as it absorbs offsets.
     */
    @Override
    public synchronized double frequencyPpm() {
        if (slewing.isPresent()) {
            return plainRate().ratePpm();
        }
        return kernelRate().ratePpm();
    }

    /**
     * Ends the slew in progress once it is due: the plain correction back, and what the timer's
     * lateness overshot handed to adjtime() to take back. The timer calls it; early calls do nothing.
     */
    synchronized void endSlewIfDue() {
        if (slewing.isPresent() && monoNanos.getAsLong() - slewing.get().endMonoNanos() >= 0) {
            finishSlew();
        }
    }

    /**
     * Leaves the kernel at the plain frequency correction: a slew in progress stops, and what it had
     * still to do goes to adjtime(), which the kernel finishes without this program. From then on
     * slews are adjtime()'s. Call it before the program exits.
     */
    @Override
    public synchronized void close() {
        if (slewing.isPresent()) {
            finishSlew();
        }
        closed = true;
        slewRatePpm = ADJTIME_SLEW_RATE_PPM;
        timer.close();
    }

    /**
     * Sets the kernel to run {@code targetRate} of its own seconds faster than the plain correction
     * {@code base} until {@code offsetSeconds} is done. The clock runs at {@code 1 + total} of its
     * oscillator, the plain one at {@code 1 + base}; the slew gains {@code total - base} per second
     * of oscillator, which is {@code targetRate} per second of the clock when
     * {@code total = (base + targetRate) / (1 - targetRate)}.
     */
    private void startSlew(double offsetSeconds, double targetRate, KernelRate base) {
        double basePpm = base.ratePpm();
        KernelRate fast = KernelRate.of((basePpm + targetRate * 1e6) / (1 - targetRate));
        adjtimex.adjust(fast.request());
        long startMonoNanos = monoNanos.getAsLong();
        double rate = (fast.ratePpm() - basePpm) / (1e6 + fast.ratePpm());
        Slew slew = new Slew(offsetSeconds, targetRate, rate, startMonoNanos);
        slewing = Optional.of(slew);
        timer.runAt(slew.endMonoNanos(), this::endSlewIfDue);
    }

    private void finishSlew() {
        Slew slew = slewing.orElseThrow();
        adjtimex.adjust(plainRate().request());
        slewing = Optional.empty();
        long restMicros = roundHalfAway((slew.offsetSeconds() - slew.doneSeconds(monoNanos.getAsLong())) * 1e6);
        if (restMicros != 0) {
            adjtimex.adjust(TimexRequest.singleShotOffset(restMicros));
        }
    }

    /** Stops a slew in progress where it got to. */
    private void cancelSlew() {
        if (slewing.isPresent()) {
            adjtimex.adjust(plainRate().request());
            slewing = Optional.empty();
        }
    }

    /**
     * The plain correction: as set, or before this clock set one, as the kernel has it within
     * ±{@link #MAX_FREQUENCY_PPM} (beyond is a slew that a killed program left running).
     */
    private KernelRate plainRate() {
        if (plain.isEmpty()) {
            plain = Optional.of(KernelRate.of(Math.clamp(kernelRate().ratePpm(), -MAX_FREQUENCY_PPM, MAX_FREQUENCY_PPM)));
        }
        return plain.get();
    }

    private KernelRate kernelRate() {
        Timex timex = readTimex();
        return new KernelRate(timex.tick(), timex.freq());
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
    public synchronized void setTaiOffset(int taiOffsetSeconds) {
        adjtimex.adjust(TimexRequest.taiOffset(taiOffsetSeconds));
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
                timex.maxerror() / 1e6, timex.esterror() / 1e6, timex.tai());
    }

    private static long errorMicros(double seconds) {
        return roundHalfAway(ClockStatus.clampError(seconds) * 1e6);
    }

    private static long roundHalfAway(double value) {
        return KernelRate.roundHalfAway(value);
    }
}
