package org.jntp.sim;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The metrics of SCENARIOS.md pooled over the seeds of a simulation.
 *
 * @param seeds                    runs pooled
 * @param rmsOffsetSeconds         RMS offset over every seed's window together
 * @param worstSeedRmsSeconds      the largest of the seeds' RMS offsets
 * @param maxAbsOffsetSeconds      largest |offset| in any seed's window
 * @param firstBelow1msMeanSeconds mean first second below 1 ms, over the seeds that got there
 * @param firstBelow1msMaxSeconds  latest first second below 1 ms over those seeds
 * @param settledMeanSeconds       mean settling second over the seeds that settled
 * @param settledMaxSeconds        latest settling second over those seeds
 * @param never                    seeds that never settled
 * @param polls                    requests to the configured servers, all seeds together
 * @param rmsFreqPpm               RMS frequency error over every seed's window together
 * @param followedFalseticker      seeds that followed a falseticker
 * @param unsynchronizedSeconds    seconds without synchronisation after the first, all seeds together
 */
public record Summary(long seeds, double rmsOffsetSeconds, double worstSeedRmsSeconds, double maxAbsOffsetSeconds,
        OptionalDouble firstBelow1msMeanSeconds, OptionalLong firstBelow1msMaxSeconds,
        OptionalDouble settledMeanSeconds, OptionalLong settledMaxSeconds, long never, PollIntervals polls,
        double rmsFreqPpm, long followedFalseticker, long unsynchronizedSeconds) {

    /** Pools the results of the seeds. */
    public static Summary of(List<SeedResult> results) {
        long samples = 0;
        double sumSquaredOffset = 0;
        double sumSquaredFreq = 0;
        double worstRms = 0;
        double maxAbs = 0;
        PollIntervals polls = PollIntervals.NONE;
        long followed = 0;
        long unsynchronized = 0;
        for (SeedResult result : results) {
            samples += result.windowSamples();
            sumSquaredOffset += result.sumSquaredOffsetSeconds();
            sumSquaredFreq += result.sumSquaredFreqPpm();
            worstRms = Math.max(worstRms, result.rmsOffsetSeconds());
            maxAbs = Math.max(maxAbs, result.maxAbsOffsetSeconds());
            polls = polls.plus(result.polls());
            followed += result.followedFalseticker() ? 1 : 0;
            unsynchronized += result.unsynchronizedSeconds();
        }
        List<OptionalLong> firsts = results.stream().map(SeedResult::firstBelow1msSeconds).toList();
        List<OptionalLong> settled = results.stream().map(SeedResult::settledSeconds).toList();
        return new Summary(results.size(), Math.sqrt(sumSquaredOffset / samples), worstRms, maxAbs,
                mean(firsts), max(firsts), mean(settled), max(settled),
                settled.stream().filter(OptionalLong::isEmpty).count(), polls,
                Math.sqrt(sumSquaredFreq / samples), followed, unsynchronized);
    }

    private static OptionalDouble mean(List<OptionalLong> values) {
        return values.stream().filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).average();
    }

    private static OptionalLong max(List<OptionalLong> values) {
        return values.stream().filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max();
    }

    /** Mean interval between requests to one server, seconds. */
    public OptionalDouble meanPollIntervalSeconds() {
        return polls.meanSeconds();
    }
}
