package org.jntp.daemon;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.OptionalDouble;
import org.jntp.clock.LeapState;
import org.jntp.config.LogMask;
import org.jntp.config.LogMask.LogClass;
import org.jntp.config.LogMask.LogType;
import org.jntp.discipline.NoSelectionReason;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.control.PeerEvent;
import org.jntp.source.SyncEvents;

/**
 * What the client core reports, written to the log in ntpd's words, and remembered where the
 * daemon acts on it: whether a network source is selected (else the local clock, if any, is
 * served) and whether the discipline panicked. Each line has ntpd's class and type, for
 * {@code logconfig}: a change of synchronisation is sync status; a step, a panic and a leap second
 * armed are sync and sys events (ntpd's {@code NLOG_SYNCEVENT | NLOG_SYSEVENT}), so the default
 * mask shows them; what happens to an association is a peer event.
 */
final class SyncLog implements SyncEvents {
    static final LogMask SYNC_STATUS = LogMask.of(LogClass.SYNC, LogType.STATUS);
    static final LogMask CLOCK_EVENTS = LogMask.of(LogClass.SYNC, LogType.EVENTS)
            .plus(LogMask.of(LogClass.SYS, LogType.EVENTS));
    static final LogMask PEER_EVENTS = LogMask.of(LogClass.PEER, LogType.EVENTS);
    /** ntpd's PEER_EVENT: set in the event code it logs for a peer event. */
    private static final int PEER_EVENT_FLAG = 0x80;

    private final EventLog log;
    private final double panicThresholdSeconds;
    private boolean systemPeerSelected;
    private OptionalDouble panicOffsetSeconds = OptionalDouble.empty();

    SyncLog(EventLog log, double panicThresholdSeconds) {
        this.log = log;
        this.panicThresholdSeconds = panicThresholdSeconds;
    }

    /** Whether a network source is the system peer now. */
    boolean systemPeerSelected() {
        return systemPeerSelected;
    }

    /** The offset the discipline refused, once it panicked. */
    OptionalDouble panicOffsetSeconds() {
        return panicOffsetSeconds;
    }


    @Override
    public void synchronizedTo(InetSocketAddress source, int stratum) {
        systemPeerSelected = true;
        log.log(SYNC_STATUS, "synchronized to " + address(source) + ", stratum " + stratum);
    }

    @Override
    public void lostSynchronization(NoSelectionReason reason) {
        systemPeerSelected = false;
        log.log(SYNC_STATUS, switch (reason) {
            case NO_CANDIDATES -> "no selectable sources: lost synchronization";
            case NO_MAJORITY -> "no majority of sources agree: lost synchronization";
            case TOO_FEW_SURVIVORS -> "fewer sources survive than tos minsane: lost synchronization";
        });
    }

    @Override
    public void stepped(double offsetSeconds) {
        log.log(CLOCK_EVENTS, String.format(Locale.ROOT, "time reset %+.6f s", offsetSeconds));
    }

    @Override
    public void panic(double offsetSeconds) {
        panicOffsetSeconds = OptionalDouble.of(offsetSeconds);
        log.log(CLOCK_EVENTS, String.format(Locale.ROOT, "panic_stop %+.0f s; set clock manually within %.0f s.",
                offsetSeconds, panicThresholdSeconds));
    }

    /** Logs the kisses that change what is sent (ntpd's rate and deny events); INIT, STEP and the like only at -d. */
    @Override
    public void authenticationProblem(InetSocketAddress source, String problem) {
        log.info("authentication: " + address(source) + ": " + problem);
    }

    @Override
    public void kissOfDeath(InetSocketAddress source, KissCode code) {
        if (code.demandsStop()) {
            log.log(PEER_EVENTS, "kiss code " + code + " from " + address(source) + ": no more requests to it");
        } else if (code.demandsSlowerPolling()) {
            log.log(PEER_EVENTS, "kiss code " + code + " from " + address(source) + ": polling it less often");
        } else {
            log.debug(1, "kiss code " + code + " from " + address(source) + ": not synchronized yet");
        }
    }

    @Override
    public void orphan(int stratum) {
        log.log(SYNC_STATUS, "no source for orphanwait: serving as an orphan at stratum " + stratum);
    }

    /** ntpd's peer event line: address, peer status word, event code with the peer flag, event name. */
    @Override
    public void peerEvent(InetSocketAddress source, int statusWord, PeerEvent event) {
        log.log(PEER_EVENTS, String.format(Locale.ROOT, "%s %04x %02x %s", address(source), statusWord,
                PEER_EVENT_FLAG | event.code(), event.message()));
    }

    @Override
    public void leapChanged(LeapState leap) {
        log.log(CLOCK_EVENTS, switch (leap) {
            case INSERT -> "leap_armed: a leap second is inserted at the end of this UTC day";
            case DELETE -> "leap_armed: a second is deleted at the end of this UTC day";
            case NONE -> "leap_disarmed: no leap second at the end of this UTC day";
        });
    }

    /** The address without the port, as ntpd names its sources. */
    static String address(InetSocketAddress source) {
        return AddressText.of(source.getAddress());
    }
}
