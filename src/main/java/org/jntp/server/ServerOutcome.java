package org.jntp.server;

/** What the server did with one datagram, and why; each maps to one of ntpd's sysstats counters. */
public enum ServerOutcome {
    /** Answered with time (mode 4, or mode 2 to a symmetric active request). */
    ANSWERED(true, Counter.ANSWERED),
    /**
     * Answered with time in interleaved mode (RFC 9769): the reply already carries its transmit
     * timestamp, that of our previous reply to the client, and must not be stamped again.
     */
    ANSWERED_INTERLEAVED(true, Counter.ANSWERED),
    /**
     * Answered with time and a MAC of the request's key: the MAC covers the transmit timestamp, so
     * the reply carries it already and must not be stamped again.
     */
    ANSWERED_AUTHENTICATED(true, Counter.ANSWERED),
    /** A request with a MAC of a trusted key that does not verify: dropped, as a forgery. */
    AUTHENTICATION_FAILED(false, Counter.AUTHENTICATION_FAILED),
    /**
     * An authentic NTS request answered with time and fresh cookies (RFC 8915 §5.7): the reply is
     * sealed, its transmit timestamp already set, and must not be stamped again.
     */
    ANSWERED_NTS(true, Counter.ANSWERED),
    /** An NTS request whose cookie did not open: answered with an NTSN kiss-o'-death. */
    NTS_NAK(true, Counter.NTS_NAK_SENT),
    /** An NTS request whose Authenticator did not verify: dropped. */
    NTS_UNAUTHENTIC(false, Counter.NTS_AUTH_FAILED),
    /** An NTS request whose NTS fields are malformed: dropped. */
    NTS_MALFORMED(false, Counter.NTS_MALFORMED),
    /** A {@code limited kod} client over its rate: answered with a RATE kiss-o'-death. */
    KISS_OF_DEATH(true, Counter.KOD_SENT),
    /** A {@code limited} client over its rate. */
    RATE_LIMITED(false, Counter.RATE_LIMITED),
    /**
     * A mode 6 (control) request the restrictions let through: the caller answers it from the
     * control state; the reply buffer holds nothing.
     */
    CONTROL(false, Counter.CONTROL),
    /**
     * A mode 6 request from a source under {@code restrict ... nomodify}: answered as
     * {@link #CONTROL}, except that it may not change the configuration.
     */
    CONTROL_NOMODIFY(false, Counter.CONTROL),
    /**
     * A mode 7 (ntpdc) request: dropped, for its {@code monlist} amplified spoofed requests into
     * floods (CVE-2013-5211); ntpd 4.2.8 counts it as restricted.
     */
    PRIVATE_MODE(false, Counter.RESTRICTED),
    /**
     * Refused by a restrict entry ({@code ignore}, {@code noserve}, {@code notrust} without a MAC, {@code version};
     * {@code noquery} for a control request).
     */
    RESTRICTED(false, Counter.RESTRICTED),
    /**
     * Too short, a length or extension field that does not add up, a MAC of no known size, or NTS
     * fields not as RFC 8915 §5.7 has a client send them.
     */
    BAD_FORMAT(false, Counter.BAD_FORMAT),
    /** Version 0 or above 4. */
    UNSUPPORTED_VERSION(false, Counter.BAD_FORMAT),
    /** Not a request a server answers: a reply, a broadcast, or a mode with no handler. */
    DECLINED(false, Counter.DECLINED);

    private final boolean replies;
    private final Counter counter;

    ServerOutcome(boolean replies, Counter counter) {
        this.replies = replies;
        this.counter = counter;
    }

    /** True when the reply buffer holds a datagram to send. */
    public boolean replies() {
        return replies;
    }

    Counter counter() {
        return counter;
    }
}
