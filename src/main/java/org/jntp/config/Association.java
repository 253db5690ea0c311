package org.jntp.config;

/** One server, pool or peer line. */
public record Association(AssociationType type, ServerAddress address, AssociationOptions options) {
    /** Whether the address is a reference clock (127.127.t.u) rather than a network server. */
    public boolean isRefclock() {
        return address instanceof RefclockAddress;
    }
}
