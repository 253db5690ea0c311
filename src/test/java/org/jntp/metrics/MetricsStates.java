package org.jntp.metrics;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.ReferenceId;
import org.jntp.protocol.control.ClockSource;
import org.jntp.protocol.control.PeerEvent;
import org.jntp.protocol.control.PeerSelection;
import org.jntp.protocol.control.PeerStatus;
import org.jntp.protocol.control.SystemEvent;
import org.jntp.server.Counter;
import org.jntp.server.control.AssociationState;
import org.jntp.server.control.ClockState;
import org.jntp.server.control.ControlState;
import org.jntp.server.control.EventTally;
import org.jntp.server.control.HostInfo;
import org.jntp.server.control.ServerStatistics;
import org.jntp.server.control.SystemState;

/** States for the metrics tests: a daemon synchronised to 192.0.2.4, with its local clock as a fallback. */
final class MetricsStates {
    static final HostInfo HOST = new HostInfo("ntpd jntp-1.0", "x86_64", "Linux/6.1.0-18-amd64");
    static final ServerStatistics STATISTICS = new ServerStatistics(3600, Map.of(Counter.RECEIVED, 1000L,
            Counter.CURRENT_VERSION, 900L, Counter.OLDER_VERSION, 80L, Counter.ANSWERED, 950L, Counter.CONTROL, 3L,
            Counter.RATE_LIMITED, 20L, Counter.KOD_SENT, 5L, Counter.BAD_FORMAT, 7L, Counter.DECLINED, 2L,
            Counter.RESTRICTED, 11L), 12, 600, 600, 64);

    private MetricsStates() {}

    static SystemState synchronisedSystem() {
        return new SystemState(HOST, LeapIndicator.NO_WARNING, 3, -24, 0.012, 0.034,
                ReferenceId.ofAddress(InetAddress.ofLiteral("192.0.2.4")).bits(), 0, 2, ClockSource.NTP, 6, 3,
                -0.000_016_8, -12.5, 0.000_007_7, 0.000_060, 0.002, 0, EventTally.NONE.after(SystemEvent.RESTART.code()));
    }

    static AssociationState server(int id, InetSocketAddress address, Optional<String> name, PeerSelection selection) {
        PeerStatus status = new PeerStatus(true, false, false, true, false, selection, 1, PeerEvent.SYS_PEER);
        return new AssociationState(id, address, name, Optional.empty(), status, LeapIndicator.NO_WARNING, 1, -26,
                0, 0, ReferenceId.ofAscii("GPS").bits(), 0, 0, 0xfe, 0, 3, 4, 6, 6, 0, 40, 38, 0.000_016_819,
                0.000_050_435, 0.000_260_583, 0.000_007_75, List.of(), List.of(), List.of(), Optional.empty());
    }

    static AssociationState localClock(int id) {
        PeerStatus status = new PeerStatus(true, false, false, true, false, PeerSelection.REJECT, 1,
                PeerEvent.REACHABLE);
        return new AssociationState(id, new InetSocketAddress(InetAddress.ofLiteral("127.127.1.0"), 123),
                Optional.empty(), Optional.empty(), status, LeapIndicator.NO_WARNING, 10, -7, 0, 0,
                ReferenceId.ofAscii("LOCL").bits(), 0, 0, 0x3, 0, 3, 0, 6, 6, 0, 2, 2, 0, 0, 0.01, 0.0078125,
                List.of(), List.of(), List.of(), Optional.of(new ClockState("Undisciplined local clock", 2,
                        OptionalInt.of(10), OptionalInt.of(ReferenceId.ofAscii("LOCL").bits()))));
    }

    static InetSocketAddress ntp(String address) {
        return new InetSocketAddress(InetAddress.ofLiteral(address), 123);
    }

    /** Synchronised to 192.0.2.4 (association 2, named ntp.example.org), the local clock (1) rejected. */
    static ControlState synchronised() {
        return new ControlState(synchronisedSystem(), List.of(localClock(1),
                server(2, ntp("192.0.2.4"), Optional.of("ntp.example.org"), PeerSelection.SYS_PEER)));
    }
}
