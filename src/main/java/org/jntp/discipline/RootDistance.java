package org.jntp.discipline;

/** The root synchronization distance λ of an association (RFC 5905 §10 and A.5.5.2, ntpd's {@code root_distance}). */
public final class RootDistance {

    private RootDistance() {}

    /**
     * λ = (root delay + δ)/2 + root dispersion + ε + φ × (now − update) + ψ, at least
     * {@code minDistanceSeconds}: the floor keeps very precise sources from swapping the system peer
     * back and forth.
     *
     * @param peer                      the association's filter statistics
     * @param rootDelaySeconds          the root delay the source reported
     * @param rootDispersionSeconds     the root dispersion the source reported
     * @param nowNanos                  the time of the reckoning, on the same clock as the samples
     * @param minDistanceSeconds        {@code tos mindist}
     */
    public static double of(PeerStatistics peer, double rootDelaySeconds, double rootDispersionSeconds,
            long nowNanos, double minDistanceSeconds) {
        double sinceUpdateSeconds = Math.max(0, nowNanos - peer.updateNanos()) / 1e9;
        double distance = (rootDelaySeconds + peer.delaySeconds()) / 2
                + rootDispersionSeconds
                + peer.dispersionSeconds()
                + NtpConstants.PHI * sinceUpdateSeconds
                + peer.jitterSeconds();
        return Math.max(distance, minDistanceSeconds);
    }
}
