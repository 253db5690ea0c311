package org.jntp.daemon;

import java.util.Locale;
import org.jntp.discipline.ClockSetting;

/** Why the daemon stopped by itself, rather than on a signal. */
public sealed interface DaemonExit {

    /** {@code -q}: the clock was set once, by {@code setting}. */
    record ClockSet(ClockSetting setting) implements DaemonExit {
        /** ntpd -q's log line: "ntpd: time set +0.250000 s" for a step, "ntpd: time slew ..." for a slew. */
        public String logLine() {
            return String.format(Locale.ROOT, "ntpd: time %s %+.6f s", verb(), setting.offsetSeconds());
        }

        /** What ntpd -q prints on standard output: the log line without the blank before "s". */
        public String printedLine() {
            return String.format(Locale.ROOT, "ntpd: time %s %+.6fs", verb(), setting.offsetSeconds());
        }

        private String verb() {
            return setting.stepped() ? "set" : "slew";
        }
    }

    /**
     * {@code -q}: every source answered and had its volley, and none gave a clock update: ntpd
     * 4.2.8's "successful failure", which exits 0.
     */
    record NoServersFound() implements DaemonExit {}

    /** The offset exceeded the panic threshold: ntpd stops and leaves setting the clock to the operator. */
    record Panic(double offsetSeconds) implements DaemonExit {}

    /** {@code -q}, but the system refuses to have its clock adjusted, for {@code reason}. */
    record CannotSetClock(String reason) implements DaemonExit {}

    /** The client side or a server thread failed and cannot go on, for {@code reason} (already logged). */
    record Failed(String reason) implements DaemonExit {}

    /** The exit status ntpd ends with: 0 after {@code -q} set the clock or found no server, 1 otherwise. */
    default int status() {
        return switch (this) {
            case ClockSet set -> 0;
            case NoServersFound none -> 0;
            case Panic panic -> 1;
            case CannotSetClock refused -> 1;
            case Failed failed -> 1;
        };
    }
}
