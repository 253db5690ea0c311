package org.jntp.protocol;

/** The 2-bit leap indicator (RFC 5905 §7.3, Figure 9). */
public enum LeapIndicator {
    /** No leap second pending. */
    NO_WARNING(0),
    /** The last minute of the day has 61 seconds. */
    ADD_SECOND(1),
    /** The last minute of the day has 59 seconds. */
    DELETE_SECOND(2),
    /** Clock unsynchronized (the "alarm condition"). */
    UNSYNCHRONIZED(3);

    private static final LeapIndicator[] BY_CODE = values();

    private final int code;

    LeapIndicator(int code) {
        this.code = code;
    }

    /** The wire value, 0 to 3. */
    public int code() {
        return code;
    }

    /** The indicator for a wire value 0 to 3. */
    public static LeapIndicator of(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("leap indicator out of range: " + code);
        }
        return BY_CODE[code];
    }
}
