package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.discipline.Candidates.atStratum;
import static org.jntp.discipline.Candidates.candidate;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ClockSelectTest {
    private static final SelectionParameters TOS = SelectionParameters.defaults();

    private final Candidate best = candidate(1, 0.000, 0.010);
    private final Candidate good = candidate(2, 0.001, 0.012);
    private final Candidate fair = candidate(3, -0.001, 0.014);
    private final Candidate wanderer = candidate(4, 0.015, 0.020);
    private final Candidate falseticker = candidate(5, 0.5, 0.010);
    private final Candidate unfit = atStratum(6, NtpConstants.MAXSTRAT, 0.0, 0.010);

    @Test
    void marksEveryCandidateAsNtpqShowsIt() {
        Mitigation result = ClockSelect.run(List.of(best, good, fair, wanderer, falseticker, unfit), TOS,
                OptionalInt.empty());

        assertThat(result).isInstanceOf(Mitigation.Synchronized.class);
        assertThat(result.status(1)).isEqualTo(SelectionStatus.SYSPEER);
        assertThat(result.status(2)).isEqualTo(SelectionStatus.CANDIDATE);
        assertThat(result.status(3)).isEqualTo(SelectionStatus.CANDIDATE);
        assertThat(result.status(4)).isEqualTo(SelectionStatus.OUTLIER);
        assertThat(result.status(5)).isEqualTo(SelectionStatus.FALSETICK);
        assertThat(result.status(6)).isEqualTo(SelectionStatus.REJECT);
    }

    @Test
    void reportsTheSurvivorsSystemPeerAndCombinedOffset() {
        Mitigation.Synchronized result = (Mitigation.Synchronized) ClockSelect.run(
                List.of(best, good, fair, wanderer, falseticker), TOS, OptionalInt.empty());

        assertThat(result.truechimers()).containsExactly(best, good, fair, wanderer);
        assertThat(result.falsetickers()).containsExactly(falseticker);
        assertThat(result.survivors()).containsExactly(best, good, fair);
        assertThat(result.systemPeer()).isEqualTo(best);
        assertThat(result.combined()).isEqualTo(Combine.combine(List.of(best, good, fair), best));
    }

    @Test
    void keepsThePreviousSystemPeer() {
        Mitigation.Synchronized result = (Mitigation.Synchronized) ClockSelect.run(List.of(best, good, fair), TOS,
                OptionalInt.of(3));

        assertThat(result.systemPeer()).isEqualTo(fair);
        assertThat(result.status(1)).isEqualTo(SelectionStatus.CANDIDATE);
    }

    @Test
    void marksTruechimersBeyondMaxclockAsBackups() {
        SelectionParameters tos = new SelectionParameters(1, 1, 2, 1.5, 0.001, 0, 16);

        Mitigation result = ClockSelect.run(List.of(fair, good, best), tos, OptionalInt.empty());

        assertThat(result.status(3)).isEqualTo(SelectionStatus.BACKUP);
    }

    @Test
    void hasNoSystemPeerWithoutAMajority() {
        Mitigation result = ClockSelect.run(List.of(best, falseticker), TOS, OptionalInt.of(1));

        assertThat(result).isEqualTo(new Mitigation.Unsynchronized(NoSelectionReason.NO_MAJORITY,
                List.of(best, falseticker), List.of(), List.of(),
                Map.of(1, SelectionStatus.FALSETICK, 5, SelectionStatus.FALSETICK)));
    }

    @Test
    void hasNoSystemPeerWithoutAFitCandidate() {
        Mitigation result = ClockSelect.run(List.of(unfit), TOS, OptionalInt.empty());

        assertThat(result).isInstanceOf(Mitigation.Unsynchronized.class);
        assertThat(((Mitigation.Unsynchronized) result).reason()).isEqualTo(NoSelectionReason.NO_CANDIDATES);
        assertThat(result.status(6)).isEqualTo(SelectionStatus.REJECT);
    }

    @Test
    void hasNoSystemPeerWithFewerSurvivorsThanMinsane() {
        SelectionParameters tos = new SelectionParameters(3, 3, 10, 1.5, 0.001, 0, 16);

        Mitigation result = ClockSelect.run(List.of(best, good, falseticker), tos, OptionalInt.empty());

        assertThat(result).isInstanceOf(Mitigation.Unsynchronized.class);
        assertThat(((Mitigation.Unsynchronized) result).reason()).isEqualTo(NoSelectionReason.TOO_FEW_SURVIVORS);
        assertThat(result.survivors()).containsExactly(best, good);
        assertThat(result.status(1)).isEqualTo(SelectionStatus.CANDIDATE);
    }

    @Test
    void synchronisesToTheLocalClockOnlyAsALastResort() {
        Candidate local = candidate(9, 0.0, 0.011, CandidateFlag.LOCAL_CLOCK);

        Mitigation withSources = ClockSelect.run(List.of(best, good, local), TOS, OptionalInt.empty());
        Mitigation alone = ClockSelect.run(List.of(local), TOS, OptionalInt.empty());

        assertThat(withSources.status(9)).isEqualTo(SelectionStatus.REJECT);
        assertThat(alone.status(9)).isEqualTo(SelectionStatus.SYSPEER);
    }

    @Test
    void steersByAPreferredSystemPeerAlone() {
        Candidate preferred = Candidate.of(3, -0.001, 0.014, 0.002, 2, CandidateFlag.PREFER);

        Mitigation.Synchronized result = (Mitigation.Synchronized) ClockSelect.run(List.of(best, good, preferred),
                TOS, OptionalInt.of(1));

        assertThat(result.systemPeer()).isEqualTo(preferred);
        assertThat(result.combined()).isEqualTo(new CombinedOffset(-0.001, 0.002));
    }
}
