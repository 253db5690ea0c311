package org.jntp.ntpq;

import org.jntp.protocol.control.PeerStatus;
import org.jntp.protocol.control.SystemStatus;

/**
 * Whose status word a reply carries: the system's (association 0), a peer's or a reference
 * clock's ({@code TYPE_SYS}, {@code TYPE_PEER}, {@code TYPE_CLOCK}).
 */
public enum StatusType {
    /** Association 0. */
    SYSTEM,
    /** Any other association. */
    PEER,
    /** A reference clock's answer to READCLOCK. */
    CLOCK;

    /** libntp's {@code clock_codes}, by the clock status code. */
    private static final String[] CLOCK_CODES = {
        "clk_unspec", "clk_no_reply", "clk_bad_format", "clk_fault", "clk_bad_signal", "clk_bad_date", "clk_bad_time",
    };

    /** The type of a READVAR reply for an association. */
    public static StatusType of(int associationId) {
        return associationId == 0 ? SYSTEM : PEER;
    }

    /** libntp's {@code statustoa}: the status word in words. */
    public String describe(int status) {
        return switch (this) {
            case SYSTEM -> SystemStatus.decode(status).describe();
            case PEER -> PeerStatus.decode(status).describe();
            case CLOCK -> clockCode(status >> 8 & 0xFF) + ", last_" + clockCode(status & 0xFF);
        };
    }

    /** {@code ceventstr}: a clock status code's name, {@code clk_N} for one libntp has none for. */
    private static String clockCode(int code) {
        return code < CLOCK_CODES.length ? CLOCK_CODES[code] : "clk_" + code;
    }
}
