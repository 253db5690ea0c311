package org.jntp.sim;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The metrics of one run, from the true clock error sampled once per simulated second
 * (SCENARIOS.md); the sums over the accuracy window are kept so that seeds pool exactly.
 *
 * @param seed                    the run's seed
 * @param firstBelow1msSeconds    first sampled second with |offset| &lt; 1 ms; empty if none
 * @param settledSeconds          one second after the last with |offset| ≥ 1 ms (0 if none); empty
 *                                ("never") if the last sampled second is still ≥ 1 ms
 * @param windowSamples           seconds sampled in the accuracy window
 * @param sumSquaredOffsetSeconds sum of offset² over the window, s²
 * @param maxAbsOffsetSeconds     largest |offset| in the window
 * @param sumSquaredFreqPpm       sum of frequency error² over the window, ppm²
 * @param followedFalseticker     once the clock had been marked synchronised, it came within
 *                                {@link Scenario#followToleranceSeconds()} of a falseticker's offset
 * @param unsynchronizedSeconds   sampled seconds, after the clock was first marked synchronised,
 *                                in which it was not
 * @param polls                   the requests sent to the configured servers
 * @param requests                datagrams the client sent
 * @param replies                 datagrams delivered to the client
 */
public record SeedResult(long seed, OptionalLong firstBelow1msSeconds, OptionalLong settledSeconds,
        long windowSamples, double sumSquaredOffsetSeconds, double maxAbsOffsetSeconds, double sumSquaredFreqPpm,
        boolean followedFalseticker, long unsynchronizedSeconds, PollIntervals polls, long requests, long replies) {

    /** RMS offset over the window, seconds. */
    public double rmsOffsetSeconds() {
        return Math.sqrt(sumSquaredOffsetSeconds / windowSamples);
    }

    /** RMS frequency error over the window, ppm. */
    public double rmsFreqPpm() {
        return Math.sqrt(sumSquaredFreqPpm / windowSamples);
    }

    /** Mean interval between requests to one server, seconds. */
    public OptionalDouble meanPollIntervalSeconds() {
        return polls.meanSeconds();
    }
}
