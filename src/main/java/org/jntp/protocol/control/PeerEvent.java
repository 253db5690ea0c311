package org.jntp.protocol.control;

/** The last peer event in the peer status word ({@code decode.html}, {@code PEVNT_*}). */
public enum PeerEvent {
    /** 0: none; ntpq shows no event name for it. */
    UNSPECIFIED(""),
    /** 1: association mobilized. */
    MOBILIZE("mobilize"),
    /** 2: association demobilized. */
    DEMOBILIZE("demobilize"),
    /** 3: server unreachable. */
    UNREACHABLE("unreachable"),
    /** 4: server reachable. */
    REACHABLE("reachable"),
    /** 5: association restart. */
    RESTART("restart"),
    /** 6: no server found (ntpdate mode). */
    NO_REPLY("no_reply"),
    /** 7: rate exceeded (kiss code RATE). */
    RATE_EXCEEDED("rate_exceeded"),
    /** 8: access denied (kiss code DENY). */
    ACCESS_DENIED("access_denied"),
    /** 9: leap armed from the server's leap indicator. */
    LEAP_ARMED("leap_armed"),
    /** 10: became the system peer. */
    SYS_PEER("sys_peer"),
    /** 11: reference clock event, see the clock status word. */
    CLOCK_EVENT("clock_event"),
    /** 12: authentication failure. */
    BAD_AUTH("bad_auth"),
    /** 13: popcorn spike suppressed. */
    POPCORN("popcorn"),
    /** 14: entering interleaved mode. */
    INTERLEAVE_MODE("interleave_mode"),
    /** 15: interleave error (recovered). */
    INTERLEAVE_ERROR("interleave_error");

    private static final PeerEvent[] BY_CODE = values();

    private final String message;

    PeerEvent(String message) {
        this.message = message;
    }

    /** The wire value, 0 to 15. */
    public int code() {
        return ordinal();
    }

    /** The name ntpq shows ({@code libntp/statestr.c}), e.g. {@code sys_peer}. */
    public String message() {
        return message;
    }

    /** The event of a 4-bit wire value. */
    public static PeerEvent of(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("peer event out of range: " + code);
        }
        return BY_CODE[code];
    }
}
