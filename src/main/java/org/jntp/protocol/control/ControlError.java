package org.jntp.protocol.control;

import java.util.Optional;

/**
 * The error code of an error response (E bit set), sent in the high octet of the status field,
 * with ntpd's names ({@code CERR_*}).
 */
public enum ControlError {
    /** 0: unspecified. */
    UNSPEC(0),
    /** 1: authentication failed or not allowed (also ntpd's "no resource"). */
    PERMISSION(1),
    /** 2: request malformed: count beyond the data, or length not a multiple of 4. */
    BADFMT(2),
    /** 3: opcode not served. */
    BADOP(3),
    /** 4: no such association. */
    BADASSOC(4),
    /** 5: a requested variable is unknown. */
    UNKNOWNVAR(5),
    /** 6: a value is bad. */
    BADVALUE(6),
    /** 7: access denied by {@code restrict}. */
    RESTRICT(7);

    private static final ControlError[] BY_CODE = values();

    private final int code;

    ControlError(int code) {
        this.code = code;
    }

    /** The wire value, 0 to 7. */
    public int code() {
        return code;
    }

    /** The error of a wire value; empty for codes ntpd does not define. */
    public static Optional<ControlError> of(int code) {
        return code < 0 || code >= BY_CODE.length ? Optional.empty() : Optional.of(BY_CODE[code]);
    }
}
