package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jntp.clock.KernelClock;
import org.jntp.daemon.net.Endpoint;
import org.jntp.daemon.net.Poller;
import org.jntp.daemon.net.ReceiveBatch;
import org.jntp.daemon.net.SendBatch;
import org.jntp.daemon.net.UdpSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplyReaderTest {
    private static final long QUICK_NANOS = 50_000_000L;

    private final KernelClock system = KernelClock.open();
    private final EventLog log = TestLogs.silent();

    @AfterEach
    void closeTheClock() {
        system.close();
    }

    /** Sends a request from {@code client} to {@code server} without taking its transmit stamp. */
    private static void sendLeavingTheStamp(UdpSocket client, UdpSocket server) throws Exception {
        try (SendBatch request = SendBatch.allocate(1, 64)) {
            request.setLength(request.add(Endpoint.of(server.localAddress())), 48);
            assertThat(client.send(request)).isEqualTo(1);
        }
    }

    @Test
    void takesATransmitStampThatWokeThePollSoThatThePollSleepsAgain() throws Exception {
        try (UdpSocket server = UdpSocket.open(new InetSocketAddress("127.0.0.1", 0), RequestSender.CLIENT_SOCKET);
                UdpSocket client = UdpSocket.open(new InetSocketAddress("127.0.0.1", 0), RequestSender.CLIENT_SOCKET);
                Poller poller = Poller.open();
                ReceiveBatch batch = ReceiveBatch.allocate(4, 1280)) {
            OutstandingRequests<UdpSocket> outstanding = new OutstandingRequests<>();
            outstanding.sent(1, server.localAddress(), client);
            sendLeavingTheStamp(client, server);
            assertThat(poller.await(List.of(client), QUICK_NANOS)).as("the stamp wakes the poll").containsExactly(client);
            List<Long> replies = new ArrayList<>();

            new ReplyReader(system, log).read(client, outstanding, batch, (handle, source, datagram, rx, mono) ->
                    replies.add(handle));

            assertThat(replies).isEmpty();
            assertThat(outstanding.sockets()).containsExactly(client);
            assertThat(poller.await(List.of(client), QUICK_NANOS)).isEmpty();
        }
    }
}
