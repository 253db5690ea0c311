package org.jntp.config;

import java.util.Optional;

/** The flag options of server, pool and peer lines. */
public enum AssociationFlag {
    /** Send a burst of packets at each poll while the server is reachable. */
    BURST("burst"),
    /** Send a burst of packets at each poll while the server is unreachable, to synchronize sooner. */
    IBURST("iburst"),
    /** Never select this source for synchronization; monitor it only. */
    NOSELECT("noselect"),
    /** Demobilize the association when it stops contributing. */
    PREEMPT("preempt"),
    /** Prefer this source in selection. */
    PREFER("prefer"),
    /** Always treat this source as a truechimer. */
    TRUE("true"),
    /** Use interleaved mode. */
    XLEAVE("xleave"),
    /** Authenticate the server with NTS (RFC 8915): key exchange over TLS first, then NTS extension fields. */
    NTS("nts"),
    /** With {@code nts}: do not validate the NTS-KE server's certificate, for tests and labs only. */
    NOVAL("noval");

    private final String keyword;

    AssociationFlag(String keyword) {
        this.keyword = keyword;
    }

    /** The word server lines spell this flag with. */
    public String keyword() {
        return keyword;
    }

    /** The flag spelled exactly as keyword. */
    public static Optional<AssociationFlag> byKeyword(String keyword) {
        for (AssociationFlag flag : values()) {
            if (flag.keyword.equals(keyword)) {
                return Optional.of(flag);
            }
        }
        return Optional.empty();
    }
}
