package org.jntp.daemon;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jntp.config.LogMask;

/**
 * The daemon's log: one line per event, worded and stamped as ntpd 4.2.8 writes its logfile
 * ({@code 26 Nov 08:25:50 ntpd[4555]: Listen normally on 2 lo 127.0.0.1:123}).
 * Lines classed by what they are about are written only if {@code logconfig} lets them through;
 * the rest (start-up, errors) always are. Never called per packet.
 */
public final class EventLog {
    /** By hand rather than with a DateTimeFormatter, whose classes and locale data an idle daemon would keep. */
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /** Replaced when SIGHUP reopens the log file. */
    private volatile PrintStream out;
    private final LongSupplier wallClockMillis;
    private final ZoneId zone;
    private final String prefix;
    private final int debugLevel;
    /** Set once ntp.conf is read; until then every line is written. */
    private volatile LogMask mask = LogMask.ALL;

    public EventLog(PrintStream out, LongSupplier wallClockMillis, ZoneId zone, long pid, int debugLevel) {
        this("ntpd", out, wallClockMillis, zone, pid, debugLevel);
    }

    /** A log whose lines name {@code program}, as ntpdate's do. */
    public EventLog(String program, PrintStream out, LongSupplier wallClockMillis, ZoneId zone, long pid,
            int debugLevel) {
        this.out = out;
        this.wallClockMillis = wallClockMillis;
        this.zone = zone;
        this.prefix = " " + program + "[" + pid + "]: ";
        this.debugLevel = debugLevel;
    }

    /** A log on standard error with the machine's zone, as {@code ntpd -n} writes when run by systemd. */
    public static EventLog toStandardError(int debugLevel) {
        return new EventLog(System.err, System::currentTimeMillis, ZoneId.systemDefault(),
                ProcessHandle.current().pid(), debugLevel);
    }

    /** Writes to {@code replacement} from now on (SIGHUP reopening the log file); returns the stream it wrote to. */
    public PrintStream writeTo(PrintStream replacement) {
        PrintStream previous = out;
        out = replacement;
        return previous;
    }

    /** Writes from now on only the classed lines {@code mask} lets through, as {@code logconfig} says. */
    public void useMask(LogMask mask) {
        this.mask = mask;
    }

    /** Writes a line of the classes and types in {@code kinds} if the mask lets any of them through. */
    public void log(LogMask kinds, String message) {
        if (mask.allows(kinds)) {
            info(message);
        }
    }

    /** Writes a line whatever the mask, as ntpd writes its start-up lines and errors. */
    public void info(String message) {
        String stamp = stamp(Instant.ofEpochMilli(wallClockMillis.getAsLong()).atZone(zone));
        PrintStream stream = out;
        synchronized (stream) {
            stream.println(stamp + prefix + message);
            stream.flush();
        }
    }

    /** {@code d MMM HH:mm:ss} in the C locale, as ntpd stamps its logfile. */
    private static String stamp(ZonedDateTime time) {
        StringBuilder stamp = new StringBuilder(15).append(time.getDayOfMonth()).append(' ')
                .append(MONTHS[time.getMonthValue() - 1]).append(' ');
        twoDigits(stamp, time.getHour()).append(':');
        twoDigits(stamp, time.getMinute()).append(':');
        return twoDigits(stamp, time.getSecond()).toString();
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** Logged only when ntpd was started with at least {@code level} {@code -d} flags. */
    public void debug(int level, String message) {
        if (debugLevel >= level) {
            info(message);
        }
    }

    /** As {@link #debug(int, String)}, the message made only when it is logged. */
    public void debug(int level, Supplier<String> message) {
        if (debugLevel >= level) {
            info(message.get());
        }
    }
}
