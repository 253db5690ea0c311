package org.jntp.server;

/** The server's counters, named for the lines of ntpq's {@code sysstats} they feed. */
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
    NTS_AUTH_FAILED
}
