package org.jntp.ntpq;

import java.util.List;
import java.util.Locale;

/** The table {@code mrulist} prints, as ntpq 4.2.8 prints it. */
final class MruTable {
    static final String HEADER = "lstint avgint rstr r m v  count rport remote address\n" + "=".repeat(78) + "\n";

    private MruTable() {}

    /**
     * The header and a line for each row: seconds since last heard and the average interval
     * (both rounded), the restrict flags in hex, {@code K} for kod, {@code L} for limited, else
     * {@code .}, mode, version, count, port and the address (a name unless {@code -n}).
     *
     * @param rows the rows, in the order to print
     * @param nowBits the server's time the list ended at (l_fp bits)
     */
    static String format(List<MruEntry> rows, long nowBits, Display display) {
        StringBuilder out = new StringBuilder(HEADER);
        for (MruEntry row : rows) {
            int lastInterval = (int) (MruEntry.seconds(nowBits - row.lastBits()) + 0.5);
            int averageInterval = (int) (row.averageIntervalSeconds() + 0.5);
            char restricted = (row.restrictFlags() & MruEntry.RES_KOD) != 0 ? 'K'
                    : (row.restrictFlags() & MruEntry.RES_LIMITED) != 0 ? 'L' : '.';
            out.append(String.format(Locale.ROOT, "%6d %6d %4x %c %d %d %6d %5d %s\n", lastInterval, averageInterval,
                    row.restrictFlags() & 0xFFFF, restricted, row.mode(), row.version(), row.count(),
                    row.address().port(), display.host(row.address())));
        }
        return out.toString();
    }
}
