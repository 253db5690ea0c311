package org.jntp.sim;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The lines {@code ntpsim} prints: {@code key=value} words, offsets in µs, times in s, frequencies
 * in ppm; a time that never came is {@code never}, an interval that cannot be measured {@code none}.
 */
public final class Report {

    private Report() {}

    /** One seed's metrics. */
    public static String seedLine(SeedResult r) {
        return "seed=" + r.seed()
                + " first_below_1ms_s=" + seconds(r.firstBelow1msSeconds())
                + " settled_s=" + seconds(r.settledSeconds())
                + " rms_offset_us=" + micros(r.rmsOffsetSeconds())
                + " max_abs_offset_us=" + micros(r.maxAbsOffsetSeconds())
                + " rms_freq_ppm=" + ppm(r.rmsFreqPpm())
                + " mean_poll_interval_s=" + interval(r.meanPollIntervalSeconds())
                + " followed_falseticker=" + (r.followedFalseticker() ? "yes" : "no")
                + " unsync_s=" + r.unsynchronizedSeconds()
                + " requests=" + r.requests()
                + " replies=" + r.replies();
    }

    /**
     * The summary: SCENARIOS.md's figures in the order its issue lists them, then the latest first
     * second below 1 ms, the seeds that followed a falseticker and the seconds without synchronisation.
     */
    public static String summaryLine(String preset, Summary s) {
        return "summary preset=" + preset
                + " rms_offset_us=" + micros(s.rmsOffsetSeconds())
                + " worst_seed_rms_us=" + micros(s.worstSeedRmsSeconds())
                + " max_abs_offset_us=" + micros(s.maxAbsOffsetSeconds())
                + " first_below_1ms_s=" + seconds(s.firstBelow1msMeanSeconds())
                + " settled_mean_s=" + seconds(s.settledMeanSeconds())
                + " settled_max_s=" + seconds(s.settledMaxSeconds())
                + " never=" + s.never()
                + " mean_poll_interval_s=" + interval(s.meanPollIntervalSeconds())
                + " rms_freq_ppm=" + ppm(s.rmsFreqPpm())
                + " first_below_1ms_max_s=" + seconds(s.firstBelow1msMaxSeconds())
                + " followed_falseticker=" + s.followedFalseticker()
                + " unsync_s=" + s.unsynchronizedSeconds();
    }

    private static String micros(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds * 1e6);
    }

    private static String ppm(double ppm) {
        return String.format(Locale.ROOT, "%.4f", ppm);
    }

    private static String seconds(OptionalLong seconds) {
        return seconds.isPresent() ? Long.toString(seconds.getAsLong()) : "never";
    }

    private static String seconds(OptionalDouble seconds) {
        return seconds.isPresent() ? String.format(Locale.ROOT, "%.1f", seconds.getAsDouble()) : "never";
    }

    private static String interval(OptionalDouble seconds) {
        return seconds.isPresent() ? String.format(Locale.ROOT, "%.1f", seconds.getAsDouble()) : "none";
    }
}
