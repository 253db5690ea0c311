package org.jntp.discipline;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one run of the mitigation algorithms ({@link ClockSelect}): either a system peer
 * and the combined offset, or the reason there is none. Both say where each candidate stands.
 */
public sealed interface Mitigation {

    /** Candidates outside the intersection interval, in the order given. */
    List<Candidate> falsetickers();

    /** The truechimers, in the order given. */
    List<Candidate> truechimers();

    /** The cluster survivors, best first. */
    List<Candidate> survivors();

    /** The status of every candidate given, by association id. */
    Map<Integer, SelectionStatus> statuses();

    /** The status of one association; {@link SelectionStatus#REJECT} for one not given. */
    default SelectionStatus status(int associationId) {
        return statuses().getOrDefault(associationId, SelectionStatus.REJECT);
    }

    /**
     * A system peer was chosen.
     *
     * @param systemPeer the system peer, one of the survivors
     * @param combined   the combined offset and system jitter to steer by
     */
    record Synchronized(List<Candidate> falsetickers, List<Candidate> truechimers, List<Candidate> survivors,
            Map<Integer, SelectionStatus> statuses, Candidate systemPeer, CombinedOffset combined)
            implements Mitigation {

        public Synchronized {
            falsetickers = List.copyOf(falsetickers);
            truechimers = List.copyOf(truechimers);
            survivors = List.copyOf(survivors);
            statuses = Map.copyOf(statuses);
        }
    }

    /**
     * No system peer: the clock must not be steered by this run.
     *
     * @param reason why
     */
    record Unsynchronized(NoSelectionReason reason, List<Candidate> falsetickers, List<Candidate> truechimers,
            List<Candidate> survivors, Map<Integer, SelectionStatus> statuses) implements Mitigation {

        public Unsynchronized {
            falsetickers = List.copyOf(falsetickers);
            truechimers = List.copyOf(truechimers);
            survivors = List.copyOf(survivors);
            statuses = Map.copyOf(statuses);
        }
    }
}
