package org.jntp.server;

/**
 * The daemon's counters: the server's, named for the lines of ntpq's {@code sysstats} they feed, then
 * NTS's, which NTPsec's {@code ntpq -c nts} reads as its {@code nts_*} system variables.
 */
public enum Counter {
    /** "packets received" */
    RECEIVED,
    /** "current version" */
    CURRENT_VERSION,
    /** "older version" */
    OLDER_VERSION,
    /** "bad length or format" */
    BAD_FORMAT,
    /** "declined" */
    DECLINED,
    /** "restricted" (mode 7 requests and {@code noquery} control requests included, as in ntpd) */
    RESTRICTED,
    /** "rate limited" (KoDs included, as in ntpd) */
    RATE_LIMITED,
    /** "authentication failed": requests with a wrong MAC (dropped) or a key we lack (crypto-NAK) */
    AUTHENTICATION_FAILED,
    /** "KoD responses" */
    KOD_SENT,
    /** Control (mode 6) requests taken to answer (ntpd's {@code numctlreq}, ntpq's ctlstats "requests received"). */
    CONTROL,
    /** Time replies sent (chrony's "NTP packets received" less drops; ntpd has no line for it). */
    ANSWERED,
    /** NTS requests answered with time and fresh cookies (counted in {@link #ANSWERED} too). */
    NTS_ANSWERED,
    /** NTS NAKs sent: NTSN kiss-o'-death replies to requests whose cookie did not open. */
    NTS_NAK_SENT,
    /** NTS requests dropped because their Authenticator did not verify under their cookie's key. */
    NTS_AUTH_FAILED,
    /**
     * NTS requests dropped because their NTS fields were not as RFC 8915 has a client send them
     * (one Unique Identifier, one Cookie, placeholders of its length, an Authenticator last).
     */
    NTS_MALFORMED,
    /** NTS cookies sealed, in NTP replies and in NTS-KE responses ({@code nts_cookie_make}). */
    NTS_COOKIE_MADE,
    /** Cookies of NTS requests opened with the current master key ({@code nts_cookie_decode}). */
    NTS_COOKIE_OPENED_CURRENT,
    /**
     * Cookies opened with the previous master key ({@code nts_cookie_decode_old}). NTPsec keeps
     * more keys and counts the one before that as {@code old2}, older ones as {@code older}; our
     * ring holds two, so a cookie of those ages is {@link #NTS_COOKIE_KEY_NOT_HELD}.
     */
    NTS_COOKIE_OPENED_PREVIOUS,
    /**
     * Cookies naming a master key the ring does not hold, rotated out or another server's
     * ({@code nts_cookie_decode_too_old}): answered with an NTS NAK.
     */
    NTS_COOKIE_KEY_NOT_HELD,
    /**
     * Cookies that do not open: not our length, failing authentication under the key they name, or
     * of another AEAD algorithm ({@code nts_cookie_decode_error}). NTPsec also counts a cookie that
     * names a key it holds under that key's age; we count it only here.
     */
    NTS_COOKIE_INVALID,
    /** NTS requests our client sent, each spending a cookie ({@code nts_client_send}). */
    NTS_CLIENT_SENT,
    /** Replies to our NTS client whose Authenticator verified ({@code nts_client_recv_good}). */
    NTS_CLIENT_AUTHENTIC,
    /**
     * Replies to our NTS client that did not count: forged, altered, stray, NTS NAKs
     * ({@code nts_client_recv_bad}).
     */
    NTS_CLIENT_UNAUTHENTIC,
    /** Our client's NTS-KE exchanges that gave keys and cookies ({@code nts_ke_probes_good}). */
    NTS_KE_CLIENT_GOOD,
    /**
     * Our client's NTS-KE exchanges that did not: no connection, TLS failure, an error record, a
     * malformed response, an NTP server that does not resolve ({@code nts_ke_probes_bad}).
     */
    NTS_KE_CLIENT_BAD,
    /** Exchanges our NTS-KE server answered with keys and cookies ({@code nts_ke_serves_good}). */
    NTS_KE_SERVED_GOOD,
    /**
     * Exchanges our NTS-KE server did not: a failed handshake, no ALPN {@code ntske/1}, no whole
     * request in time, a request refused with an error record ({@code nts_ke_serves_bad}).
     */
    NTS_KE_SERVED_BAD
}
