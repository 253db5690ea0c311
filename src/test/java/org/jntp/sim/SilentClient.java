package org.jntp.sim;

import java.net.InetSocketAddress;
import java.util.List;

/** A client that never sends and never touches its clock: the free-running clock is what gets measured. */
final class SilentClient implements SimulatedClient {

    static ClientFactory factory() {
        return setup -> new SilentClient();
    }

    @Override
    public long nextWakeNanos() {
        return Long.MAX_VALUE;
    }

    @Override
    public List<Outgoing> wake(long nowNanos) {
        return List.of();
    }

    @Override
    public List<Outgoing> receive(long handle, InetSocketAddress from, byte[] datagram, long nowNanos) {
        return List.of();
    }
}
