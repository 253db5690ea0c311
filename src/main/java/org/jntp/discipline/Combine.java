package org.jntp.discipline;

import java.util.List;

/**
 * The combine algorithm (RFC 5905 §11.2.3, A.5.5.5): the survivors' offsets averaged with weights
 * 1/λ. The system jitter Ψ = √(Ψ_s² + ψ_p²), Ψ_s being the weighted RMS of the offsets about the
 * system peer's and ψ_p the system peer's own jitter (the RFC's form; ntpd 4.2.8 uses the system
 * peer's selection jitter for ψ_p). As in ntpd, a {@code prefer} system peer is not averaged: its
 * offset and jitter are used alone.
 */
public final class Combine {

    private Combine() {}

    /**
     * @param survivors   the cluster survivors; not empty
     * @param systemPeer  the chosen system peer, one of them
     */
    public static CombinedOffset combine(List<Candidate> survivors, Candidate systemPeer) {
        if (systemPeer.has(CandidateFlag.PREFER)) {
            return new CombinedOffset(systemPeer.offsetSeconds(), systemPeer.jitterSeconds());
        }
        double weights = 0;
        double weightedOffsets = 0;
        double weightedSquares = 0;
        for (Candidate survivor : survivors) {
            double weight = 1 / survivor.rootDistanceSeconds();
            double difference = survivor.offsetSeconds() - systemPeer.offsetSeconds();
            weights += weight;
            weightedOffsets += weight * survivor.offsetSeconds();
            weightedSquares += weight * difference * difference;
        }
        double peerJitter = systemPeer.jitterSeconds();
        return new CombinedOffset(weightedOffsets / weights,
                Math.sqrt(weightedSquares / weights + peerJitter * peerJitter));
    }
}
