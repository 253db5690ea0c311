package org.jntp.discipline;

/**
 * An association's place in the last selection, as ntpd reports it in the peer status word
 * (CTL_PST_SEL_*) and {@code ntpq -p} shows it in the tally column.
 */
public enum SelectionStatus {
    /** Unfit, or not needed (an unused local clock driver). */
    REJECT(0, ' '),
    /** Outside the intersection interval. */
    FALSETICK(1, 'x'),
    /** Discarded as excess by older ntpd versions; ntpd 4.2.8 and this code never set it. */
    EXCESS(2, '.'),
    /** A truechimer pruned by the cluster algorithm. */
    OUTLIER(3, '-'),
    /** A cluster survivor, combined into the system offset. */
    CANDIDATE(4, '+'),
    /** A truechimer beyond {@code tos maxclock}. */
    BACKUP(5, '#'),
    /** The system peer. */
    SYSPEER(6, '*'),
    /** The PPS peer. */
    PPS(7, 'o');

    private final int code;
    private final char tally;

    SelectionStatus(int code, char tally) {
        this.code = code;
        this.tally = tally;
    }

    /** The 3-bit selection field of the peer status word. */
    public int code() {
        return code;
    }

    /** The character {@code ntpq -p} prints before the remote's name. */
    public char tally() {
        return tally;
    }

    /** The status for a peer status word's selection field; only its low three bits are read. */
    public static SelectionStatus ofCode(int code) {
        return values()[code & 7];
    }
}
