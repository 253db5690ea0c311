package org.jntp.daemon;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The daemon's log: one line per event, worded and stamped as ntpd 4.2.8 writes its logfile
 * ({@code 26 Nov 08:25:50 ntpd[4555]: Listen normally on 2 lo 127.0.0.1:123}).
 * Never called per packet.
 */
public final class EventLog {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ROOT);

    private final PrintStream out;
    private final LongSupplier wallClockMillis;
    private final ZoneId zone;
    private final String prefix;
    private final int debugLevel;

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

    public void info(String message) {
        String stamp = STAMP.format(Instant.ofEpochMilli(wallClockMillis.getAsLong()).atZone(zone));
        synchronized (out) {
            out.println(stamp + prefix + message);
            out.flush();
        }
    }

    /** Logged only when ntpd was started with at least {@code level} {@code -d} flags. */
    public void debug(int level, String message) {
        if (debugLevel >= level) {
            info(message);
        }
    }
}
