package org.jntp.discipline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The system process's mitigation algorithms in one call (RFC 5905 §11.2, ntpd's
 * {@code clock_select}): {@link Selection}, {@link Cluster}, {@link SystemPeer} and
 * {@link Combine}, in that order.
 */
public final class ClockSelect {

    private ClockSelect() {}

    /**
     * @param candidates            the reachable, synchronised associations, each with a distinct id
     * @param tos                   the {@code tos} settings
     * @param previousSystemPeerId  the system peer so far, for hysteresis
     */
    public static Mitigation run(List<Candidate> candidates, SelectionParameters tos,
            OptionalInt previousSystemPeerId) {
        SelectionResult selection = Selection.select(candidates, tos);
        Map<Integer, SelectionStatus> statuses = new HashMap<>();
        mark(statuses, selection.rejected(), SelectionStatus.REJECT);
        mark(statuses, selection.falsetickers(), SelectionStatus.FALSETICK);
        if (selection.truechimers().isEmpty()) {
            NoSelectionReason reason = selection.falsetickers().isEmpty()
                    ? NoSelectionReason.NO_CANDIDATES
                    : NoSelectionReason.NO_MAJORITY;
            return new Mitigation.Unsynchronized(reason, selection.falsetickers(), List.of(), List.of(), statuses);
        }

        ClusterResult cluster = Cluster.cluster(selection.truechimers(), tos);
        mark(statuses, cluster.outliers(), SelectionStatus.OUTLIER);
        mark(statuses, cluster.backups(), SelectionStatus.BACKUP);
        mark(statuses, cluster.survivors(), SelectionStatus.CANDIDATE);
        if (cluster.survivors().size() < tos.minsane()) {
            return new Mitigation.Unsynchronized(NoSelectionReason.TOO_FEW_SURVIVORS, selection.falsetickers(),
                    selection.truechimers(), cluster.survivors(), statuses);
        }

        Candidate systemPeer = SystemPeer.choose(cluster.survivors(), previousSystemPeerId);
        statuses.put(systemPeer.associationId(), SelectionStatus.SYSPEER);
        CombinedOffset combined = Combine.combine(cluster.survivors(), systemPeer);
        return new Mitigation.Synchronized(selection.falsetickers(), selection.truechimers(), cluster.survivors(),
                statuses, systemPeer, combined);
    }

    private static void mark(Map<Integer, SelectionStatus> statuses, List<Candidate> candidates,
            SelectionStatus status) {
        for (Candidate candidate : candidates) {
            statuses.put(candidate.associationId(), status);
        }
    }
}
