package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random candidate sets against what the intersection must mean. */
class SelectionPropertyTest {
    private static final long SEED = 5905;
    private static final int ROUNDS = 3000;
    private static final SelectionParameters TOS = SelectionParameters.defaults();

    @Test
    void truechimersAndOnlyTheyReachTheIntersection() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            SelectionResult result = Selection.select(randomCandidates(random), TOS);

            result.intersection().ifPresent(interval -> {
                assertThat(result.truechimers()).allMatch(interval::overlaps);
                assertThat(result.falsetickers()).noneMatch(interval::overlaps);
            });
        }
    }

    @Test
    void findsAnIntersectionExactlyWhenAMajorityShareAPoint() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            List<Candidate> candidates = randomCandidates(random);

            SelectionResult result = Selection.select(candidates, TOS);

            assertThat(result.intersection().isPresent())
                    .as("round %d: %s", round, candidates)
                    .isEqualTo(2 * largestClique(candidates) > candidates.size());
        }
    }

    @Test
    void theIntersectionEndsLieInAllButTheAllowedFalsetickers() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            List<Candidate> candidates = randomCandidates(random);

            Selection.select(candidates, TOS).intersection().ifPresent(interval -> {
                int needed = candidates.size() - interval.allowedFalsetickers();
                assertThat(2 * interval.allowedFalsetickers()).isLessThan(candidates.size());
                assertThat(containing(candidates, interval.lowSeconds())).isGreaterThanOrEqualTo(needed);
                assertThat(containing(candidates, interval.highSeconds())).isGreaterThanOrEqualTo(needed);
            });
        }
    }

    @Test
    void aSystemPeerIsASurvivorAndTheOffsetLiesAmongTheSurvivors() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            List<Candidate> candidates = randomCandidates(random);

            if (ClockSelect.run(candidates, TOS, OptionalInt.of(1)) instanceof Mitigation.Synchronized result) {
                assertThat(result.survivors()).contains(result.systemPeer()).isSubsetOf(result.truechimers());
                assertThat(result.survivors().size()).isGreaterThanOrEqualTo(
                        Math.min(TOS.minclock(), result.truechimers().size()));
                double lowest = result.survivors().stream().mapToDouble(Candidate::offsetSeconds).min().orElseThrow();
                double highest = result.survivors().stream().mapToDouble(Candidate::offsetSeconds).max().orElseThrow();
                assertThat(result.combined().offsetSeconds()).isBetween(lowest - 1e-12, highest + 1e-12);
                assertThat(result.statuses().values()).containsOnlyOnce(SelectionStatus.SYSPEER);
                assertThat(result.statuses()).hasSameSizeAs(candidates);
            }
        }
    }

    /** One to nine candidates, offsets within ±100 ms, root distances 1 to 100 ms. */
    private static List<Candidate> randomCandidates(Random random) {
        int count = 1 + random.nextInt(9);
        List<Candidate> candidates = new ArrayList<>(count);
        for (int id = 1; id <= count; id++) {
            double offset = (random.nextDouble() - 0.5) * 0.2;
            double rootDistance = 0.001 + random.nextDouble() * 0.099;
            double jitter = 1e-4 + random.nextDouble() * 0.005;
            candidates.add(Candidate.of(id, offset, rootDistance, jitter, 1 + random.nextInt(3)));
        }
        return candidates;
    }

    /** The most correctness intervals sharing one point, found by trying every lower end. */
    private static int largestClique(List<Candidate> candidates) {
        int largest = 0;
        for (Candidate candidate : candidates) {
            largest = Math.max(largest, containing(candidates, candidate.lowSeconds()));
        }
        return largest;
    }

    private static int containing(List<Candidate> candidates, double pointSeconds) {
        int count = 0;
        for (Candidate candidate : candidates) {
            if (candidate.lowSeconds() <= pointSeconds && pointSeconds <= candidate.highSeconds()) {
                count++;
            }
        }
        return count;
    }
}
