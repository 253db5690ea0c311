package org.jntp.source;

import java.net.InetSocketAddress;
import org.jntp.clock.LeapState;
import org.jntp.discipline.NoSelectionReason;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.control.PeerEvent;

/**
 * What the {@link Synchronizer} tells the world as it goes, for the log and the statistics files.
 * Every method does nothing unless overridden, so the simulator can ignore them all.
 */
public interface SyncEvents {

    /** Nothing to tell. */
    SyncEvents NONE = new SyncEvents() {};

    /** A new system peer was chosen (ntpd: "synchronized to ADDRESS, stratum N"). */
    default void synchronizedTo(InetSocketAddress source, int stratum) {}

    /** No source can be trusted any more. */
    default void lostSynchronization(NoSelectionReason reason) {}

    /** No source for orphanwait: serving as an orphan at {@code stratum}. */
    default void orphan(int stratum) {}

    /** The clock was stepped by {@code offsetSeconds}. */
    default void stepped(double offsetSeconds) {}

    /** The offset is beyond the panic threshold: the daemon must stop. */
    default void panic(double offsetSeconds) {}

    /**
     * An association's symmetric key cannot be used (not in the keys file, not trusted), or its
     * source sent a crypto-NAK: ntpd logs both as errors.
     */
    default void authenticationProblem(InetSocketAddress source, String problem) {}

    /** A source sent a kiss-o'-death. */
    default void kissOfDeath(InetSocketAddress source, KissCode code) {}

    /**
     * Something happened to an association (ntpd's report_event() for a peer: mobilize, reachable,
     * unreachable, sys_peer, rate_exceeded, access_denied).
     *
     * @param statusWord the peer status word as ntpq shows it, the event counted in
     */
    default void peerEvent(InetSocketAddress source, int statusWord, PeerEvent event) {}

    /** The leap second told to the clock for the end of the UTC day changed: armed, or {@code NONE} for disarmed. */
    default void leapChanged(LeapState leap) {}

    /**
     * The discipline corrected the clock (a slew or a step), ntpd's {@code loopstats} record.
     *
     * @param offsetSeconds  the offset just corrected (ntpq's {@code offset})
     * @param frequencyPpm   the frequency correction now in force
     * @param jitterSeconds  the clock's phase error estimate (ntpq's {@code clk_jitter})
     * @param wanderPpm      the frequency wander estimate (ntpq's {@code clk_wander})
     * @param pollLog2       the system poll exponent
     */
    default void clockUpdated(double offsetSeconds, double frequencyPpm, double jitterSeconds, double wanderPpm,
            int pollLog2) {}

    /**
     * A source's clock filter handed on a new sample (ntpd's {@code peerstats} record, written where
     * ntpd's clock_filter() writes it: not for a popcorn spike nor for a sample older than the last
     * one used).
     *
     * @param statusWord the peer status word as ntpq shows it
     * @param dispersionSeconds the filter dispersion (ntpq's {@code disp})
     */
    default void peerSampled(InetSocketAddress source, int statusWord, double offsetSeconds, double delaySeconds,
            double dispersionSeconds, double jitterSeconds) {}

    /** An association accepted a packet from {@code source} and measured a sample of it (ntpd's {@code rawstats}). */
    default void rawReply(InetSocketAddress source, RawReply reply) {}
}
