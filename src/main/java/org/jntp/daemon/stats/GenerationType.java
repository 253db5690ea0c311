package org.jntp.daemon.stats;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * How a statistics file is split into generations ({@code filegen ... type}), and the suffix
 * ntpd 4.2.8's filegen_open() gives each: a generation ends when the suffix changes. Dates are UTC.
 */
public enum GenerationType {
    /** One file, no suffix. */
    NONE,
    /** One file per daemon process: {@code .#<pid>}. */
    PID,
    /** {@code .YYYYMMDD}. */
    DAY,
    /** The ISO 8601 week: {@code .YYYYwWW}, with the week's own year. */
    WEEK,
    /** {@code .YYYYMM}. */
    MONTH,
    /** {@code .YYYY}. */
    YEAR,
    /** The daemon's uptime in seconds, floored to a whole day: {@code .a%08d}. */
    AGE;

    private static final long SECONDS_PER_DAY = 86_400;

    /** The type a {@code filegen} line names (none, pid, day, week, month, year, age). */
    public static GenerationType named(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /**
     * The suffix of the generation that holds a record written at {@code unixSeconds}, by a daemon
     * up for {@code uptimeSeconds} as process {@code pid}.
     */
    public String suffix(long unixSeconds, long uptimeSeconds, long pid) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(unixSeconds, SECONDS_PER_DAY));
        return switch (this) {
            case NONE -> "";
            case PID -> ".#" + pid;
            case DAY -> String.format(Locale.ROOT, ".%04d%02d%02d", date.getYear(), date.getMonthValue(),
                    date.getDayOfMonth());
            case WEEK -> String.format(Locale.ROOT, ".%04dw%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                    date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format(Locale.ROOT, ".%04d%02d", date.getYear(), date.getMonthValue());
            case YEAR -> String.format(Locale.ROOT, ".%04d", date.getYear());
            case AGE -> String.format(Locale.ROOT, ".a%08d", uptimeSeconds - uptimeSeconds % SECONDS_PER_DAY);
        };
    }
}
