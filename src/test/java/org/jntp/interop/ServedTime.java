package org.jntp.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How far a server's time is from this machine's clock, as a chronyd {@code -x} client of that
 * server sees it: chronyd reports in {@code tracking} how far its source is from the clock both read.
 */
final class ServedTime {
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

    private final Chronyc measuring;
    private final String server;

    /** @param measuring the chronyd client, @param server the address it polls */
    ServedTime(Chronyc measuring, String server) {
        this.measuring = measuring;
        this.server = server;
    }

    /** What the measuring chronyd thinks of the server at one look. */
    record Measurement(boolean selected, double offsetSeconds) {
        boolean within(double toleranceSeconds) {
            return selected && Math.abs(offsetSeconds) < toleranceSeconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s%+.6f s", selected ? "" : "(not selected) ", offsetSeconds);
        }
    }

    Measurement measure() {
        boolean selected = measuring.sources().stream().anyMatch(s -> s.selected() && s.address().equals(server));
        return new Measurement(selected, measuring.tracking().slowOfNtpTimeSeconds());
    }

    /** A look once a second until System.nanoTime() reaches untilNanos. */
    List<Measurement> watchUntil(long untilNanos) {
        List<Measurement> trace = new ArrayList<>();
        while (System.nanoTime() - untilNanos < 0) {
            try {
                Thread.sleep(WATCH_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            trace.add(measure());
        }
        return trace;
    }

    /** The largest |offset| of a trace, in milliseconds. */
    static double worstMillis(List<Measurement> trace) {
        return trace.stream().mapToDouble(m -> Math.abs(m.offsetSeconds())).max().orElse(0) * 1e3;
    }
}
