package org.jntp.sim;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * The client the simulator drives; in the product, the daemon's client core on a
 * {@link org.jntp.clock.SimulatedClock}. Times are simulated monotonic time: nanoseconds of true
 * time since the run began.
 */
public interface SimulatedClient {

    /** Simulated monotonic time (ns since the run began) of the next {@link #wake}; {@link Long#MAX_VALUE} if none. */
    long nextWakeNanos();

    /** Runs the client's timers at monotonic time {@code nowNanos}; returns what it sends now. */
    List<Outgoing> wake(long nowNanos);

    /**
     * Hands over a datagram that arrived at {@code nowNanos} on the socket that sent {@code handle};
     * returns what the client sends in answer.
     */
    List<Outgoing> receive(long handle, InetSocketAddress from, byte[] datagram, long nowNanos);
}
