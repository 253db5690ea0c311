package org.jntp.server.control;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything mode 6 shows, as of one moment: the system and every association, by ascending ID
 * (the order ntpq sorts them in), and where to read the daemon's addresses and restrict list.
 * Immutable; the client thread publishes a new one as it goes.
 *
 * @param lists the addresses and restrictions READ_ORDLIST_A lists, read when asked
 */
public record ControlState(SystemState system, List<AssociationState> associations, OrderedLists lists) {
    /** Sorts and copies the associations. */
    public ControlState {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(lists, "lists");
        associations = associations.stream().sorted(Comparator.comparingInt(AssociationState::associationId))
                .toList();
    }

    /** A state with no addresses or restrictions to list. */
    public ControlState(SystemState system, List<AssociationState> associations) {
        this(system, associations, OrderedLists.none());
    }

    /** This state, listing the daemon's addresses and restrictions from lists. */
    public ControlState withLists(OrderedLists lists) {
        return new ControlState(system, associations, lists);
    }

    /** The association with this ID. */
    public Optional<AssociationState> association(int associationId) {
        return associations.stream().filter(a -> a.associationId() == associationId).findFirst();
    }
}
