package org.jntp.daemon;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalInt;
import org.jntp.discipline.NtpConstants;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.control.PeerEvent;
import org.jntp.protocol.control.PeerSelection;
import org.jntp.protocol.control.PeerStatus;
import org.jntp.refclock.LocalClock;
import org.jntp.server.control.AssociationState;
import org.jntp.server.control.ClockState;
import org.jntp.server.control.EventTally;

/**
 * The local clock driver as ntpq sees it, as ntpd shows its LOCAL driver: an association at
 * 127.127.1.u whose reach register fills as the driver is read, the system peer while it is
 * what the daemon serves. Unlike ntpd it also names itself in {@code srchost}
 * ({@code LOCAL(u)}), which NTPsec's ntpq needs to show it as a reference clock. Owned by the
 * client thread.
 */
final class LocalClockAssociation {
    /** ntpd's LOCAL driver claims "about 10 ms". */
    private static final int PRECISION_LOG2 = -7;
    private static final int NTP_PORT = 123;
    private static final String DEVICE = "Undisciplined local clock";
    private static final double DISPERSION_SECONDS = LocalClock.DISPERSION_NANOS * 1e-9;

    private final int associationId;
    private final LocalClock driver;
    private final InetSocketAddress address;
    private final String name;
    private final OptionalInt fudgedStratum;
    private final OptionalInt fudgedReferenceIdBits;
    private final int pollLog2;
    private int reach;
    private long polls;
    private long lastPollNanos;
    private boolean serving;
    private EventTally events = EventTally.NONE.after(PeerEvent.MOBILIZE.code());

    /**
     * @param fudgedStratum the stratum its fudge line set, if one did
     * @param fudgedReferenceIdBits the reference ID its fudge line set, if one did
     * @param pollLog2 how often the driver is read, log2 s
     */
    LocalClockAssociation(int associationId, LocalClock driver, int unit, OptionalInt fudgedStratum,
            OptionalInt fudgedReferenceIdBits, int pollLog2) {
        this.associationId = associationId;
        this.driver = driver;
        this.address = new InetSocketAddress(InetAddress.ofLiteral("127.127." + LocalClock.DRIVER_TYPE + "." + unit),
                NTP_PORT);
        // ntpd's ntpq names a reference clock from its address; NTPsec's only from srchost
        this.name = "LOCAL(" + unit + ")";
        this.fudgedStratum = fudgedStratum;
        this.fudgedReferenceIdBits = fudgedReferenceIdBits;
        this.pollLog2 = pollLog2;
    }

    int associationId() {
        return associationId;
    }

    /** The driver was read at {@code nowNanos}. */
    void polled(long nowNanos) {
        if (reach == 0) {
            event(PeerEvent.REACHABLE);
        }
        reach = ((reach << 1) | 1) & 0xFF;
        polls++;
        lastPollNanos = nowNanos;
    }

    /** Whether the daemon serves the local clock now. */
    void serving(boolean now) {
        if (now && !serving) {
            event(PeerEvent.SYS_PEER);
        }
        serving = now;
    }

    AssociationState state() {
        PeerStatus status = new PeerStatus(true, false, false, reach != 0, false,
                serving ? PeerSelection.SYS_PEER : PeerSelection.REJECT, events.count(),
                PeerEvent.of(events.lastCode()));
        long pollBits = lastPollNanos == 0 ? 0 : NtpTimestamp.bitsOfUnixNanos(lastPollNanos);
        return new AssociationState(associationId, address, Optional.of(name), Optional.empty(), status,
                LeapIndicator.NO_WARNING, driver.stratum(), PRECISION_LOG2, 0, 0, driver.referenceId().bits(),
                pollBits, lastPollNanos, reach, 0, Mode.CLIENT.code(), 0, pollLog2, pollLog2, 0, polls, polls, 0, 0,
                DISPERSION_SECONDS, 0,
                Collections.nCopies(NtpConstants.NSTAGE, 0.0), Collections.nCopies(NtpConstants.NSTAGE, 0.0),
                Collections.nCopies(NtpConstants.NSTAGE, DISPERSION_SECONDS),
                Optional.of(new ClockState(DEVICE, polls, fudgedStratum, fudgedReferenceIdBits)));
    }

    private void event(PeerEvent event) {
        events = events.after(event.code());
    }
}
