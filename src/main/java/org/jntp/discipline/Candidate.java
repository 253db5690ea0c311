package org.jntp.discipline;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One association as the mitigation algorithms see it. The caller passes only associations that are
 * reachable, synchronised (leap not 3) and not in a timing loop; the rest show as
 * {@link SelectionStatus#REJECT}.
 *
 * @param associationId         the association's id, unique in one selection
 * @param offsetSeconds         θ from its clock filter
 * @param rootDistanceSeconds   λ, from {@link RootDistance#of}
 * @param jitterSeconds         ψ from its clock filter
 * @param stratum               the stratum the source reported
 * @param flags                 its {@link CandidateFlag}s
 */
public record Candidate(int associationId, double offsetSeconds, double rootDistanceSeconds, double jitterSeconds,
        int stratum, Set<CandidateFlag> flags) {

    public Candidate {
        flags = Set.copyOf(flags);
    }

    /** A candidate with the given flags, if any. */
    public static Candidate of(int associationId, double offsetSeconds, double rootDistanceSeconds,
            double jitterSeconds, int stratum, CandidateFlag... flags) {
        Set<CandidateFlag> set = EnumSet.noneOf(CandidateFlag.class);
        Collections.addAll(set, flags);
        return new Candidate(associationId, offsetSeconds, rootDistanceSeconds, jitterSeconds, stratum, set);
    }

    /** Whether the association carries {@code flag}. */
    public boolean has(CandidateFlag flag) {
        return flags.contains(flag);
    }

    /** The lower end of its correctness interval, θ − λ. */
    public double lowSeconds() {
        return offsetSeconds - rootDistanceSeconds;
    }

    /** The upper end of its correctness interval, θ + λ. */
    public double highSeconds() {
        return offsetSeconds + rootDistanceSeconds;
    }
}
