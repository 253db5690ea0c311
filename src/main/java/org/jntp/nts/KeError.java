package org.jntp.nts;

/** The error codes of the NTS-KE Error record (RFC 8915 §4.1.3). */
public enum KeError {
    UNRECOGNIZED_CRITICAL_RECORD(0),
    BAD_REQUEST(1),
    INTERNAL_SERVER_ERROR(2);

    private final int code;

    KeError(int code) {
        this.code = code;
    }

    /** The 16-bit error code on the wire. */
    public int code() {
        return code;
    }
}
