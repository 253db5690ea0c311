package org.jntp.discipline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The selection algorithm (RFC 5905 §11.2.1, A.5.5.1), as ntpd 4.2.8's {@code clock_select} runs
 * it: Marzullo's intersection of correctness intervals [θ − λ, θ + λ], allowing ever more
 * falsetickers while they stay a minority. A truechimer is a candidate whose interval overlaps the
 * intersection. ntpd's refinements: {@code true} associations are always truechimers, and a local
 * clock driver takes no part unless preferred, standing in only when no other source survives.
 */
public final class Selection {

    private Selection() {}

    /** Splits {@code candidates} into rejected, falsetickers and truechimers. */
    public static SelectionResult select(List<Candidate> candidates, SelectionParameters tos) {
        List<Candidate> rejected = new ArrayList<>();
        List<Candidate> localClocks = new ArrayList<>();
        List<Candidate> fit = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (!isFit(candidate, tos)) {
                rejected.add(candidate);
            } else if (candidate.has(CandidateFlag.LOCAL_CLOCK) && !candidate.has(CandidateFlag.PREFER)) {
                localClocks.add(candidate);
            } else {
                fit.add(candidate);
            }
        }

        Optional<IntersectionInterval> intersection = intersect(fit);
        List<Candidate> truechimers = new ArrayList<>();
        List<Candidate> falsetickers = new ArrayList<>();
        for (Candidate candidate : fit) {
            boolean overlaps = intersection.map(interval -> interval.overlaps(candidate)).orElse(false);
            if (overlaps || candidate.has(CandidateFlag.TRUE)) {
                truechimers.add(candidate);
            } else {
                falsetickers.add(candidate);
            }
        }
        if (truechimers.isEmpty() && !localClocks.isEmpty()) {
            truechimers.add(localClocks.removeFirst());
        }
        rejected.addAll(localClocks);
        return new SelectionResult(rejected, falsetickers, truechimers, intersection);
    }

    /** ntpd's stratum and distance tests (its {@code peer_unfit}, tests 10 and 11). */
    static boolean isFit(Candidate candidate, SelectionParameters tos) {
        return candidate.stratum() >= tos.floor()
                && candidate.stratum() < tos.ceiling()
                && candidate.rootDistanceSeconds() < tos.maxDistanceSeconds();
    }

    /**
     * The smallest interval that, for the fewest allowed falsetickers f below half, lies within at
     * least n − f correctness intervals: the lowest point reached by n − f of them scanning up, and
     * the highest scanning down.
     */
    static Optional<IntersectionInterval> intersect(List<Candidate> candidates) {
        int n = candidates.size();
        Endpoint[] endpoints = new Endpoint[2 * n];
        for (int i = 0; i < n; i++) {
            Candidate candidate = candidates.get(i);
            endpoints[2 * i] = new Endpoint(candidate.lowSeconds(), 1);
            endpoints[2 * i + 1] = new Endpoint(candidate.highSeconds(), -1);
        }
        // at equal values lower ends come first, so intervals that touch count as meeting
        Arrays.sort(endpoints, Comparator.comparingDouble(Endpoint::valueSeconds)
                .thenComparing(Comparator.comparingInt(Endpoint::opens).reversed()));

        for (int allow = 0; 2 * allow < n; allow++) {
            OptionalDouble low = lowestReachedBy(endpoints, n - allow);
            OptionalDouble high = highestReachedBy(endpoints, n - allow);
            if (low.isPresent() && high.isPresent() && high.getAsDouble() > low.getAsDouble()) {
                return Optional.of(new IntersectionInterval(low.getAsDouble(), high.getAsDouble(), allow));
            }
        }
        return Optional.empty();
    }

    /** Scanning up, the first endpoint at which {@code needed} intervals are open. */
    private static OptionalDouble lowestReachedBy(Endpoint[] endpoints, int needed) {
        int open = 0;
        for (Endpoint endpoint : endpoints) {
            open += endpoint.opens();
            if (open >= needed) {
                return OptionalDouble.of(endpoint.valueSeconds());
            }
        }
        return OptionalDouble.empty();
    }

    /** Scanning down, the first endpoint at which {@code needed} intervals are open. */
    private static OptionalDouble highestReachedBy(Endpoint[] endpoints, int needed) {
        int open = 0;
        for (int i = endpoints.length - 1; i >= 0; i--) {
            open -= endpoints[i].opens();
            if (open >= needed) {
                return OptionalDouble.of(endpoints[i].valueSeconds());
            }
        }
        return OptionalDouble.empty();
    }

    /** One end of a correctness interval: {@code opens} is +1 for a lower end, −1 for an upper. */
    private record Endpoint(double valueSeconds, int opens) {}
}
