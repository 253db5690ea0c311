package org.jntp.interop;

/**
 * One line of {@code chronyc -c sources}.
 *
 * @param mode                  '^' server, '=' peer, '#' reference clock
 * @param state                 '*' selected, '+' combined, '-' not combined, '?' unusable, 'x' falseticker, '~' too variable
 * @param reach                 the reachability register
 * @param offsetSeconds         the last sample's offset, adjusted for the clock's corrections since
 * @param measuredOffsetSeconds the last sample's offset as measured
 * @param errorSeconds          the bound chronyd puts on that offset
 */
record ChronySource(
        char mode,
        char state,
        String address,
        int stratum,
        int pollLog2,
        int reach,
        double offsetSeconds,
        double measuredOffsetSeconds,
        double errorSeconds) {

    static ChronySource parseCsv(String line) {
        String[] f = line.strip().split(",");
        if (f.length != 10) {
            throw new IllegalArgumentException("not a line of chronyc -c sources: " + line);
        }
        return new ChronySource(f[0].charAt(0), f[1].charAt(0), f[2], Integer.parseInt(f[3]),
                Integer.parseInt(f[4]), Integer.parseInt(f[5], 8), Double.parseDouble(f[7]),
                Double.parseDouble(f[8]), Double.parseDouble(f[9]));
    }

    boolean selected() {
        return state == '*';
    }

    /** All of the last eight polls were answered. */
    boolean fullyReachable() {
        return reach == 0377;
    }
}
