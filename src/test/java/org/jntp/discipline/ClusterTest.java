package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.discipline.Candidates.atStratum;
import static org.jntp.discipline.Candidates.candidate;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterTest {
    private static final SelectionParameters TOS = SelectionParameters.defaults();

    @Test
    void ranksByStratumBeforeRootDistance() {
        Candidate nearStratum2 = atStratum(1, 2, 0.0, 0.010);
        Candidate farStratum1 = atStratum(2, 1, 0.0, 0.500);
        Candidate nearerStratum2 = atStratum(3, 2, 0.0, 0.005);

        ClusterResult result = Cluster.cluster(List.of(nearStratum2, farStratum1, nearerStratum2), TOS);

        assertThat(result.survivors()).containsExactly(farStratum1, nearerStratum2, nearStratum2);
    }

    @Test
    void keepsNoMoreThanMaxclockAndCallsTheRestBackups() {
        SelectionParameters tos = new SelectionParameters(1, 2, 3, 1.5, 0.001, 0, 16);
        List<Candidate> truechimers = List.of(candidate(1, 0.0, 0.04), candidate(2, 0.0, 0.01),
                candidate(3, 0.0, 0.03), candidate(4, 0.0, 0.02));

        ClusterResult result = Cluster.cluster(truechimers, tos);

        assertThat(result.survivors()).extracting(Candidate::associationId).containsExactly(2, 4, 3);
        assertThat(result.backups()).extracting(Candidate::associationId).containsExactly(1);
    }

    @Test
    void prunesTheLargestSelectionJitterFirstDownToMinclock() {
        List<Candidate> truechimers = List.of(candidate(1, 0.0, 0.01), candidate(2, 0.001, 0.01),
                candidate(3, -0.001, 0.01), candidate(4, 0.05, 0.01), candidate(5, 0.02, 0.01));

        ClusterResult result = Cluster.cluster(truechimers, TOS);

        // ψ_s of 0.05 is 45.8 ms against 22.9 ms for 0.02; then 0.02 stands out alone
        assertThat(result.outliers()).extracting(Candidate::associationId).containsExactly(4, 5);
        assertThat(result.survivors()).extracting(Candidate::associationId).containsExactly(1, 2, 3);
    }

    @Test
    void prunesNothingAtMinclock() {
        List<Candidate> truechimers = List.of(candidate(1, 0.0, 0.01), candidate(2, 0.001, 0.01),
                candidate(3, 0.5, 0.01));

        assertThat(Cluster.cluster(truechimers, TOS).outliers()).isEmpty();
    }

    @Test
    void stopsWhenNoSelectionJitterExceedsTheSmallestPeerJitter() {
        SelectionParameters tos = new SelectionParameters(1, 1, 10, 1.5, 0.001, 0, 16);
        List<Candidate> truechimers = List.of(Candidate.of(1, 0.0, 0.01, 0.010, 2),
                Candidate.of(2, 0.002, 0.01, 0.010, 2), Candidate.of(3, -0.002, 0.01, 0.010, 2));

        assertThat(Cluster.cluster(truechimers, tos).survivors()).hasSize(3);
    }

    @Test
    void neverPrunesAPreferredCandidate() {
        SelectionParameters tos = new SelectionParameters(1, 1, 10, 1.5, 0.001, 0, 16);
        Candidate preferred = candidate(3, 0.05, 0.01, CandidateFlag.PREFER);

        ClusterResult result = Cluster.cluster(List.of(candidate(1, 0.0, 0.01), candidate(2, 0.001, 0.01),
                preferred), tos);

        assertThat(result.outliers()).isEmpty();
        assertThat(result.survivors()).contains(preferred);
    }

    @Test
    void neverPrunesATrueCandidate() {
        SelectionParameters tos = new SelectionParameters(1, 1, 10, 1.5, 0.001, 0, 16);

        ClusterResult result = Cluster.cluster(List.of(candidate(1, 0.0, 0.01), candidate(2, 0.001, 0.01),
                candidate(3, 0.05, 0.01, CandidateFlag.TRUE)), tos);

        assertThat(result.outliers()).isEmpty();
    }

    @Test
    void aMinclockOfZeroStillLeavesOneSurvivor() {
        SelectionParameters tos = new SelectionParameters(1, 0, 10, 1.5, 0.001, 0, 16);

        ClusterResult result = Cluster.cluster(List.of(candidate(1, 0.0, 0.01), candidate(2, 0.05, 0.01)), tos);

        assertThat(result.survivors()).hasSize(1);
    }
}
