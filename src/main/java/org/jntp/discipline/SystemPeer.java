package org.jntp.discipline;

import java.util.List;
import java.util.OptionalInt;

/**
 * Choice of the system peer among the cluster survivors, with hysteresis against clock hopping:
 * a surviving {@code prefer} association wins (ntpd); otherwise the previous system peer stays while
 * it survives at the stratum of the best survivor (RFC 5905 A.5.5.1); otherwise the best survivor.
 */
public final class SystemPeer {

    private SystemPeer() {}

    /**
     * @param survivors             the cluster survivors, best first; not empty
     * @param previousSystemPeerId  the association id of the system peer so far, if any
     */
    public static Candidate choose(List<Candidate> survivors, OptionalInt previousSystemPeerId) {
        for (Candidate survivor : survivors) {
            if (survivor.has(CandidateFlag.PREFER)) {
                return survivor;
            }
        }
        Candidate best = survivors.getFirst();
        if (previousSystemPeerId.isPresent()) {
            for (Candidate survivor : survivors) {
                if (survivor.associationId() == previousSystemPeerId.getAsInt()
                        && survivor.stratum() == best.stratum()) {
                    return survivor;
                }
            }
        }
        return best;
    }
}
