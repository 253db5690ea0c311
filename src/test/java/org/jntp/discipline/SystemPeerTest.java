package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.discipline.Candidates.atStratum;
import static org.jntp.discipline.Candidates.candidate;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SystemPeerTest {
    private final Candidate best = candidate(1, 0.0, 0.01);
    private final Candidate second = candidate(2, 0.001, 0.02);

    @Test
    void choosesTheBestSurvivorWithoutAPreviousSystemPeer() {
        assertThat(SystemPeer.choose(List.of(best, second), OptionalInt.empty())).isEqualTo(best);
    }

    @Test
    void keepsThePreviousSystemPeerWhileItSurvivesAtTheBestStratum() {
        assertThat(SystemPeer.choose(List.of(best, second), OptionalInt.of(2))).isEqualTo(second);
    }

    @Test
    void leavesThePreviousSystemPeerOnceItNoLongerSurvives() {
        assertThat(SystemPeer.choose(List.of(best, second), OptionalInt.of(7))).isEqualTo(best);
    }

    @Test
    void leavesThePreviousSystemPeerForALowerStratum() {
        Candidate primary = atStratum(3, 1, 0.0, 0.05);

        assertThat(SystemPeer.choose(List.of(primary, best), OptionalInt.of(1))).isEqualTo(primary);
    }

    @Test
    void aPreferredSurvivorWinsOverThePreviousSystemPeer() {
        Candidate preferred = candidate(3, 0.002, 0.03, CandidateFlag.PREFER);

        assertThat(SystemPeer.choose(List.of(best, second, preferred), OptionalInt.of(1))).isEqualTo(preferred);
    }
}
