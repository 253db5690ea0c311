package org.jntp.daemon.net;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiveBatchTest {
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress("127.0.0.1", 0);
    private static final UdpSocketOptions LARGE_BUFFERS = UdpSocketOptions.defaults().withReceiveBufferBytes(1 << 20);

    @Test
    void takesFiftyQueuedDatagramsInAFewCalls() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, LARGE_BUFFERS);
             ReceiveBatch batch = ReceiveBatch.allocate(64, 1024);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            for (int i = 0; i < 50; i++) {
                client.send(new byte[] {(byte) i}, socket.localAddress());
            }
            int received = 0;
            int calls = 0;
            while (received < 50 && calls < 10) {
                int count = socket.receive(batch);
                for (int slot = 0; slot < count; slot++) {
                    assertThat(batch.payload(slot).get(0)).isEqualTo((byte) (received + slot));
                }
                received += count;
                calls++;
            }

            assertThat(received).isEqualTo(50);
            assertThat(calls).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void resetsEachPayloadViewToTheNewDatagram() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults());
             ReceiveBatch batch = ReceiveBatch.allocate(4, 1024);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            client.send(new byte[48], socket.localAddress());
            socket.receive(batch);
            batch.payload(0).position(10);
            client.send(new byte[12], socket.localAddress());
            socket.receive(batch);

            assertThat(batch.payload(0).position()).isZero();
            assertThat(batch.payload(0).limit()).isEqualTo(12);
            assertThat(batch.payload(0)).isSameAs(batch.payload(0));
        }
    }

    @Test
    void marksADatagramLongerThanItsBufferAsTruncated() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults());
             ReceiveBatch batch = ReceiveBatch.allocate(4, 48);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            client.send(new byte[100], socket.localAddress());
            client.send(new byte[48], socket.localAddress());
            int count = 0;
            while (count < 2) {
                count += socket.receive(batch);
            }

            assertThat(batch.truncated(0)).isTrue();
            assertThat(batch.length(0)).isEqualTo(48);
            assertThat(batch.truncated(1)).isFalse();
        }
    }

    @Test
    void givesTheSourceAsNumbers() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults());
             ReceiveBatch batch = ReceiveBatch.allocate(4, 1024);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            client.send("x", socket.localAddress());
            socket.receive(batch);
            Endpoint source = new Endpoint();
            batch.source(0, source);

            assertThat(batch.sourceFamily(0)).isEqualTo(IpFamily.IPV4);
            assertThat(batch.sourceAddressHigh(0)).isZero();
            assertThat(batch.sourceAddressLow(0)).isEqualTo(0x0000_FFFF_7F00_0001L);
            assertThat(batch.sourcePort(0)).isEqualTo(client.address().getPort());
            assertThat(source.toInetSocketAddress()).isEqualTo(client.address());
        }
    }

    @Test
    void tellsTheDestinationAndInterfaceOfADatagramOnAWildcardSocket() throws IOException {
        try (UdpSocket socket = UdpSocket.open(new InetSocketAddress("0.0.0.0", 0), UdpSocketOptions.defaults());
             ReceiveBatch batch = ReceiveBatch.allocate(4, 1024);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            int port = socket.localAddress().getPort();
            client.send("x", new InetSocketAddress("127.0.0.2", port));
            socket.receive(batch);
            Endpoint destination = new Endpoint();

            assertThat(batch.destination(0, destination)).isTrue();
            assertThat(destination.toInetSocketAddress()).isEqualTo(new InetSocketAddress("127.0.0.2", port));
            assertThat(batch.interfaceIndex(0))
                    .isEqualTo(NetworkInterface.getByInetAddress(InetAddress.getByName("127.0.0.1")).getIndex());
        }
    }

    @Test
    void hasNoDestinationOnASocketBoundToOneAddress() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults());
             ReceiveBatch batch = ReceiveBatch.allocate(4, 1024);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            client.send("x", socket.localAddress());
            socket.receive(batch);

            assertThat(batch.destination(0, new Endpoint())).isFalse();
            assertThat(batch.interfaceIndex(0)).isZero();
        }
    }

    @Test
    void refusesACapacityBeyondWhatOneSystemCallTakes() {
        assertThatThrownBy(() -> ReceiveBatch.allocate(1025, 1024)).isInstanceOf(IllegalArgumentException.class);
    }
}
