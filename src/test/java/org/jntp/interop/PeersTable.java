package org.jntp.interop;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of an {@code ntpq -p} table, ntpd's or NTPsec's: the tally character, then the columns
 * split at whitespace (remote, refid, st, t, when, poll, reach, delay, offset, jitter).
 */
record PeersTable(List<Row> rows) {

    /** One source. */
    record Row(char tally, String remote, String refid, int stratum, String type, int poll, String reach,
            double delayMillis, double offsetMillis, double jitterMillis) {}

    /** The table ntpq printed: a header, a rule, then one line per source. */
    static PeersTable parse(String printed) {
        List<Row> rows = new ArrayList<>();
        List<String> lines = printed.lines().toList();
        for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
            String[] c = line.substring(1).trim().split("\\s+");
            rows.add(new Row(line.charAt(0), c[0], c[1], Integer.parseInt(c[2]), c[3], Integer.parseInt(c[5]), c[6],
                    Double.parseDouble(c[7]), Double.parseDouble(c[8]), Double.parseDouble(c[9])));
        }
        return new PeersTable(rows);
    }
}
