package org.jntp.protocol.control;

import java.util.Objects;
import java.util.Optional;
import org.jntp.protocol.LeapIndicator;

/**
 * The system status word ({@code decode.html}): leap indicator (bits 15-14), clock source
 * (13-8), event counter (7-4) and last event (3-0). Sent in the status field of responses for
 * association 0.
 *
 * @param leap the system leap indicator
 * @param sourceCode the clock source, 0 to 63 (see {@link ClockSource})
 * @param eventCount events since the last event code changed, 0 to 15
 * @param lastEvent the last system event
 */
public record SystemStatus(LeapIndicator leap, int sourceCode, int eventCount, SystemEvent lastEvent) {
    private static final String[] LEAP_MESSAGES = {"leap_none", "leap_add_sec", "leap_del_sec", "leap_alarm"};

    /** Checks each field fits its bits. */
    public SystemStatus {
        Objects.requireNonNull(leap, "leap");
        Objects.requireNonNull(lastEvent, "lastEvent");
        if (sourceCode < 0 || sourceCode > 0x3F) {
            throw new IllegalArgumentException("clock source out of range: " + sourceCode);
        }
        if (eventCount < 0 || eventCount > 0xF) {
            throw new IllegalArgumentException("event count out of range: " + eventCount);
        }
    }

    /** The status of a known clock source. */
    public static SystemStatus of(LeapIndicator leap, ClockSource source, int eventCount, SystemEvent lastEvent) {
        return new SystemStatus(leap, source.code(), eventCount, lastEvent);
    }

    /** The status in a 16-bit word. */
    public static SystemStatus decode(int word) {
        return new SystemStatus(LeapIndicator.of((word >>> 14) & 0x3), (word >>> 8) & 0x3F, (word >>> 4) & 0xF,
                SystemEvent.of(word & 0xF));
    }

    /** The 16-bit word. */
    public int word() {
        return (leap.code() << 14) | (sourceCode << 8) | (eventCount << 4) | lastEvent.code();
    }

    /** The clock source, if {@code decode.html} defines the code. */
    public Optional<ClockSource> source() {
        return ClockSource.of(sourceCode);
    }

    /**
     * The status as ntpq prints it after {@code status=}, e.g.
     * {@code "leap_alarm, sync_unspec, 1 event, restart"} ({@code statustoa} in ntpd's libntp).
     */
    public String describe() {
        return LEAP_MESSAGES[leap.code()] + ", "
                + source().map(ClockSource::message).orElse("sync_" + sourceCode) + ", "
                + events(eventCount) + ", " + lastEvent.message();
    }

    static String events(int count) {
        return switch (count) {
            case 0 -> "no events";
            case 1 -> "1 event";
            default -> count + " events";
        };
    }
}
