package org.jntp.server.control;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.jntp.protocol.control.ClockSource;
import org.jntp.protocol.control.PeerEvent;
import org.jntp.protocol.control.PeerSelection;
import org.jntp.protocol.control.PeerStatus;
import org.jntp.protocol.control.SystemEvent;
import org.jntp.server.Counter;
import org.jntp.server.access.MruEntry;

/** Control states for the tests: a daemon synchronised to a server, beside its local clock. */
final class ControlStates {
    static final long NOW_NANOS = 1_795_675_902_000_000_000L;
    static final long MONO_NANOS = 5_000_000_000_000L;
    /** ntpq on this host. */
    static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.ofLiteral("127.0.0.1"), 40123);
    /** ntpq on another host, or a source spoofing that host's address. */
    static final InetSocketAddress REMOTE_CLIENT = new InetSocketAddress(InetAddress.ofLiteral("192.0.2.9"), 40123);
    static final NonceKey KEY = new NonceKey(new byte[32]);
    static final ServerStatistics STATISTICS =
            new ServerStatistics(3600, Map.ofEntries(Map.entry(Counter.RECEIVED, 1000L),
                    Map.entry(Counter.ANSWERED, 990L), Map.entry(Counter.AUTHENTICATION_FAILED, 3L),
                    Map.entry(Counter.NTS_ANSWERED, 40L), Map.entry(Counter.NTS_NAK_SENT, 2L),
                    Map.entry(Counter.NTS_AUTH_FAILED, 1L), Map.entry(Counter.NTS_MALFORMED, 4L),
                    Map.entry(Counter.NTS_CLIENT_SENT, 70L),
                    Map.entry(Counter.NTS_CLIENT_AUTHENTIC, 68L), Map.entry(Counter.NTS_CLIENT_UNAUTHENTIC, 4L),
                    Map.entry(Counter.NTS_COOKIE_MADE, 424L), Map.entry(Counter.NTS_COOKIE_OPENED_CURRENT, 39L),
                    Map.entry(Counter.NTS_COOKIE_OPENED_PREVIOUS, 2L), Map.entry(Counter.NTS_COOKIE_KEY_NOT_HELD, 5L),
                    Map.entry(Counter.NTS_COOKIE_INVALID, 6L), Map.entry(Counter.NTS_KE_CLIENT_GOOD, 7L),
                    Map.entry(Counter.NTS_KE_CLIENT_BAD, 8L), Map.entry(Counter.NTS_KE_SERVED_GOOD, 48L),
                    Map.entry(Counter.NTS_KE_SERVED_BAD, 9L)), 12, 600, 400, 64);
    static final HostInfo HOST = new HostInfo("ntpd jntp-1.0", "x86_64", "Linux/6.1.0-18-amd64");
    static final int LOCAL_ID = 1;
    static final int SERVER_ID = 2;

    private ControlStates() {}

    static SystemState system(int systemPeerId) {
        return new SystemState(HOST, LeapIndicator.NO_WARNING, 9, -24, 0.000_050, 0.001_255,
                ReferenceId.ofAddress(InetAddress.ofLiteral("192.0.2.4")).bits(), NOW_NANOS - 17_000_000_000L,
                systemPeerId, ClockSource.NTP, 6, 3, 0.000_016_8, -12.5, 0.000_007_7, 0.000_060, 0.002, 0,
                EventTally.NONE.after(SystemEvent.RESTART.code()).after(SystemEvent.CLOCK_SYNC.code()));
    }

    static AssociationState server(int id, String address, PeerSelection selection) {
        PeerStatus status = new PeerStatus(true, false, false, true, false, selection, 1, PeerEvent.SYS_PEER);
        return new AssociationState(id, new InetSocketAddress(InetAddress.ofLiteral(address), 123),
                Optional.empty(), Optional.empty(), status, LeapIndicator.NO_WARNING, 8, -26, 0, 0,
                ReferenceId.ofAscii("LOCL").bits(), NtpTimestamp.bitsOfUnixNanos(NOW_NANOS - 19_000_000_000L),
                NOW_NANOS - 17_000_000_000L, 0xff, 0, 3, 4, 6, 6, 0, 12, 12, 0.000_016_819, 0.000_050_435,
                0.000_260_583, 0.000_007_75, Collections.nCopies(8, 0.000_05), Collections.nCopies(8, 0.000_02),
                Collections.nCopies(8, 0.000_27), Optional.empty());
    }

    static AssociationState localClock(int id, PeerSelection selection) {
        PeerStatus status = new PeerStatus(true, false, false, true, false, selection, 1, PeerEvent.REACHABLE);
        return new AssociationState(id, new InetSocketAddress(InetAddress.ofLiteral("127.127.1.0"), 123),
                Optional.empty(), Optional.empty(), status, LeapIndicator.NO_WARNING, 8, -7, 0, 0,
                ReferenceId.ofAscii("LOCL").bits(), NtpTimestamp.bitsOfUnixNanos(NOW_NANOS), NOW_NANOS, 0x3, 0, 3, 0,
                6, 6, 0, 2, 2, 0, 0, 0.01, 0.0078125, Collections.nCopies(8, 0.0), Collections.nCopies(8, 0.0),
                Collections.nCopies(8, 0.01), Optional.of(new ClockState("Undisciplined local clock", 2,
                        OptionalInt.of(8), OptionalInt.of(ReferenceId.ofAscii("LOCL").bits()))));
    }

    /** A control server answering from {@code state}, with an empty MRU list. */
    static ControlServer server(ControlState state) {
        return server(state, List.of());
    }

    static ControlServer server(ControlState state, List<MruEntry> mru) {
        return new ControlServer(() -> state, () -> mru, () -> STATISTICS, KEY);
    }

    /** Synchronised to the server 192.0.2.4 (association 2), with the local clock (association 1) unused. */
    static ControlState synchronised() {
        return new ControlState(system(SERVER_ID), List.of(server(SERVER_ID, "192.0.2.4", PeerSelection.SYS_PEER),
                localClock(LOCAL_ID, PeerSelection.REJECT)));
    }
}
