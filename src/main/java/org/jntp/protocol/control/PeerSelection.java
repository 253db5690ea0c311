package org.jntp.protocol.control;

/**
 * The selection field of the peer status word ({@code decode.html}, {@code CTL_PST_SEL_*}): how
 * far the source got in the selection, shown by {@code ntpq -p} as the tally character.
 */
public enum PeerSelection {
    /** 0: discarded as not valid. */
    REJECT(' ', "sel_reject"),
    /** 1: discarded by the intersection algorithm. */
    FALSETICK('x', "sel_falsetick"),
    /** 2: discarded by table overflow (not used). */
    EXCESS('.', "sel_excess"),
    /** 3: discarded by the cluster algorithm. */
    OUTLIER('-', "sel_outlier"),
    /** 4: included by the combine algorithm. */
    CANDIDATE('+', "sel_candidate"),
    /** 5: backup (more than {@code tos maxclock} sources). */
    BACKUP('#', "sel_backup"),
    /** 6: the system peer. */
    SYS_PEER('*', "sel_sys.peer"),
    /** 7: the PPS peer. */
    PPS_PEER('o', "sel_pps.peer");

    private static final PeerSelection[] BY_CODE = values();

    private final char tally;
    private final String message;

    PeerSelection(char tally, String message) {
        this.tally = tally;
        this.message = message;
    }

    /** The wire value, 0 to 7. */
    public int code() {
        return ordinal();
    }

    /** The tally character of {@code ntpq -p}, one of {@code " x.-+#*o"}. */
    public char tally() {
        return tally;
    }

    /** The name ntpq shows, e.g. {@code sel_sys.peer}. */
    public String message() {
        return message;
    }

    /** The selection of a 3-bit wire value. */
    public static PeerSelection of(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("peer selection out of range: " + code);
        }
        return BY_CODE[code];
    }
}
