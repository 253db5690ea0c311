package org.jntp.daemon.net;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class UdpSocketTest {
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress("127.0.0.1", 0);

    @Test
    void bindsAFreePortWhenPortZeroIsAsked() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults())) {
            assertThat(socket.localAddress().getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
            assertThat(socket.localAddress().getPort()).isPositive();
            assertThat(socket.family()).isEqualTo(IpFamily.IPV4);
        }
    }

    @Test
    void marksWhatItSendsExpeditedForwardingByDefaultAsNtpdDoes() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults())) {
            assertThat(socket.trafficClass()).isEqualTo(0xB8);
        }
    }

    @Test
    void marksWhatItSendsWithTheTrafficClassGiven() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults().withTrafficClass(0x28))) {
            assertThat(socket.trafficClass()).isEqualTo(0x28);
        }
    }

    @Test
    void marksIpv6DatagramsInTheTrafficClass() throws IOException {
        InetAddress loopback6 = InetAddress.getByName("::1");
        assumeTrue(hasIpv6Loopback(loopback6), "host has no ::1");
        try (UdpSocket socket = UdpSocket.open(new InetSocketAddress(loopback6, 0),
                UdpSocketOptions.defaults().withTrafficClass(0x28))) {
            assertThat(socket.trafficClass()).isEqualTo(0x28);
        }
    }

    @Test
    void receivesADatagramSentFromAJdkChannel() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults());
             ReceiveBatch batch = ReceiveBatch.allocate(8, 1024);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            client.send("hello", socket.localAddress());

            assertThat(socket.receive(batch)).isEqualTo(1);

            assertThat(batch.length(0)).isEqualTo(5);
            byte[] payload = new byte[5];
            batch.payload(0).get(payload);
            assertThat(new String(payload, StandardCharsets.US_ASCII)).isEqualTo("hello");
            assertThat(batch.sourceAddress(0)).isEqualTo(client.address());
        }
    }

    @Test
    void stampsADatagramWithTheKernelReceiveTime() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults());
             ReceiveBatch batch = ReceiveBatch.allocate(8, 1024);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            long beforeNanos = System.currentTimeMillis() * 1_000_000;
            client.send("time", socket.localAddress());
            socket.receive(batch);
            long afterNanos = (System.currentTimeMillis() + 1) * 1_000_000;

            assertThat(batch.receiveTimeNanos(0)).isBetween(beforeNanos, afterNanos);
        }
    }

    @Test
    void leavesTheReceiveTimeZeroWhenKernelTimestampsAreOff() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults().withKernelTimestamps(false));
             ReceiveBatch batch = ReceiveBatch.allocate(8, 1024);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            client.send("time", socket.localAddress());
            socket.receive(batch);

            assertThat(batch.receiveTimeNanos(0)).isZero();
        }
    }

    @Test
    void returnsNoDatagramsWhenTheReceiveTimeoutPasses() throws IOException {
        UdpSocketOptions options = UdpSocketOptions.defaults().withReceiveTimeout(Duration.ofMillis(20));
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, options);
             ReceiveBatch batch = ReceiveBatch.allocate(8, 1024)) {
            assertThat(socket.receive(batch)).isZero();
            assertThat(batch.size()).isZero();
        }
    }

    @Test
    void returnsFromABlockedReceiveWhenWokenUpByAnotherThread() throws Exception {
        UdpSocketOptions noTimeout = UdpSocketOptions.defaults().withReceiveTimeout(Duration.ZERO);
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, noTimeout);
             ReceiveBatch batch = ReceiveBatch.allocate(8, 1024)) {
            var received = new java.util.concurrent.CompletableFuture<Integer>();
            Thread receiver = Thread.ofPlatform().start(() -> {
                try {
                    received.complete(socket.receive(batch));
                } catch (IOException e) {
                    received.completeExceptionally(e);
                }
            });
            Thread.sleep(50);
            socket.wakeUp();

            assertThat(received.get(5, java.util.concurrent.TimeUnit.SECONDS)).isZero();
            receiver.join();
        }
    }

    @Test
    void letsTwoReusePortSocketsBindTheSamePort() throws IOException {
        UdpSocketOptions options = UdpSocketOptions.defaults().withReusePort(true);
        try (UdpSocket first = UdpSocket.open(ANY_LOOPBACK_PORT, options);
             UdpSocket second = UdpSocket.open(first.localAddress(), options)) {
            assertThat(second.localAddress()).isEqualTo(first.localAddress());
        }
    }

    @Test
    void namesTheCallTheAddressAndTheErrorWhenThePortIsTaken() throws IOException {
        try (UdpSocket first = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults())) {
            InetSocketAddress taken = first.localAddress();

            assertThatThrownBy(() -> UdpSocket.open(taken, UdpSocketOptions.defaults()))
                    .isInstanceOf(BindException.class)
                    .hasMessage("bind 127.0.0.1:" + taken.getPort() + ": Address already in use");
        }
    }

    @Test
    void keepsIpv6WildcardSocketsOffIpv4SoBothFamiliesShareAPort() throws IOException {
        try (UdpSocket ipv6 = UdpSocket.open(new InetSocketAddress("::", 0), UdpSocketOptions.defaults());
             UdpSocket ipv4 = UdpSocket.open(new InetSocketAddress("0.0.0.0", ipv6.localAddress().getPort()),
                     UdpSocketOptions.defaults())) {
            assertThat(ipv4.localAddress().getPort()).isEqualTo(ipv6.localAddress().getPort());
        }
    }

    @Test
    void receivesAndRepliesOverIpv6Loopback() throws IOException {
        InetAddress loopback6 = InetAddress.getByName("::1");
        assumeTrue(hasIpv6Loopback(loopback6), "host has no ::1");
        try (UdpSocket socket = UdpSocket.open(new InetSocketAddress(loopback6, 0), UdpSocketOptions.defaults());
             ReceiveBatch requests = ReceiveBatch.allocate(8, 1024);
             SendBatch replies = SendBatch.allocate(8, 1024);
             LoopbackClient client = LoopbackClient.on(loopback6)) {
            client.send("ping6", socket.localAddress());
            socket.receive(requests);
            int slot = replies.addReply(requests, 0);
            replies.payload(slot).put("pong6".getBytes(StandardCharsets.US_ASCII));
            replies.setLength(slot, 5);

            assertThat(socket.send(replies)).isEqualTo(1);

            assertThat(requests.sourceFamily(0)).isEqualTo(IpFamily.IPV6);
            assertThat(requests.sourceAddress(0)).isEqualTo(client.address());
            assertThat(client.receiveText()).isEqualTo("pong6");
        }
    }

    @Test
    void refusesToReceiveOnceClosed() throws IOException {
        UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults());
        socket.close();
        try (ReceiveBatch batch = ReceiveBatch.allocate(1, 64)) {
            assertThat(socket.isOpen()).isFalse();
            assertThatThrownBy(() -> socket.receive(batch))
                    .isInstanceOf(SocketException.class)
                    .hasMessageContaining("closed");
        }
    }

    static boolean hasIpv6Loopback(InetAddress loopback6) {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress(loopback6, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
