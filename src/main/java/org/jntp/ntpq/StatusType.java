package org.jntp.ntpq;

import org.jntp.protocol.control.PeerStatus;
import org.jntp.protocol.control.SystemStatus;

/** Whose status word a reply carries: the system's (association 0) or a peer's ({@code TYPE_SYS}, {@code TYPE_PEER}). */
public enum StatusType {
    /** Association 0. */
    SYSTEM,
    /** Any other association. */
    PEER;

    /** The type of a reply for an association. */
    public static StatusType of(int associationId) {
        return associationId == 0 ? SYSTEM : PEER;
    }

    /** libntp's {@code statustoa}: the status word in words. */
    public String describe(int status) {
        return switch (this) {
            case SYSTEM -> SystemStatus.decode(status).describe();
            case PEER -> PeerStatus.decode(status).describe();
        };
    }
}
