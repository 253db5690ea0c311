package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jntp.discipline.Candidates.atStratum;
import static org.jntp.discipline.Candidates.candidate;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private static final SelectionParameters TOS = SelectionParameters.defaults();

    private final Candidate a = candidate(1, 0.000, 0.010);
    private final Candidate b = candidate(2, 0.002, 0.010);
    private final Candidate c = candidate(3, -0.001, 0.010);
    private final Candidate falseticker = candidate(4, 0.5, 0.010);

    @Test
    void castsOutOneFalsetickerAmongThreeThatAgree() {
        SelectionResult result = Selection.select(List.of(a, b, c, falseticker), TOS);

        assertThat(result.truechimers()).containsExactly(a, b, c);
        assertThat(result.falsetickers()).containsExactly(falseticker);
        assertIntersection(result, 1);
    }

    @Test
    void twoThatAgreeOutvoteOneFalseticker() {
        SelectionResult result = Selection.select(List.of(a, falseticker, b), TOS);

        assertThat(result.truechimers()).containsExactly(a, b);
        assertThat(result.falsetickers()).containsExactly(falseticker);
    }

    @Test
    void oneAgainstOneIsNoMajority() {
        SelectionResult result = Selection.select(List.of(a, falseticker), TOS);

        assertThat(result.truechimers()).isEmpty();
        assertThat(result.falsetickers()).containsExactly(a, falseticker);
        assertThat(result.intersection()).isEmpty();
    }

    @Test
    void allOverlappingAreTruechimersWithNoFalsetickerAllowed() {
        SelectionResult result = Selection.select(List.of(a, b, c), TOS);

        assertThat(result.truechimers()).containsExactly(a, b, c);
        assertIntersection(result, 0);
    }

    @Test
    void aSingleCandidateIsItsOwnMajority() {
        assertThat(Selection.select(List.of(a), TOS).truechimers()).containsExactly(a);
    }

    @Test
    void countsAnIntervalThatOnlyOverlapsTheIntersectionAsATruechimer() {
        Candidate wide = candidate(5, 0.05, 0.045);

        assertThat(Selection.select(List.of(a, b, c, wide), TOS).truechimers()).contains(wide);
    }

    @Test
    void keepsATrueCandidateOutsideTheIntersection() {
        Candidate alwaysTrue = candidate(4, 0.5, 0.010, CandidateFlag.TRUE);

        SelectionResult result = Selection.select(List.of(a, b, c, alwaysTrue), TOS);

        assertThat(result.truechimers()).containsExactly(a, b, c, alwaysTrue);
        assertThat(result.falsetickers()).isEmpty();
    }

    @Test
    void aTrueCandidateSurvivesWhenThereIsNoMajority() {
        Candidate alwaysTrue = candidate(4, 0.5, 0.010, CandidateFlag.TRUE);

        SelectionResult result = Selection.select(List.of(a, alwaysTrue), TOS);

        assertThat(result.truechimers()).containsExactly(alwaysTrue);
        assertThat(result.falsetickers()).containsExactly(a);
    }

    @Test
    void rejectsARootDistanceOfMaxdistOrMore() {
        Candidate atMaxdist = candidate(5, 0.0, NtpConstants.MAXDIST);
        Candidate justUnder = candidate(6, 0.0, NtpConstants.MAXDIST - 1e-9);

        SelectionResult result = Selection.select(List.of(atMaxdist, justUnder), TOS);

        assertThat(result.rejected()).containsExactly(atMaxdist);
        assertThat(result.truechimers()).containsExactly(justUnder);
    }

    @Test
    void rejectsAnUnsynchronisedStratum() {
        Candidate unsynchronised = atStratum(5, NtpConstants.MAXSTRAT, 0.0, 0.010);

        assertThat(Selection.select(List.of(a, unsynchronised), TOS).rejected()).containsExactly(unsynchronised);
    }

    @Test
    void rejectsStrataOutsideTheTosFloorAndCeiling() {
        SelectionParameters tos = new SelectionParameters(1, 3, 10, 1.5, 0.001, 2, 4);
        Candidate primary = atStratum(5, 1, 0.0, 0.010);
        Candidate tooHigh = atStratum(6, 4, 0.0, 0.010);

        assertThat(Selection.select(List.of(a, primary, tooHigh), tos).rejected()).containsExactly(primary, tooHigh);
    }

    @Test
    void leavesTheLocalClockOutWhileAnotherSourceSurvives() {
        Candidate local = candidate(9, 0.0, 0.011, CandidateFlag.LOCAL_CLOCK);

        SelectionResult result = Selection.select(List.of(local, falseticker), TOS);

        assertThat(result.truechimers()).containsExactly(falseticker);
        assertThat(result.rejected()).containsExactly(local);
    }

    @Test
    void fallsBackOnTheLocalClockWhenNoOtherSourceSurvives() {
        Candidate local = candidate(9, 0.0, 0.011, CandidateFlag.LOCAL_CLOCK);

        SelectionResult result = Selection.select(List.of(a, local, falseticker), TOS);

        assertThat(result.truechimers()).containsExactly(local);
        assertThat(result.falsetickers()).containsExactly(a, falseticker);
        assertThat(result.rejected()).isEmpty();
    }

    @Test
    void aPreferredLocalClockTakesPartLikeAnyOtherSource() {
        Candidate local = candidate(9, 0.0, 0.011, CandidateFlag.LOCAL_CLOCK, CandidateFlag.PREFER);

        SelectionResult result = Selection.select(List.of(local, falseticker), TOS);

        assertThat(result.truechimers()).isEmpty();
        assertThat(result.falsetickers()).containsExactly(local, falseticker);
    }

    /** a, b and c meet in [b's low end, c's high end]. */
    private static void assertIntersection(SelectionResult result, int allowedFalsetickers) {
        IntersectionInterval interval = result.intersection().orElseThrow();
        assertThat(interval.lowSeconds()).isCloseTo(-0.008, within(1e-15));
        assertThat(interval.highSeconds()).isCloseTo(0.009, within(1e-15));
        assertThat(interval.allowedFalsetickers()).isEqualTo(allowedFalsetickers);
    }
}
