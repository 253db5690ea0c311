package org.jntp.server.control;

import java.util.Objects;
import org.jntp.server.access.RestrictEntry;

/**
 * One entry of the restrict list, as ntpq's {@code reslist} shows it.
 *
 * @param hits packets that matched it so far
 */
public record RestrictionHits(RestrictEntry entry, long hits) {
    /** Requires an entry. */
    public RestrictionHits {
        Objects.requireNonNull(entry, "entry");
    }
}
