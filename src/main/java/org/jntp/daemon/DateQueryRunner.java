package org.jntp.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.jntp.clock.Clock;
import org.jntp.daemon.net.Poller;
import org.jntp.daemon.net.ReceiveBatch;
import org.jntp.daemon.net.UdpSocket;
import org.jntp.source.DateQuery;
import org.jntp.source.Synchronizer;

/**
 * ntpdate's I/O: drives a {@link DateQuery} on real sockets on the calling thread, sending each
 * request from a socket of its own and taking each reply's kernel receive time, as the client
 * thread does.
 */
public final class DateQueryRunner {
    private static final int RECEIVE_BATCH = 4;
    private static final int MAX_DATAGRAM = 1280;
    private static final long MIN_WAIT_NANOS = 1_000_000L;

    private DateQueryRunner() {}

    /**
     * Queries {@code servers} until every one has answered or timed out, reading {@code clock}, and
     * returns what they said.
     */
    public static DateQuery.Result run(DateQuery query, List<InetSocketAddress> servers, Clock clock, EventLog log)
            throws IOException {
        OutstandingRequests<UdpSocket> outstanding = new OutstandingRequests<>();
        ReplyReader replies = new ReplyReader(clock, log);
        try (Poller poller = Poller.open();
                RequestSender sender = new RequestSender(log);
                ReceiveBatch batch = ReceiveBatch.allocate(RECEIVE_BATCH, MAX_DATAGRAM)) {
            sender.prepare(servers);
            while (!query.done()) {
                for (Synchronizer.Transmit transmit : query.wake(System.nanoTime(), clock.nowNanos())) {
                    Optional<RequestSender.Sent> left = sender.send(transmit.destination(), transmit.datagram(),
                            clock);
                    if (left.isPresent()) {
                        query.transmitted(transmit.handle(), left.get().beforeSendNanos(), left.get().afterSendNanos());
                        outstanding.sent(transmit.handle(), transmit.destination(), left.get().socket());
                    }
                }
                sender.replenish();
                if (query.done()) {
                    break;
                }
                long wait = Math.max(query.nextWakeMonoNanos() - System.nanoTime(), MIN_WAIT_NANOS);
                for (UdpSocket socket : poller.await(outstanding.sockets(), wait)) {
                    replies.read(socket, outstanding, batch, (handle, source, datagram, rxClockNanos, monoNanos) ->
                            query.receive(handle, datagram, datagram.length, rxClockNanos, monoNanos));
                }
            }
            return query.result(clock.nowNanos());
        } finally {
            outstanding.closeAll();
        }
    }
}
