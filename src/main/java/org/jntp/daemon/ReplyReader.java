package org.jntp.daemon;

import java.io.IOException;
import java.util.Optional;
import org.jntp.clock.Clock;
import org.jntp.daemon.net.Endpoint;
import org.jntp.daemon.net.ReceiveBatch;
import org.jntp.daemon.net.UdpSocket;

/**
 * Takes replies off the sockets that sent requests, for the client thread and for ntpdate: the
 * first datagram from the request's destination is the reply, stamped with the kernel's receive
 * time on our clock; anything from another address is counted and dropped.
 */
final class ReplyReader {

    /** Where a reply goes. */
    interface Sink {
        /**
         * @param handle       the handle the request was sent with
         * @param source       where it came from: the request's destination
         * @param datagram     the reply's bytes
         * @param rxClockNanos when it arrived, on our clock (Unix ns)
         * @param monoNanos    the monotonic clock when it was read
         * @return whether it answered the request: false leaves the socket open for the genuine reply
         */
        boolean reply(long handle, Endpoint source, byte[] datagram, long rxClockNanos, long monoNanos);
    }

    private final Clock clock;
    private final EventLog log;
    private final Endpoint from = new Endpoint();
    private long answered;
    private long foreign;

    ReplyReader(Clock clock, EventLog log) {
        this.clock = clock;
        this.log = log;
    }

    /**
     * Reads what came to {@code socket}: what came from the request's destination goes to
     * {@code sink}, and the request is finished once one answers it; a socket whose receive fails
     * finishes its request too.
     */
    void read(UdpSocket socket, OutstandingRequests<UdpSocket> outstanding, ReceiveBatch batch, Sink sink) {
        Optional<OutstandingRequests.Request<UdpSocket>> request = outstanding.bySocket(socket);
        if (request.isEmpty()) {
            return;
        }
        Endpoint destination = Endpoint.of(request.get().destination());
        int count;
        try {
            count = socket.receiveQueued(batch);
            if (count == 0) {
                // a transmit stamp that came after the send had looked for it: it woke the poll
                socket.transmitTimeNanos(batch);
            }
        } catch (IOException e) {
            log.debug(1, "request to " + destination + " failed: " + e.getMessage());
            outstanding.finish(request.get());
            return;
        }
        long monoNanos = System.nanoTime();
        for (int i = 0; i < count; i++) {
            batch.source(i, from);
            if (!from.sameAs(destination)) {
                foreign++;
                continue;
            }
            byte[] datagram = new byte[batch.length(i)];
            batch.payload(i).get(datagram);
            long kernelNanos = batch.receiveTimeNanos(i);
            long arrivalNanos = kernelNanos != 0 ? clock.fromSystemNanos(kernelNanos) : clock.nowNanos();
            if (sink.reply(request.get().handle(), destination, datagram, arrivalNanos, monoNanos)) {
                answered++;
                outstanding.finish(request.get());
                return;
            }
        }
    }

    /** Replies taken. */
    long answered() {
        return answered;
    }

    /** Datagrams from other addresses than the request went to. */
    long foreign() {
        return foreign;
    }
}
