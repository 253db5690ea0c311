package org.jntp.protocol;

/** The 3-bit association mode (RFC 5905 §7.3, Figure 10). */
public enum Mode {
    /** 0: reserved; NTPv1 clients used it for requests. */
    RESERVED(0),
    /** 1: symmetric active, a peer that polls. */
    SYMMETRIC_ACTIVE(1),
    /** 2: symmetric passive, a peer that answers. */
    SYMMETRIC_PASSIVE(2),
    /** 3: client request. */
    CLIENT(3),
    /** 4: server reply. */
    SERVER(4),
    /** 5: broadcast. */
    BROADCAST(5),
    /** 6: NTP control message (ntpq), which has its own format, not the 48-byte header. */
    CONTROL(6),
    /** 7: reserved for private use (ntpdc), which has its own format too. */
    PRIVATE(7);

    private static final Mode[] BY_CODE = values();

    private final int code;

    Mode(int code) {
        this.code = code;
    }

    /** The wire value, 0 to 7. */
    public int code() {
        return code;
    }

    /** The mode for a wire value 0 to 7. */
    public static Mode of(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("mode out of range: " + code);
        }
        return BY_CODE[code];
    }
}
