package org.jntp.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jntp.kernel.guest.ResultLine;
import org.jntp.sim.Report;
import org.jntp.sim.SeedResult;
import org.jntp.sim.Summary;

/**
 * Pools the seeds that several guests ran (their {@code scenario: result} lines) into one
 * {@code ntpsim} summary line per daemon and preset, marked with the daemon:
 * {@code summary daemon=chronyd preset=lan-1 rms_offset_us=...}. Used by {@code bench/kernel}:
 * <pre>
 * cat GUEST_CONSOLE... | java -cp target/jntp.jar:target/test-classes org.jntp.kernel.PooledSummary
 * </pre>
 */
public final class PooledSummary {

    private static final String SUMMARY = "summary ";

    private PooledSummary() {}

    public static void main(String[] args) throws IOException {
        List<ResultLine> results = new ArrayList<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            ResultLine.parse(line).ifPresent(results::add);
        }
        summaryLines(results).forEach(System.out::println);
    }

    /** One summary line per daemon and preset, in the order they first appear. */
    static List<String> summaryLines(List<ResultLine> results) {
        Map<List<String>, List<SeedResult>> pooled = new LinkedHashMap<>();
        for (ResultLine line : results) {
            pooled.computeIfAbsent(List.of(line.daemonName(), line.presetName()), k -> new ArrayList<>())
                    .add(line.result());
        }
        List<String> lines = new ArrayList<>();
        pooled.forEach((key, seeds) -> lines.add(SUMMARY + "daemon=" + key.get(0) + " "
                + Report.summaryLine(key.get(1), Summary.of(seeds)).substring(SUMMARY.length())));
        return lines;
    }
}
