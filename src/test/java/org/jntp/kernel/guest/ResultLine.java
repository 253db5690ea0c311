package org.jntp.kernel.guest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jntp.sim.PollIntervals;
import org.jntp.sim.SeedResult;

/**
 * One guest's seed result as a {@code scenario: result} line, exact (the sums, not only the RMS), so
 * that the host pools the seeds of several guests as {@code ntpsim} pools its own.
 *
 * @param daemonName the daemon that disciplined the clock
 * @param presetName SCENARIOS.md's preset
 * @param result     the seed's metrics
 */
public record ResultLine(String daemonName, String presetName, SeedResult result) {

    /** What starts the line on the guest's console. */
    public static final String PREFIX = "scenario: result ";
    private static final String NEVER = "never";
    private static final List<String> KEYS = List.of("daemon", "preset", "seed", "first_below_1ms_s", "settled_s",
            "window_samples", "sum_squared_offset_s2", "max_abs_offset_s", "sum_squared_freq_ppm2",
            "followed_falseticker", "unsync_s", "poll_span_ns", "poll_intervals", "requests", "replies");

    /** The line, every number exact. */
    public String format() {
        return PREFIX + "daemon=" + daemonName + " preset=" + presetName + " seed=" + result.seed()
                + " first_below_1ms_s=" + seconds(result.firstBelow1msSeconds())
                + " settled_s=" + seconds(result.settledSeconds())
                + " window_samples=" + result.windowSamples()
                + " sum_squared_offset_s2=" + result.sumSquaredOffsetSeconds()
                + " max_abs_offset_s=" + result.maxAbsOffsetSeconds()
                + " sum_squared_freq_ppm2=" + result.sumSquaredFreqPpm()
                + " followed_falseticker=" + result.followedFalseticker()
                + " unsync_s=" + result.unsynchronizedSeconds()
                + " poll_span_ns=" + result.polls().spanNanos()
                + " poll_intervals=" + result.polls().intervals()
                + " requests=" + result.requests()
                + " replies=" + result.replies();
    }

    /** The result a line of {@link #format()} holds; empty for any other line. */
    public static Optional<ResultLine> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Map<String, String> words = new HashMap<>();
        for (String word : line.substring(PREFIX.length()).trim().split(" +")) {
            int equals = word.indexOf('=');
            if (equals > 0) {
                words.put(word.substring(0, equals), word.substring(equals + 1));
            }
        }
        if (!words.keySet().containsAll(KEYS)) {
            return Optional.empty();
        }
        try {
            SeedResult result = new SeedResult(Long.parseLong(words.get("seed")),
                    seconds(words.get("first_below_1ms_s")), seconds(words.get("settled_s")),
                    Long.parseLong(words.get("window_samples")),
                    Double.parseDouble(words.get("sum_squared_offset_s2")),
                    Double.parseDouble(words.get("max_abs_offset_s")),
                    Double.parseDouble(words.get("sum_squared_freq_ppm2")),
                    Boolean.parseBoolean(words.get("followed_falseticker")),
                    Long.parseLong(words.get("unsync_s")),
                    new PollIntervals(Long.parseLong(words.get("poll_span_ns")),
                            Long.parseLong(words.get("poll_intervals"))),
                    Long.parseLong(words.get("requests")), Long.parseLong(words.get("replies")));
            return Optional.of(new ResultLine(words.get("daemon"), words.get("preset"), result));
        } catch (NumberFormatException e) {
            // a console line cut short by the guest's end: not a result
            return Optional.empty();
        }
    }

    private static String seconds(OptionalLong seconds) {
        return seconds.isPresent() ? Long.toString(seconds.getAsLong()) : NEVER;
    }

    private static OptionalLong seconds(String word) {
        return NEVER.equals(word) ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(word));
    }
}
