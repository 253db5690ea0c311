package org.jntp.discipline;

/**
 * The system variables a new system peer hands down (RFC 5905 figure 25, A.5.5.4 {@code clock_update}).
 * The leap indicator is voted elsewhere; the reference time is the caller's to set.
 *
 * @param stratum                   the system peer's stratum + 1, at most {@link NtpConstants#MAXSTRAT}
 * @param referenceIdBits           the reference ID, as the caller computed it for the system peer
 * @param rootDelaySeconds          Δ = the peer's root delay + δ
 * @param rootDispersionSeconds     E = the peer's root dispersion + max(mindist, ε + φ × (now − update)
 *                                  + |Θ| + Ψ)
 */
public record ClockUpdate(int stratum, int referenceIdBits, double rootDelaySeconds, double rootDispersionSeconds) {

    /**
     * The system variables from the system peer.
     *
     * @param peerStratum               the stratum the system peer reported
     * @param referenceIdBits           the reference ID to serve (its address, or its own for a reference clock)
     * @param peerRootDelaySeconds      the root delay it reported
     * @param peerRootDispersionSeconds the root dispersion it reported
     * @param peer                      its clock filter statistics
     * @param nowNanos                  the time of the update, on the samples' clock
     * @param combined                  the combined offset Θ and system jitter Ψ
     * @param minDistanceSeconds        {@code tos mindist}, the floor of the dispersion increment: it keeps
     *                                  the root dispersion growing hop by hop, which breaks timing loops
     */
    public static ClockUpdate fromSystemPeer(int peerStratum, int referenceIdBits, double peerRootDelaySeconds,
            double peerRootDispersionSeconds, PeerStatistics peer, long nowNanos, CombinedOffset combined,
            double minDistanceSeconds) {
        double sinceUpdateSeconds = Math.max(0, nowNanos - peer.updateNanos()) / 1e9;
        double increment = peer.dispersionSeconds()
                + NtpConstants.PHI * sinceUpdateSeconds
                + Math.abs(combined.offsetSeconds())
                + combined.jitterSeconds();
        return new ClockUpdate(Math.min(peerStratum + 1, NtpConstants.MAXSTRAT), referenceIdBits,
                peerRootDelaySeconds + peer.delaySeconds(),
                peerRootDispersionSeconds + Math.max(increment, minDistanceSeconds));
    }
}
