package org.jntp.ntpq;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;

/** libntp's {@code prettydate}: an l_fp timestamp in hex and as a local date, to the millisecond. */
public final class PrettyDate {
    private static final long MILLI_UNITS = 4_294_967L;
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private PrettyDate() {}

    /** E.g. {@code eeb2557a.4176943b  Thu, Nov 26 2026  6:51:38.255}; a zero timestamp is {@code (no time)}. */
    public static String format(long lfp, Display display) {
        if (lfp == 0) {
            return "(no time)";
        }
        long seconds = LongFixed.seconds(lfp);
        long millis = LongFixed.fraction(lfp) / MILLI_UNITS;
        if (millis >= 1000) {
            millis -= 1000;
            seconds++;
        }
        ZonedDateTime date = Instant.ofEpochSecond(display.unixSeconds(seconds & 0xFFFF_FFFFL)).atZone(display.zone().get());
        return String.format(Locale.ROOT, "%08x.%08x  %s, %s %2d %4d %2d:%02d:%02d.%03d",
                LongFixed.seconds(lfp), LongFixed.fraction(lfp),
                DAYS[date.getDayOfWeek().ordinal()], MONTHS[date.getMonthValue() - 1],
                date.getDayOfMonth(), date.getYear(), date.getHour(), date.getMinute(), date.getSecond(), millis);
    }
}
