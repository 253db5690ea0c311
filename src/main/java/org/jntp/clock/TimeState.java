package org.jntp.clock;

/** The kernel clock state that {@code clock_adjtime} returns (TIME_OK ... TIME_ERROR). */
public enum TimeState {
    /** No leap second pending. */
    OK,
    /** A second will be inserted at the end of the day. */
    INSERT,
    /** A second will be deleted at the end of the day. */
    DELETE,
    /** The inserted second is in progress. */
    LEAP_IN_PROGRESS,
    /** A leap second has just occurred. */
    WAIT,
    /** The clock is not synchronized. */
    ERROR;

    /** The state for the kernel's return value 0 (TIME_OK) to 5 (TIME_ERROR). */
    static TimeState ofCode(int code) {
        TimeState[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("not a kernel clock state: " + code);
        }
        return all[code];
    }
}
