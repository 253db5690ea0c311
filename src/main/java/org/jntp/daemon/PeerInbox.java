package org.jntp.daemon;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import org.jntp.server.PacketRoute;
import org.jntp.server.SymmetricPeers;

/**
 * Where the server threads leave the symmetric packets of configured peers for the client thread,
 * which owns the peers' associations: a bounded queue, and a wake-up for the client thread's
 * poll. A full queue drops the packet and counts it, so a flood from a peer's (forged) address
 * costs the server threads a copy at most and the client thread a bounded amount of work.
 */
final class PeerInbox {
    /** Far more than peers send between two turns of the client thread. */
    static final int CAPACITY = 64;

    /**
     * A symmetric packet from a peer.
     *
     * @param source       where it came from
     * @param datagram     its bytes
     * @param rxClockNanos when it arrived, on the disciplined clock (Unix ns)
     */
    record Arrival(InetSocketAddress source, byte[] datagram, long rxClockNanos) {}

    private final BlockingQueue<Arrival> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final LongAdder taken = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final Runnable wakeUp;
    private volatile SymmetricPeers peers = SymmetricPeers.NONE;

    /** @param wakeUp wakes the client thread; called from server threads */
    PeerInbox(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    /** Who takes a datagram from this source, for the server threads. Allocates nothing. */
    PacketRoute route(ByteBuffer datagram, long addressHigh, long addressLow, int port) {
        return peers.route(datagram, addressHigh, addressLow, port);
    }

    /** From now on, routes the symmetric packets of these peers (address and port) here. */
    void usePeers(List<InetSocketAddress> addresses) {
        peers = SymmetricPeers.of(addresses);
    }

    /** Leaves a peer's datagram (position 0 to its limit) for the client thread, or drops it when full. */
    void deliver(InetSocketAddress source, ByteBuffer datagram, long rxClockNanos) {
        if (queue.remainingCapacity() == 0) {
            dropped.increment();
            return;
        }
        byte[] bytes = new byte[datagram.remaining()];
        datagram.get(bytes);
        if (queue.offer(new Arrival(source, bytes, rxClockNanos))) {
            taken.increment();
            wakeUp.run();
        } else {
            dropped.increment();
        }
    }

    /** Everything left here so far, oldest first, for the client thread. */
    List<Arrival> takeAll() {
        List<Arrival> arrivals = new ArrayList<>(queue.size());
        queue.drainTo(arrivals);
        return arrivals;
    }

    /** Packets left here so far. */
    long taken() {
        return taken.sum();
    }

    /** Packets dropped so far because the client thread had not taken the earlier ones. */
    long dropped() {
        return dropped.sum();
    }
}
