package org.jntp.metrics;

import java.util.Locale;

/** The metric types of the text format this page uses. */
enum MetricType {
    /** A value that goes up and down. */
    GAUGE,
    /** A count that only goes up while the daemon runs; its name ends in {@code _total}. */
    COUNTER;

    /** The word of the {@code # TYPE} line. */
    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
