package org.jntp.ntpq;

/**
 * The three peer tables of ntpq 4.2.8: {@code peers} (refid column), {@code apeers} (refid and
 * association ID) and {@code opeers} (the local address in place of the refid, dispersion in
 * place of jitter).
 */
public enum PeerList {
    /** {@code peers}, {@code lpeers}. */
    PEERS("     remote           refid      st t when poll reach   delay   offset  jitter"),
    /** {@code apeers}. */
    APEERS("     remote       refid   assid  st t when poll reach   delay   offset  jitter"),
    /** {@code opeers}, {@code lopeers}. */
    OPEERS("     remote           local      st t when poll reach   delay   offset    disp");

    /** The rule under the header. */
    public static final String RULE = "=".repeat(78);

    private final String header;

    PeerList(String header) {
        this.header = header;
    }

    /** The column header. */
    public String header() {
        return header;
    }
}
