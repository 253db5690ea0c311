package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jntp.clock.LeapState;
import org.jntp.discipline.NoSelectionReason;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.control.PeerEvent;
import org.jntp.source.RawReply;
import org.jntp.source.SyncEvents;
import org.junit.jupiter.api.Test;

class SyncEventsPairTest {

    /** Notes the name of each event it hears. */
    private static final class Heard implements SyncEvents {
        final List<String> events = new ArrayList<>();

        @Override
        public void synchronizedTo(InetSocketAddress source, int stratum) {
            events.add("synchronizedTo");
        }

        @Override
        public void lostSynchronization(NoSelectionReason reason) {
            events.add("lostSynchronization");
        }

        @Override
        public void orphan(int stratum) {
            events.add("orphan");
        }

        @Override
        public void stepped(double offsetSeconds) {
            events.add("stepped");
        }

        @Override
        public void panic(double offsetSeconds) {
            events.add("panic");
        }

        @Override
        public void kissOfDeath(InetSocketAddress source, KissCode code) {
            events.add("kissOfDeath");
        }

        @Override
        public void peerEvent(InetSocketAddress source, int statusWord, PeerEvent event) {
            events.add("peerEvent");
        }

        @Override
        public void leapChanged(LeapState leap) {
            events.add("leapChanged");
        }

        @Override
        public void clockUpdated(double offsetSeconds, double frequencyPpm, double jitterSeconds, double wanderPpm,
                int pollLog2) {
            events.add("clockUpdated");
        }

        @Override
        public void peerSampled(InetSocketAddress source, int statusWord, double offsetSeconds, double delaySeconds,
                double dispersionSeconds, double jitterSeconds) {
            events.add("peerSampled");
        }

        @Override
        public void rawReply(InetSocketAddress source, RawReply reply) {
            events.add("rawReply");
        }
    }

    @Test
    void tellsBothListenersEveryEvent() {
        Heard first = new Heard();
        Heard second = new Heard();
        SyncEvents pair = new SyncEventsPair(first, second);
        InetSocketAddress source = new InetSocketAddress("192.0.2.1", 123);

        pair.synchronizedTo(source, 2);
        pair.lostSynchronization(NoSelectionReason.NO_CANDIDATES);
        pair.orphan(10);
        pair.stepped(0.5);
        pair.panic(2000);
        pair.kissOfDeath(source, KissCode.RATE);
        pair.peerEvent(source, 0x8014, PeerEvent.REACHABLE);
        pair.leapChanged(LeapState.INSERT);
        pair.clockUpdated(0, 0, 0, 0, 6);
        pair.peerSampled(source, 0x9614, 0, 0, 0, 0);
        pair.rawReply(source, null);

        List<String> all = List.of("synchronizedTo", "lostSynchronization", "orphan", "stepped", "panic",
                "kissOfDeath", "peerEvent", "leapChanged", "clockUpdated", "peerSampled", "rawReply");
        assertThat(first.events).isEqualTo(all);
        assertThat(second.events).isEqualTo(all);
    }
}
