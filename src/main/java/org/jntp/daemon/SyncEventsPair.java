package org.jntp.daemon;

import java.net.InetSocketAddress;
import org.jntp.clock.LeapState;
import org.jntp.discipline.NoSelectionReason;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.control.PeerEvent;
import org.jntp.source.RawReply;
import org.jntp.source.SyncEvents;

/** Tells two listeners what the client core reports: the log and the statistics files. */
record SyncEventsPair(SyncEvents first, SyncEvents second) implements SyncEvents {

    @Override
    public void synchronizedTo(InetSocketAddress source, int stratum) {
        first.synchronizedTo(source, stratum);
        second.synchronizedTo(source, stratum);
    }

    @Override
    public void lostSynchronization(NoSelectionReason reason) {
        first.lostSynchronization(reason);
        second.lostSynchronization(reason);
    }

    @Override
    public void orphan(int stratum) {
        first.orphan(stratum);
        second.orphan(stratum);
    }

    @Override
    public void stepped(double offsetSeconds) {
        first.stepped(offsetSeconds);
        second.stepped(offsetSeconds);
    }

    @Override
    public void panic(double offsetSeconds) {
        first.panic(offsetSeconds);
        second.panic(offsetSeconds);
    }

    @Override
    public void authenticationProblem(InetSocketAddress source, String problem) {
        first.authenticationProblem(source, problem);
        second.authenticationProblem(source, problem);
    }

    @Override
    public void kissOfDeath(InetSocketAddress source, KissCode code) {
        first.kissOfDeath(source, code);
        second.kissOfDeath(source, code);
    }

    @Override
    public void peerEvent(InetSocketAddress source, int statusWord, PeerEvent event) {
        first.peerEvent(source, statusWord, event);
        second.peerEvent(source, statusWord, event);
    }

    @Override
    public void leapChanged(LeapState leap) {
        first.leapChanged(leap);
        second.leapChanged(leap);
    }

    @Override
    public void clockUpdated(double offsetSeconds, double frequencyPpm, double jitterSeconds, double wanderPpm,
            int pollLog2) {
        first.clockUpdated(offsetSeconds, frequencyPpm, jitterSeconds, wanderPpm, pollLog2);
        second.clockUpdated(offsetSeconds, frequencyPpm, jitterSeconds, wanderPpm, pollLog2);
    }

    @Override
    public void peerSampled(InetSocketAddress source, int statusWord, double offsetSeconds, double delaySeconds,
            double dispersionSeconds, double jitterSeconds) {
        first.peerSampled(source, statusWord, offsetSeconds, delaySeconds, dispersionSeconds, jitterSeconds);
        second.peerSampled(source, statusWord, offsetSeconds, delaySeconds, dispersionSeconds, jitterSeconds);
    }

    @Override
    public void rawReply(InetSocketAddress source, RawReply reply) {
        first.rawReply(source, reply);
        second.rawReply(source, reply);
    }
}
