package org.jntp.server.control;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything mode 6 shows, as of one moment: the system and every association, by ascending ID
 * (the order ntpq sorts them in). Immutable; the client thread publishes a new one as it goes.
 */
public record ControlState(SystemState system, List<AssociationState> associations) {
    /** Sorts and copies the associations. */
    public ControlState {
        Objects.requireNonNull(system, "system");
        associations = associations.stream().sorted(Comparator.comparingInt(AssociationState::associationId))
                .toList();
    }

    /** The association with this ID. */
    public Optional<AssociationState> association(int associationId) {
        return associations.stream().filter(a -> a.associationId() == associationId).findFirst();
    }
}
