package org.jntp.kernel.guest;

import java.util.Locale;
import java.util.SplittableRandom;
import org.jntp.clock.KernelClock;
import org.jntp.clock.LinuxClockGettime;
import org.jntp.clock.Timex;
import org.jntp.sim.PollIntervals;
import org.jntp.sim.Scenario;
import org.jntp.sim.SeedMetrics;
import org.jntp.sim.SeedResult;

/**
 * Samples the guest's system clock against {@link Truth} once a second, as {@code ntpsim} samples
 * its simulated clock, and walks the oscillator's error on by the scenario's wander. Besides
 * {@code ntpsim}'s metrics it keeps what tells a step from a slew on a real kernel: the largest
 * change of the offset from one second to the next.
 */
final class OffsetProbe {

    private static final int READINGS = 5;
    private static final long SECOND_NANOS = 1_000_000_000L;
    /** The kernel's nominal tick at USER_HZ 100; each µs more runs the clock 100 ppm faster. */
    private static final long TICK_MICROS = 10_000;
    private static final double PPM_PER_TICK_MICRO = 100;

    private final Truth truth;
    private final KernelClock clock;
    private final SeedMetrics metrics;
    private final double wanderPpm;
    private final SplittableRandom wander;
    private long samples;
    private double firstOffsetSeconds;
    private double lastOffsetSeconds;
    private double largestChangeSeconds;
    private long firstRealtimeMinusRawNanos;
    private long lastRealtimeMinusRawNanos;
    private boolean restarted;
    private double largestAfterRestartSeconds;
    private double largestFreqErrorAfterRestartPpm;

    OffsetProbe(Truth truth, KernelClock clock, Scenario scenario, long seed) {
        this.truth = truth;
        this.clock = clock;
        this.metrics = new SeedMetrics(scenario);
        this.wanderPpm = scenario.wanderPerSqrtSecond() * 1e6;
        this.wander = new SplittableRandom(seed);
    }

    /** Takes the sample of second {@code second}, then moves the oscillator's error one step of its walk. */
    void sample(long second) {
        long raw = 0;
        long realtime = 0;
        long narrowestNanos = Long.MAX_VALUE;
        // the reading least disturbed by the scheduler: the guest has one emulated CPU to share
        for (int i = 0; i < READINGS; i++) {
            long before = LinuxClockGettime.realtimeNanos();
            long rawNow = LinuxClockGettime.monotonicRawNanos();
            long after = LinuxClockGettime.realtimeNanos();
            if (after - before < narrowestNanos) {
                narrowestNanos = after - before;
                raw = rawNow;
                realtime = before + (after - before) / 2;
            }
        }
        Timex timex = clock.readTimex();
        double offsetSeconds = offsetNanos(realtime, raw) / 1e9;
        // the tick counts too: while the daemon slews, it runs the kernel up to a tenth fast or slow
        double correctionPpm = timex.freq() / Timex.FREQ_SCALE;
        double kernelPpm = (timex.tick() - TICK_MICROS) * PPM_PER_TICK_MICRO + correctionPpm;
        double freqErrorPpm = truth.errorPpm() + kernelPpm;
        metrics.sample(second, offsetSeconds, freqErrorPpm, (timex.status() & Timex.STA_UNSYNC) == 0);
        if (samples == 0) {
            firstOffsetSeconds = offsetSeconds;
            firstRealtimeMinusRawNanos = realtime - raw;
        } else {
            largestChangeSeconds = Math.max(largestChangeSeconds, Math.abs(offsetSeconds - lastOffsetSeconds));
        }
        if (restarted) {
            largestAfterRestartSeconds = Math.max(largestAfterRestartSeconds, Math.abs(offsetSeconds));
            // the frequency correction alone, which the drift file restores: a slew after the
            // restart (the tick, for a second or so) corrects phase, and a probe second inside one
            // would count a tenth of 83 333 ppm
            largestFreqErrorAfterRestartPpm = Math.max(largestFreqErrorAfterRestartPpm,
                    Math.abs(truth.errorPpm() + correctionPpm));
        }
        lastOffsetSeconds = offsetSeconds;
        lastRealtimeMinusRawNanos = realtime - raw;
        samples++;
        truth.wander(raw, wanderPpm * wander.nextGaussian());
    }

    /**
     * The guest clock's offset from true time. Within a second of a leap, the two may read either
     * side of its step, the kernel taking it at the guest clock's midnight and true time at its
     * own: a second apart that is the leap's, not the daemon's, and is left out.
     */
    private long offsetNanos(long realtimeNanos, long rawNanos) {
        long offsetNanos = realtimeNanos - truth.trueNanos(rawNanos);
        boolean atTheLeap = truth.secondsSinceLeap(rawNanos).filter(s -> Math.abs(s) < 1).isPresent();
        if (atTheLeap && Math.abs(offsetNanos) > SECOND_NANOS / 2) {
            return offsetNanos - Long.signum(offsetNanos) * SECOND_NANOS;
        }
        return offsetNanos;
    }

    /** The daemon was started again: from now on the largest offset is also kept apart. */
    void restarted() {
        restarted = true;
    }

    /** {@code ntpsim}'s metrics of the samples taken. */
    SeedResult result(long seed, PollIntervals polls, long requests, long replies) {
        return metrics.result(seed, polls, requests, replies);
    }

    /**
     * The offsets first and last, the largest change in one second (a slew moves the offset by at
     * most the daemon's slew rate, 83 333 µs a second, plus the frequency error; a step by the whole
     * step), and how far the system clock moved against the raw oscillator: 0 for a clock nobody
     * wrote; after a restart, the largest offset and frequency error since: a daemon that starts
     * again from scratch sets the kernel's frequency to 0, one that starts from its drift file keeps
     * it near the error.
     */
    String describe() {
        String described = String.format(Locale.ROOT,
                "samples=%d offset_first_us=%.1f offset_last_us=%.1f largest_change_in_1s_us=%.1f clock_moved_us=%.1f",
                samples, firstOffsetSeconds * 1e6, lastOffsetSeconds * 1e6, largestChangeSeconds * 1e6,
                (lastRealtimeMinusRawNanos - firstRealtimeMinusRawNanos) / 1e3);
        return restarted ? described + String.format(Locale.ROOT,
                " largest_offset_after_restart_us=%.1f largest_freq_error_after_restart_ppm=%.3f",
                largestAfterRestartSeconds * 1e6, largestFreqErrorAfterRestartPpm) : described;
    }
}
