package org.jntp.protocol.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The peer status word ({@code decode.html}): five status bits (configured 0x80, authentication
 * enabled 0x40, authentic 0x20, reachable 0x10, broadcast 0x08 of the high octet), the selection
 * (bits 10-8), the event counter (7-4) and the last event (3-0). Sent in the status field of
 * responses for an association, and beside each association ID in READSTAT's list.
 *
 * @param configured a persistent association, from the configuration
 * @param authEnabled the association has a key
 * @param authentic the last packet was authentic
 * @param reachable the reach register is not zero
 * @param broadcast a broadcast or manycast association that only transmits
 * @param selection how far the source got in the selection
 * @param eventCount events since the last event code changed, 0 to 15
 * @param lastEvent the last peer event
 */
public record PeerStatus(boolean configured, boolean authEnabled, boolean authentic, boolean reachable,
        boolean broadcast, PeerSelection selection, int eventCount, PeerEvent lastEvent) {
    private static final int CONFIGURED = 0x8000;
    private static final int AUTH_ENABLED = 0x4000;
    private static final int AUTHENTIC = 0x2000;
    private static final int REACHABLE = 0x1000;
    private static final int BROADCAST = 0x0800;

    /** Checks the event counter fits 4 bits. */
    public PeerStatus {
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(lastEvent, "lastEvent");
        if (eventCount < 0 || eventCount > 0xF) {
            throw new IllegalArgumentException("event count out of range: " + eventCount);
        }
    }

    /** The status in a 16-bit word. */
    public static PeerStatus decode(int word) {
        return new PeerStatus((word & CONFIGURED) != 0, (word & AUTH_ENABLED) != 0, (word & AUTHENTIC) != 0,
                (word & REACHABLE) != 0, (word & BROADCAST) != 0, PeerSelection.of((word >>> 8) & 0x7),
                (word >>> 4) & 0xF, PeerEvent.of(word & 0xF));
    }

    /** The 16-bit word. */
    public int word() {
        return (configured ? CONFIGURED : 0) | (authEnabled ? AUTH_ENABLED : 0) | (authentic ? AUTHENTIC : 0)
                | (reachable ? REACHABLE : 0) | (broadcast ? BROADCAST : 0)
                | (selection.code() << 8) | (eventCount << 4) | lastEvent.code();
    }

    /**
     * The status as ntpq prints it after {@code status=}, e.g.
     * {@code "conf, auth, reach, sel_sys.peer, 1 event, sys_peer"} ({@code statustoa} in ntpd's
     * libntp: no event name for event 0).
     */
    public String describe() {
        List<String> flags = new ArrayList<>();
        if (configured) {
            flags.add("conf");
        }
        if (authEnabled) {
            flags.add("authenb");
        }
        if (authentic) {
            flags.add("auth");
        }
        if (reachable) {
            flags.add("reach");
        }
        if (broadcast) {
            flags.add("bcast");
        }
        String text = String.join(", ", flags) + ", " + selection.message() + ", " + SystemStatus.events(eventCount);
        return lastEvent == PeerEvent.UNSPECIFIED ? text : text + ", " + lastEvent.message();
    }
}
