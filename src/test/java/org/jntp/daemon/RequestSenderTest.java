package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jntp.clock.LinuxClockGettime;
import org.jntp.daemon.net.ReceiveBatch;
import org.jntp.daemon.net.UdpSocket;
import org.junit.jupiter.api.Test;

class RequestSenderTest {
    private final EventLog log = new EventLog(new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8), () -> 0, ZoneOffset.UTC, 1, 0);

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

            UdpSocket first = sender.send(destination, request, System::nanoTime).orElseThrow().socket();
            sender.replenish();
            UdpSocket second = sender.send(destination, request, System::nanoTime).orElseThrow().socket();

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

            UdpSocket socket = sender.send(destination, new byte[48], System::nanoTime).orElseThrow().socket();
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
                    System::nanoTime);

            assertThat(sent).isEmpty();
        }
    }

    @Test
    void readsTheClockRightAroundTheSendSoThatItsTimesBracketTheRequestsArrival() throws Exception {
        try (UdpSocket server = UdpSocket.open(new InetSocketAddress("127.0.0.1", 0), RequestSender.CLIENT_SOCKET);
             ReceiveBatch arrivals = ReceiveBatch.allocate(1, 64);
             RequestSender sender = new RequestSender(log)) {
            sender.prepare(List.of(server.localAddress()));

            RequestSender.Sent sent = sender.send(server.localAddress(), new byte[48],
                    LinuxClockGettime::realtimeNanos).orElseThrow();

            assertThat(server.receive(arrivals)).isEqualTo(1);
            assertThat(arrivals.receiveTimeNanos(0)).isBetween(sent.beforeSendNanos(), sent.afterSendNanos());
            sent.socket().close();
        }
    }
}
