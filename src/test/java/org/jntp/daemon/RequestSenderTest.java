package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Optional;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SoftwareClock;
import org.jntp.daemon.net.ReceiveBatch;
import org.jntp.daemon.net.UdpSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestSenderTest {
    private final KernelClock system = KernelClock.open();
    private final EventLog log = TestLogs.silent();

    @AfterEach
    void closeTheClock() {
        system.close();
    }

    private static InetSocketAddress receivedFrom(DatagramChannel server, byte[] expected) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        InetSocketAddress from = (InetSocketAddress) server.receive(buffer);
        assertThat(buffer.flip().remaining()).isEqualTo(expected.length);
        return from;
    }

    @Test
    void sendsEachRequestFromAFreshSourcePort() throws Exception {
        try (DatagramChannel server = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             RequestSender sender = new RequestSender(log)) {
            InetSocketAddress destination = (InetSocketAddress) server.getLocalAddress();
            sender.prepare(List.of(destination));
            byte[] request = new byte[48];

            UdpSocket first = sender.send(destination, request, system).orElseThrow().socket();
            sender.replenish();
            UdpSocket second = sender.send(destination, request, system).orElseThrow().socket();

            assertThat(first.localAddress().getPort()).isNotEqualTo(second.localAddress().getPort());
            assertThat(receivedFrom(server, request).getPort()).isEqualTo(first.localAddress().getPort());
            assertThat(receivedFrom(server, request).getPort()).isEqualTo(second.localAddress().getPort());
            first.close();
            second.close();
        }
    }

    @Test
    void handsTheSocketOverToTheCallerWhoClosesItOnceTheReplyCame() throws Exception {
        try (DatagramChannel server = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             RequestSender sender = new RequestSender(log)) {
            InetSocketAddress destination = (InetSocketAddress) server.getLocalAddress();
            sender.prepare(List.of(destination));

            UdpSocket socket = sender.send(destination, new byte[48], system).orElseThrow().socket();
            sender.close();

            assertThat(socket.isOpen()).isTrue();
            socket.close();
        }
    }

    @Test
    void sendsNothingToADestinationItWasNotPreparedFor() {
        try (RequestSender sender = new RequestSender(log)) {
            sender.prepare(List.of(new InetSocketAddress("127.0.0.1", 9)));

            Optional<RequestSender.Sent> sent = sender.send(new InetSocketAddress("127.0.0.1", 10), new byte[48],
                    system);

            assertThat(sent).isEmpty();
        }
    }

    @Test
    void takesTheKernelsTransmitStampOnTheClocksTimescaleAsTheTimeTheRequestLeft() throws Exception {
        SoftwareClock clock = new SoftwareClock.Spec(0.25, 0).over(system);
        try (UdpSocket server = UdpSocket.open(new InetSocketAddress("127.0.0.1", 0), RequestSender.CLIENT_SOCKET);
             ReceiveBatch arrivals = ReceiveBatch.allocate(1, 64);
             RequestSender sender = new RequestSender(log)) {
            sender.prepare(List.of(server.localAddress()));
            long before = clock.nowNanos();

            RequestSender.Sent sent = sender.send(server.localAddress(), new byte[48], clock).orElseThrow();

            long after = clock.nowNanos();
            assertThat(server.receive(arrivals)).isEqualTo(1);
            assertThat(sent.afterSendNanos()).isEqualTo(sent.beforeSendNanos());
            assertThat(sent.beforeSendNanos()).isBetween(before, after)
                    .isLessThanOrEqualTo(clock.fromSystemNanos(arrivals.receiveTimeNanos(0)));
            assertThat(sent.socket().transmitTimeNanos(arrivals)).as("the stamp was taken").isZero();
            sent.socket().close();
        }
    }

    @Test
    void readsTheClockRightAroundTheSendWithoutTransmitStampsSoThatItsTimesBracketTheRequestsArrival()
            throws Exception {
        try (UdpSocket server = UdpSocket.open(new InetSocketAddress("127.0.0.1", 0), RequestSender.CLIENT_SOCKET);
             ReceiveBatch arrivals = ReceiveBatch.allocate(1, 64);
             RequestSender sender = new RequestSender(log,
                     RequestSender.CLIENT_SOCKET.withTransmitTimestamps(false))) {
            sender.prepare(List.of(server.localAddress()));

            RequestSender.Sent sent = sender.send(server.localAddress(), new byte[48], system).orElseThrow();

            assertThat(server.receive(arrivals)).isEqualTo(1);
            assertThat(arrivals.receiveTimeNanos(0)).isBetween(sent.beforeSendNanos(), sent.afterSendNanos());
            sent.socket().close();
        }
    }
}
