package org.jntp.clock;

import java.util.function.LongSupplier;

/**
 * The precision of a clock, measured as ntpd 4.2.8 measures it at start ({@code measure_tick_fuzz}
 * and {@code set_sys_tick_precision}): the smallest step between successive readings larger than
 * 20 ns, taken over the first twelve such steps.
 *
 * @param tickSeconds smallest observed step: the tick of a stepping clock, or the time to read an
 *     interpolating one
 * @param fuzzSeconds time to read the clock: the tick divided by the most readings seen within
 *     one tick (ntpd's sys_fuzz)
 * @param precisionLog2 the tick as a power of two, rounded as ntpd rounds it
 */
public record Precision(double tickSeconds, double fuzzSeconds, int precisionLog2) {

    /** Steps this small are taken as the same tick read twice (ntpd MINSTEP). */
    static final long MIN_STEP_NANOS = 20;

    /** Steps to observe before the smallest is trusted (ntpd MINCHANGES). */
    static final int MIN_CHANGES = 12;

    /** Readings after which a clock that barely moves is given up on (ntpd MAXLOOPS, 1 / MINSTEP). */
    static final int MAX_READINGS = 50_000_000;

    private static final long MAX_STEP_NANOS = 1_000_000_000L;

    /**
     * Measures the precision from successive readings of a clock in nanoseconds.
     *
     * @throws IllegalStateException when the readings change fewer than twelve times in
     *     {@link #MAX_READINGS} readings (ntpd exits then)
     */
    public static Precision measure(LongSupplier readNanos) {
        long tickNanos = MAX_STEP_NANOS;
        long repeats = 0;
        long maxRepeats = 0;
        int changes = 0;
        long last = readNanos.getAsLong();
        for (int i = 0; i < MAX_READINGS && changes < MIN_CHANGES; i++) {
            long now = readNanos.getAsLong();
            long diff = now - last;
            last = now;
            if (diff > MIN_STEP_NANOS) {
                maxRepeats = Math.max(repeats, maxRepeats);
                repeats = 0;
                changes++;
                tickNanos = Math.min(diff, tickNanos);
            } else {
                repeats++;
            }
        }
        if (changes < MIN_CHANGES) {
            throw new IllegalStateException("precision could not be measured: the clock moved by more than "
                    + MIN_STEP_NANOS + " ns only " + changes + " times in " + MAX_READINGS + " readings");
        }
        double tick = tickNanos / 1e9;
        double fuzz = maxRepeats == 0 ? tick : tick / maxRepeats;
        return new Precision(tick, fuzz, log2(tick));
    }

    /**
     * The finest of up to {@code rounds} measurements, taken until {@code budgetNanos} of
     * {@code monoNanos} have passed. A JVM reads its clock slowly until the JIT has compiled the
     * read path, so one measurement at start would time the interpreter, not the clock; the budget
     * keeps a slow machine (an emulated one takes ten times as long) from spending seconds of its
     * start-up, before the first poll, on a figure that only goes into the precision field.
     */
    public static Precision measureFinest(LongSupplier readNanos, int rounds, long budgetNanos, LongSupplier monoNanos) {
        if (rounds < 1) {
            throw new IllegalArgumentException("need at least one round, got " + rounds);
        }
        long start = monoNanos.getAsLong();
        Precision finest = measure(readNanos);
        for (int i = 1; i < rounds && monoNanos.getAsLong() - start < budgetNanos; i++) {
            Precision next = measure(readNanos);
            if (next.tickSeconds() < finest.tickSeconds()) {
                finest = next;
            }
        }
        return finest;
    }

    /**
     * The nearest power of two to {@code tickSeconds} as ntpd finds it: it rounds down while the
     * tick is at most 4/3 of the power below, so 1 µs gives -20 and 100 ns gives -23.
     *
     * @throws IllegalArgumentException unless 0 &lt; tickSeconds &le; 1
     */
    public static int log2(double tickSeconds) {
        if (!(tickSeconds > 0 && tickSeconds <= 1)) {
            throw new IllegalArgumentException("tick must be in (0, 1] s, got " + tickSeconds);
        }
        double scaled = tickSeconds;
        int exponent = 0;
        while (scaled <= 1) {
            scaled *= 2;
            exponent--;
        }
        return scaled - 1 > 1 - scaled / 2 ? exponent + 1 : exponent;
    }
}
