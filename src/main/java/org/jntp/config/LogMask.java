package org.jntp.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which classes and types of log lines {@code logconfig} lets through, as ntpd's
 * {@code ntp_syslogmask}: four bits (info, events, status, statistics) for each of the classes
 * sys, peer, clock and sync. Lines that are not classed (start-up, errors) are always written.
 *
 * @param bits ntpd's {@code NLOG_*} bits: sys in bits 0-3, peer 4-7, clock 8-11, sync 12-15
 */
public record LogMask(int bits) {
    private static final int ALL_TYPES = 0xF;

    /** What a message is about ({@code NLOG_O*}: the offset of its four bits). */
    public enum LogClass {
        SYS(0), PEER(4), CLOCK(8), SYNC(12);

        private final int offset;

        LogClass(int offset) {
            this.offset = offset;
        }

        /** The keyword in ntp.conf: {@code sys}, {@code peer}, {@code clock}, {@code sync}. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What kind of message it is, within its class. */
    public enum LogType {
        INFO("info", 0x1), EVENTS("events", 0x2), STATUS("status", 0x4), STATISTICS("statistics", 0x8);

        private final String keyword;
        private final int bit;

        LogType(String keyword, int bit) {
            this.keyword = keyword;
            this.bit = bit;
        }

        /** The keyword in ntp.conf. */
        public String keyword() {
            return keyword;
        }
    }

    /** Nothing classed is written. */
    public static final LogMask NONE = new LogMask(0);

    /** Every class and type. */
    public static final LogMask ALL = new LogMask(0xFFFF);

    /** ntpd 4.2.8's default when no logconfig line is given: the sync class only ({@code =syncall}). */
    public static final LogMask DEFAULT = ofClass(LogClass.SYNC);

    public LogMask {
        if ((bits & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("log mask bits beyond the four classes: " + Integer.toHexString(bits));
        }
    }

    /** One type of one class. */
    public static LogMask of(LogClass logClass, LogType type) {
        return new LogMask(type.bit << logClass.offset);
    }

    /** Every type of one class ({@code syncall}). */
    public static LogMask ofClass(LogClass logClass) {
        return new LogMask(ALL_TYPES << logClass.offset);
    }

    /** One type of every class ({@code allevents}). */
    public static LogMask ofType(LogType type) {
        int bits = 0;
        for (LogClass logClass : LogClass.values()) {
            bits |= type.bit << logClass.offset;
        }
        return new LogMask(bits);
    }

    /** Both masks' bits. */
    public LogMask plus(LogMask other) {
        return new LogMask(bits | other.bits);
    }

    /** These bits without the other's. */
    public LogMask minus(LogMask other) {
        return new LogMask(bits & ~other.bits);
    }

    /** Whether a line classed as {@code kinds} (one or more class and type pairs) is written. */
    public boolean allows(LogMask kinds) {
        return (bits & kinds.bits) != 0;
    }

    /**
     * The mask a logconfig keyword names, read as ntpd's {@code get_logmask()} reads it: a class
     * followed by a type ({@code syncstatus}, {@code clockall}), {@code all} followed by a type or a
     * class ({@code allevents}, {@code allsync}), or a bare type, which ntpd takes for the sys class.
     */
    public static Optional<LogMask> keyword(String word) {
        if (word.equals("allall")) {
            return Optional.of(ALL);
        }
        if (word.startsWith("all")) {
            String rest = word.substring("all".length());
            for (LogType type : LogType.values()) {
                if (rest.equals(type.keyword)) {
                    return Optional.of(ofType(type));
                }
            }
            for (LogClass logClass : LogClass.values()) {
                if (rest.equals(logClass.keyword())) {
                    return Optional.of(ofClass(logClass));
                }
            }
        }
        LogClass logClass = LogClass.SYS;
        String type = word;
        for (LogClass each : LogClass.values()) {
            if (word.startsWith(each.keyword())) {
                logClass = each;
                type = word.substring(each.keyword().length());
                break;
            }
        }
        if (type.equals("all")) {
            return Optional.of(ofClass(logClass));
        }
        for (LogType each : LogType.values()) {
            if (type.equals(each.keyword)) {
                return Optional.of(of(logClass, each));
            }
        }
        return Optional.empty();
    }

    /** Every keyword {@link #keyword} knows, for suggestions. */
    public static List<String> keywords() {
        List<String> words = new ArrayList<>(List.of("allall"));
        for (LogType type : LogType.values()) {
            words.add("all" + type.keyword);
            words.add(type.keyword);
        }
        for (LogClass logClass : LogClass.values()) {
            words.add("all" + logClass.keyword());
            words.add(logClass.keyword() + "all");
            for (LogType type : LogType.values()) {
                words.add(logClass.keyword() + type.keyword);
            }
        }
        return List.copyOf(words);
    }
}
