package org.jntp.discipline;

/**
 * What the clock filter makes of an association's samples (RFC 5905 figure 19: θ, δ, ε, ψ, t).
 *
 * @param offsetSeconds     θ: offset of the lowest-delay sample in the filter
 * @param delaySeconds      δ: that sample's round-trip delay
 * @param dispersionSeconds ε: the filter dispersion, every stage weighted by 1/2^(i+1) in delay order,
 *                          as of {@code updateNanos}
 * @param jitterSeconds     ψ: RMS of the usable samples' offsets about θ, never below the precision
 * @param epochNanos        t: arrival (Unix ns, our clock) of the last sample handed on for selection
 *                          (ntpd's {@code peer->epoch}); 0 before any
 * @param updateNanos       when the dispersion was last brought up to date (ntpd's {@code peer->update}):
 *                          it grows by {@link NtpConstants#PHI} per second from then on; 0 before any sample
 */
public record PeerStatistics(double offsetSeconds, double delaySeconds, double dispersionSeconds,
        double jitterSeconds, long epochNanos, long updateNanos) {

    /** The statistics of an empty filter: all dispersion, no offset. */
    public static PeerStatistics empty(double precisionSeconds) {
        return new PeerStatistics(0, 0, NtpConstants.MAXDISP, precisionSeconds, 0, 0);
    }

    /** These statistics with another filter dispersion. */
    public PeerStatistics withDispersion(double newDispersionSeconds) {
        return new PeerStatistics(offsetSeconds, delaySeconds, newDispersionSeconds, jitterSeconds, epochNanos,
                updateNanos);
    }
}
