package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jntp.discipline.Candidates.candidate;

import java.util.List;
import org.junit.jupiter.api.Test;

class CombineTest {
    // weights 1/λ: 100, 50 and 20
    private final Candidate a = candidate(1, 0.010, 0.01);
    private final Candidate b = candidate(2, 0.020, 0.02);
    private final Candidate c = candidate(3, -0.010, 0.05);

    @Test
    void weighsOffsetsByTheInverseOfTheRootDistance() {
        CombinedOffset combined = Combine.combine(List.of(a, b, c), a);

        // (100 × 0.010 + 50 × 0.020 − 20 × 0.010) / 170
        assertThat(combined.offsetSeconds()).isCloseTo(1.8 / 170, within(1e-15));
    }

    @Test
    void jitterJoinsTheWeightedSpreadAboutTheSystemPeerWithItsOwnJitter() {
        CombinedOffset combined = Combine.combine(List.of(a, b, c), a);

        // (50 × 0.010² + 20 × 0.020²) / 170, plus 0.001²
        assertThat(combined.jitterSeconds()).isCloseTo(Math.sqrt(0.013 / 170 + 1e-6), within(1e-15));
    }

    @Test
    void aSingleSurvivorGivesItsOwnOffsetAndJitter() {
        CombinedOffset combined = Combine.combine(List.of(b), b);

        assertThat(combined.offsetSeconds()).isEqualTo(0.020);
        assertThat(combined.jitterSeconds()).isCloseTo(Candidates.JITTER, within(1e-18));
    }

    @Test
    void aPreferredSystemPeerIsUsedAlone() {
        Candidate preferred = Candidate.of(3, -0.010, 0.05, 0.004, 2, CandidateFlag.PREFER);

        CombinedOffset combined = Combine.combine(List.of(a, b, preferred), preferred);

        assertThat(combined).isEqualTo(new CombinedOffset(-0.010, 0.004));
    }
}
