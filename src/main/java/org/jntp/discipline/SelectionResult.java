package org.jntp.discipline;

import java.util.List;
import java.util.Optional;

/**
 * What the selection algorithm made of the candidates, each list in the order given.
 *
 * @param rejected      unfit to synchronise (stratum or distance), and local clock drivers not needed
 * @param falsetickers  fit, but their correctness intervals miss the intersection
 * @param truechimers   the majority clique, {@code true} associations, or the local clock driver as
 *                      a last resort; empty when no selection is possible
 * @param intersection  the intersection interval, if a majority was found
 */
public record SelectionResult(List<Candidate> rejected, List<Candidate> falsetickers, List<Candidate> truechimers,
        Optional<IntersectionInterval> intersection) {

    public SelectionResult {
        rejected = List.copyOf(rejected);
        falsetickers = List.copyOf(falsetickers);
        truechimers = List.copyOf(truechimers);
    }
}
