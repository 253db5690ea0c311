package org.jntp.config;

import java.util.Optional;

/**
 * One server, pool or peer line.
 *
 * @param origin where the line was read; empty for associations made in code
 */
public record Association(AssociationType type, ServerAddress address, AssociationOptions options,
        Optional<LineOrigin> origin) {

    /** An association not read from a file. */
    public Association(AssociationType type, ServerAddress address, AssociationOptions options) {
        this(type, address, options, Optional.empty());
    }

    /** Whether the address is a reference clock (127.127.t.u) rather than a network server. */
    public boolean isRefclock() {
        return address instanceof RefclockAddress;
    }
}
