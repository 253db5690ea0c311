package org.jntp.source;

/** Why a datagram handed to an association gives no sample; RFC 5905's packet tests where they apply. */
public enum RejectReason {
    /** Not an NTP time packet: too short, lengths that do not add up, or a control or private mode. */
    MALFORMED,
    /** Version 0 or above 4. */
    UNSUPPORTED_VERSION,
    /** Not the mode that answers ours: a client expects 4 (server), a symmetric peer 1 or 2. */
    WRONG_MODE,
    /** A zero receive or transmit timestamp: the sender has no time to give (test 3). */
    ZERO_TIMESTAMP,
    /** The same transmit timestamp as the last packet taken: a duplicate or replay (test 1). */
    DUPLICATE,
    /**
     * Not an answer to our last packet: its origin timestamp is not the transmit timestamp we sent,
     * or nothing is outstanding (test 2). Off-path forgeries and late or repeated replies end here.
     */
    BOGUS,
    /**
     * The association has a key, and the packet carries no MAC of it that verifies, or a crypto-NAK
     * (test 5).
     */
    AUTHENTICATION,
    /** Stratum 0 with a leap indicator other than 3: neither a kiss-o'-death nor a clock reading. */
    STRATUM_ZERO_WITHOUT_KISS,
    /** Leap indicator 3 or stratum 16 and above: the sender is not synchronized (test 6). */
    UNSYNCHRONIZED,
    /** The sender's root delay / 2 + root dispersion is at least {@code MAXDISP}, 16 s (test 7). */
    ROOT_DISTANCE
}
