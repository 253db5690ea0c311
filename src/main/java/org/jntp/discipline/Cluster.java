package org.jntp.discipline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cluster algorithm (RFC 5905 §11.2.2, A.5.5.1's second half): rank the truechimers by
 * stratum × maxdist + λ, keep the first {@code tos maxclock}, then repeatedly prune the one with the
 * largest selection jitter while more than {@code tos minclock} remain and pruning can still lower
 * the jitter below the smallest peer jitter. As in ntpd, {@code prefer} and {@code true}
 * associations are never pruned: reaching one ends the pruning.
 */
public final class Cluster {

    private Cluster() {}

    /** Ranks and prunes {@code truechimers}. */
    public static ClusterResult cluster(List<Candidate> truechimers, SelectionParameters tos) {
        List<Candidate> ranked = new ArrayList<>(truechimers);
        ranked.sort(Comparator.comparingDouble(candidate -> metric(candidate, tos)));
        int kept = Math.min(ranked.size(), tos.maxclock());
        List<Candidate> survivors = new ArrayList<>(ranked.subList(0, kept));
        List<Candidate> backups = ranked.subList(kept, ranked.size());

        List<Candidate> outliers = new ArrayList<>();
        int fewest = Math.max(1, tos.minclock());
        while (survivors.size() > fewest) {
            int worst = worstIndex(survivors);
            Candidate candidate = survivors.get(worst);
            boolean immune = candidate.has(CandidateFlag.PREFER) || candidate.has(CandidateFlag.TRUE);
            if (immune || selectionJitter(survivors, worst) <= smallestPeerJitter(survivors)) {
                break;
            }
            outliers.add(survivors.remove(worst));
        }
        return new ClusterResult(survivors, outliers, backups);
    }

    /** The ranking: every fit λ is below maxdist, so stratum comes first and λ breaks ties. */
    static double metric(Candidate candidate, SelectionParameters tos) {
        return candidate.stratum() * tos.maxDistanceSeconds() + candidate.rootDistanceSeconds();
    }

    /**
     * ψ_s of survivor {@code index}: the RMS of its offset's differences from the others'.
     * At least two survivors are assumed.
     */
    static double selectionJitter(List<Candidate> survivors, int index) {
        double offset = survivors.get(index).offsetSeconds();
        double sumOfSquares = 0;
        for (Candidate other : survivors) {
            double difference = other.offsetSeconds() - offset;
            sumOfSquares += difference * difference;
        }
        return Math.sqrt(sumOfSquares / (survivors.size() - 1));
    }

    /** The survivor with the largest selection jitter; of equals, the worst-ranked. */
    private static int worstIndex(List<Candidate> survivors) {
        int worst = 0;
        double largest = -1;
        for (int i = 0; i < survivors.size(); i++) {
            double jitter = selectionJitter(survivors, i);
            if (jitter >= largest) {
                largest = jitter;
                worst = i;
            }
        }
        return worst;
    }

    private static double smallestPeerJitter(List<Candidate> survivors) {
        double smallest = Double.POSITIVE_INFINITY;
        for (Candidate survivor : survivors) {
            smallest = Math.min(smallest, survivor.jitterSeconds());
        }
        return smallest;
    }
}
