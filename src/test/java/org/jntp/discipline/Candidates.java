package org.jntp.discipline;

/** Short ways to write candidates in tests: stratum 2, jitter 1 ms unless said. */
final class Candidates {
    static final double JITTER = 0.001;

    private Candidates() {}

    static Candidate candidate(int id, double offset, double rootDistance, CandidateFlag... flags) {
        return Candidate.of(id, offset, rootDistance, JITTER, 2, flags);
    }

    static Candidate atStratum(int id, int stratum, double offset, double rootDistance) {
        return Candidate.of(id, offset, rootDistance, JITTER, stratum);
    }
}
