package org.jntp.discipline;

import java.util.List;

/**
 * What the cluster algorithm kept and dropped.
 *
 * @param survivors the candidates kept, best first: by stratum, then root distance
 * @param outliers  pruned for their selection jitter, in the order pruned
 * @param backups   truechimers beyond {@code tos maxclock}, never considered
 */
public record ClusterResult(List<Candidate> survivors, List<Candidate> outliers, List<Candidate> backups) {

    public ClusterResult {
        survivors = List.copyOf(survivors);
        outliers = List.copyOf(outliers);
        backups = List.copyOf(backups);
    }
}
