package org.jntp.daemon.net;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SendBatchTest {
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress("127.0.0.1", 0);

    @Test
    void sendsEachReplyToTheSourceOfItsRequest() throws IOException {
        List<LoopbackClient> clients = new ArrayList<>();
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults());
             ReceiveBatch requests = ReceiveBatch.allocate(16, 1024);
             SendBatch replies = SendBatch.allocate(16, 1024)) {
            for (int i = 0; i < 5; i++) {
                clients.add(LoopbackClient.onIpv4());
                clients.get(i).send("request " + i, socket.localAddress());
            }
            int received = 0;
            while (received < clients.size()) {
                int count = socket.receive(requests);
                for (int i = 0; i < count; i++) {
                    echoUpperCase(requests, i, replies);
                }
                received += count;
            }

            assertThat(socket.send(replies)).isEqualTo(5);
            for (int i = 0; i < clients.size(); i++) {
                assertThat(clients.get(i).receiveText()).isEqualTo("REQUEST " + i);
            }
        } finally {
            for (LoopbackClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void sendsTheReplyFromTheAddressTheRequestWasSentTo() throws IOException {
        try (UdpSocket socket = UdpSocket.open(new InetSocketAddress("0.0.0.0", 0), UdpSocketOptions.defaults());
             ReceiveBatch requests = ReceiveBatch.allocate(4, 1024);
             SendBatch replies = SendBatch.allocate(4, 1024);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            InetSocketAddress secondLoopback = new InetSocketAddress("127.0.0.2", socket.localAddress().getPort());
            client.send("ping", secondLoopback);
            socket.receive(requests);
            echoUpperCase(requests, 0, replies);
            socket.send(replies);

            DatagramPacket reply = client.receive();

            assertThat(reply.getSocketAddress()).isEqualTo(secondLoopback);
        }
    }

    @Test
    void repliesOverIpv6FromAWildcardSocketToTheAddressTheRequestWasSentTo() throws IOException {
        InetAddress loopback6 = InetAddress.getByName("::1");
        assumeTrue(UdpSocketTest.hasIpv6Loopback(loopback6), "host has no ::1");
        try (UdpSocket socket = UdpSocket.open(new InetSocketAddress("::", 0), UdpSocketOptions.defaults());
             ReceiveBatch requests = ReceiveBatch.allocate(4, 1024);
             SendBatch replies = SendBatch.allocate(4, 1024);
             LoopbackClient client = LoopbackClient.on(loopback6)) {
            InetSocketAddress server = new InetSocketAddress(loopback6, socket.localAddress().getPort());
            client.send("ping6", server);
            socket.receive(requests);
            Endpoint destination = new Endpoint();
            echoUpperCase(requests, 0, replies);

            assertThat(socket.send(replies)).isEqualTo(1);
            assertThat(requests.destination(0, destination)).isTrue();
            assertThat(destination.toInetSocketAddress()).isEqualTo(server);
            DatagramPacket reply = client.receive();
            assertThat(reply.getSocketAddress()).isEqualTo(server);
            assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII)).isEqualTo("PING6");
        }
    }

    @Test
    void skipsADatagramTheKernelRefusesAndSendsTheRest() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults());
             SendBatch batch = SendBatch.allocate(4, 64);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            Endpoint good = Endpoint.of(client.address());
            Endpoint portZero = Endpoint.of(new InetSocketAddress("127.0.0.1", 0));
            addText(batch, good, "first");
            addText(batch, portZero, "refused");
            addText(batch, good, "third");

            assertThat(socket.send(batch)).isEqualTo(2);
            assertThat(client.receiveText()).isEqualTo("first");
            assertThat(client.receiveText()).isEqualTo("third");
        }
    }

    @Test
    void sendsToAnEndpointGivenAsNumbers() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults());
             SendBatch batch = SendBatch.allocate(4, 64);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            Endpoint destination = new Endpoint();
            destination.setIpv4(0x7F00_0001, client.address().getPort());
            addText(batch, destination, "hello");

            socket.send(batch);

            DatagramPacket packet = client.receive();
            assertThat(packet.getSocketAddress()).isEqualTo(socket.localAddress());
            assertThat(packet.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        }
    }

    @Test
    void keepsItsDatagramsAfterSendingUntilCleared() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults());
             SendBatch batch = SendBatch.allocate(4, 64);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            addText(batch, Endpoint.of(client.address()), "again");
            socket.send(batch);
            socket.send(batch);
            batch.clear();

            assertThat(client.receiveText()).isEqualTo("again");
            assertThat(client.receiveText()).isEqualTo("again");
            assertThat(batch.size()).isZero();
        }
    }

    @Test
    void sendsNothingForADatagramTakenBack() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, UdpSocketOptions.defaults());
             SendBatch batch = SendBatch.allocate(4, 64);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            addText(batch, Endpoint.of(client.address()), "kept");
            addText(batch, Endpoint.of(client.address()), "taken back");
            batch.removeLast();

            assertThat(socket.send(batch)).isEqualTo(1);
            assertThat(client.receiveText()).isEqualTo("kept");
        }
    }

    @Test
    void refusesMoreDatagramsThanItsCapacity() {
        try (SendBatch batch = SendBatch.allocate(1, 64)) {
            batch.add(new Endpoint());

            assertThatThrownBy(() -> batch.add(new Endpoint())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void refusesALengthBeyondItsBuffer() {
        try (SendBatch batch = SendBatch.allocate(1, 64)) {
            int slot = batch.add(new Endpoint());

            assertThatThrownBy(() -> batch.setLength(slot, 65)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    private static void echoUpperCase(ReceiveBatch requests, int requestSlot, SendBatch replies) {
        int slot = replies.addReply(requests, requestSlot);
        ByteBuffer request = requests.payload(requestSlot);
        ByteBuffer reply = replies.payload(slot);
        while (request.hasRemaining()) {
            reply.put((byte) Character.toUpperCase(request.get()));
        }
        replies.setLength(slot, reply.position());
    }

    private static void addText(SendBatch batch, Endpoint destination, String text) {
        int slot = batch.add(destination);
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        batch.payload(slot).put(bytes);
        batch.setLength(slot, bytes.length);
    }
}
