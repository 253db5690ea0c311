package org.jntp.leap;

import java.util.Objects;

/** What {@link LeapSecondsFile#parse} made of a leap-seconds.list text. */
public sealed interface LeapFileResult {

    /** The prefix of ntpd's log lines about the leap file, kept so that log watchers still match. */
    String LOG_PREFIX = "leapsecond file";

    /**
     * A usable table. It may be expired: ntpd keeps using an expired list and warns, see
     * {@link LeapTable#expiryWarning}.
     *
     * @param table  the list's entries and validity
     * @param hash   whether its {@code #h} line was there (and then it matched)
     */
    record Loaded(LeapTable table, HashCheck hash) implements LeapFileResult {
        /** Requires both, and a table with entries. */
        public Loaded {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(hash, "hash");
            if (table.entries().isEmpty()) {
                throw new IllegalArgumentException("a loaded leap file lists leaps");
            }
        }

        /** The line to log on loading, as ntpd's: expiry, last leap and TAI offset. */
        public String logMessage(String path) {
            LeapEntry last = table.entries().getLast();
            String loaded = LOG_PREFIX + " ('" + path + "'): loaded, expire=" + UtcCalendar.date(table.expiresNanos())
                    + " last=" + UtcCalendar.date(last.unixNanos()) + " ofs=" + last.taiOffsetSeconds();
            return switch (hash) {
                case VERIFIED -> loaded;
                case ABSENT -> loaded + "; no hash signature, integrity not checked";
            };
        }
    }

    /**
     * A text that must not be used: a hash that does not match or cannot be read, or data that
     * does not parse.
     *
     * @param lineNumber  the offending line, from 1; 0 when the problem is the file as a whole
     * @param reason      what is wrong, in words for the log
     */
    record Rejected(int lineNumber, String reason) implements LeapFileResult {
        /** Requires a reason. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        /** The line to log, as ntpd's with the file name and the line. */
        public String logMessage(String path) {
            String where = lineNumber > 0 ? "line " + lineNumber + ": " : "";
            return LOG_PREFIX + " ('" + path + "'): " + where + reason;
        }
    }

    /** The state of the file's integrity check. */
    enum HashCheck {
        /** The {@code #h} SHA-1 matched the data. */
        VERIFIED,
        /** No {@code #h} line: ntpd loads such a file and logs that it has no signature. */
        ABSENT
    }
}
