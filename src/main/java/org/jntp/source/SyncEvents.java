package org.jntp.source;

import java.net.InetSocketAddress;
import org.jntp.discipline.NoSelectionReason;
import org.jntp.protocol.KissCode;

/**
 * What the {@link Synchronizer} tells the world as it goes, for the log. Every method does nothing
 * unless overridden, so the simulator can ignore them all.
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

    /** A source sent a kiss-o'-death. */
    default void kissOfDeath(InetSocketAddress source, KissCode code) {}
}
