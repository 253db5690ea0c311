package org.jntp.daemon;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.OptionalDouble;
import org.jntp.discipline.NoSelectionReason;
import org.jntp.protocol.KissCode;
import org.jntp.source.SyncEvents;

/**
 * What the client core reports, written to the log in ntpd's words, and remembered where the
 * daemon acts on it: whether a network source is selected (else the local clock, if any, is
 * served) and whether the discipline panicked.
 */
final class SyncLog implements SyncEvents {
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
        log.info("synchronized to " + address(source) + ", stratum " + stratum);
    }

    @Override
    public void lostSynchronization(NoSelectionReason reason) {
        systemPeerSelected = false;
        log.info(switch (reason) {
            case NO_CANDIDATES -> "no selectable sources: lost synchronization";
            case NO_MAJORITY -> "no majority of sources agree: lost synchronization";
            case TOO_FEW_SURVIVORS -> "fewer sources survive than tos minsane: lost synchronization";
        });
    }

    @Override
    public void stepped(double offsetSeconds) {
        log.info(String.format(Locale.ROOT, "time reset %+.6f s", offsetSeconds));
    }

    @Override
    public void panic(double offsetSeconds) {
        panicOffsetSeconds = OptionalDouble.of(offsetSeconds);
        log.info(String.format(Locale.ROOT, "panic_stop %+.0f s; set clock manually within %.0f s.",
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
            log.info("kiss code " + code + " from " + address(source) + ": no more requests to it");
        } else if (code.demandsSlowerPolling()) {
            log.info("kiss code " + code + " from " + address(source) + ": polling it less often");
        } else {
            log.debug(1, "kiss code " + code + " from " + address(source) + ": not synchronized yet");
        }
    }

    /** The address without the port, as ntpd names its sources. */
    static String address(InetSocketAddress source) {
        return AddressText.of(source.getAddress());
    }
}
