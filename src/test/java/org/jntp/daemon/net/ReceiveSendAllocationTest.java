package org.jntp.daemon.net;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-packet path, receive → build replies → send, must not allocate once warmed up. Until
 * C2 compiles it, the JDK's own downcall glue allocates (it slices the errno capture segment), so
 * the warm-up runs until a window of replies allocates nothing, then a fresh window is measured.
 */
class ReceiveSendAllocationTest {
    private static final int CLIENTS = 4;
    private static final int WARM_UP_WINDOW_REPLIES = 5_000;
    private static final int MAX_WARM_UP_WINDOWS = 100;
    private static final int MEASURED_REPLIES = 20_000;
    private static final long ALLOWED_BYTES = 2 * 1024;
    private static final long DEADLINE_NANOS = Duration.ofSeconds(60).toNanos();

    @Test
    void repliesWithoutAllocatingAfterWarmUp() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        UdpSocketOptions options = UdpSocketOptions.defaults()
                .withReceiveTimeout(Duration.ofMillis(100))
                .withReceiveBufferBytes(1 << 20);
        try (UdpSocket server = UdpSocket.open(new InetSocketAddress("127.0.0.1", 0), options);
             ReceiveBatch requests = ReceiveBatch.allocate(32, 1024);
             SendBatch replies = SendBatch.allocate(32, 1024)) {
            AtomicBoolean done = new AtomicBoolean();
            Thread clients = Thread.ofPlatform().name("loopback-clients").start(() -> runClients(server, done));
            try {
                ServerLoop loop = new ServerLoop(server, requests, replies);
                long startNanos = System.nanoTime();
                for (int window = 0; window < MAX_WARM_UP_WINDOWS; window++) {
                    long windowStart = threads.getCurrentThreadAllocatedBytes();
                    loop.answer(WARM_UP_WINDOW_REPLIES, startNanos);
                    if (threads.getCurrentThreadAllocatedBytes() == windowStart) {
                        break;
                    }
                }
                long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
                int answered = loop.answer(MEASURED_REPLIES, startNanos);
                long allocatedBytes = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;

                assertThat(answered).isEqualTo(MEASURED_REPLIES);
                assertThat(allocatedBytes).as("bytes allocated for %d replies", answered).isLessThan(ALLOWED_BYTES);
                assertThat(loop.checksum).isNotZero();
            } finally {
                done.set(true);
                clients.join(Duration.ofSeconds(10));
            }
        }
    }

    /** What a server thread does per batch, reading every field a real server would. */
    private static final class ServerLoop {
        private final UdpSocket socket;
        private final ReceiveBatch requests;
        private final SendBatch replies;
        private final Endpoint source = new Endpoint();
        private long checksum;

        ServerLoop(UdpSocket socket, ReceiveBatch requests, SendBatch replies) {
            this.socket = socket;
            this.requests = requests;
            this.replies = replies;
        }

        int answer(int count, long startNanos) throws IOException {
            int answered = 0;
            while (answered < count && System.nanoTime() - startNanos < DEADLINE_NANOS) {
                int received = socket.receive(requests);
                replies.clear();
                for (int i = 0; i < received; i++) {
                    requests.source(i, source);
                    checksum += requests.receiveTimeNanos(i) + source.port() + requests.payload(i).getInt(0);
                    int slot = replies.addReply(requests, i);
                    int length = requests.length(i);
                    MemorySegment.copy(requests.payloadSegment(i), 0, replies.payloadSegment(slot), 0, length);
                    replies.payload(slot).putLong(8, requests.receiveTimeNanos(i));
                    replies.setLength(slot, length);
                }
                answered += socket.send(replies);
            }
            return answered;
        }
    }

    private static void runClients(UdpSocket server, AtomicBoolean done) {
        List<DatagramSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                socket.setSoTimeout(200);
                sockets.add(socket);
            }
            DatagramPacket request = new DatagramPacket(new byte[48], 48, server.localAddress());
            DatagramPacket reply = new DatagramPacket(new byte[48], 48);
            long startNanos = System.nanoTime();
            while (!done.get() && System.nanoTime() - startNanos < DEADLINE_NANOS) {
                for (DatagramSocket socket : sockets) {
                    request.getData()[3]++;
                    socket.send(request);
                }
                for (DatagramSocket socket : sockets) {
                    receiveOrGiveUp(socket, reply);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            sockets.forEach(DatagramSocket::close);
        }
    }

    private static void receiveOrGiveUp(DatagramSocket socket, DatagramPacket reply) throws IOException {
        try {
            socket.receive(reply);
        } catch (SocketTimeoutException e) {
            // The server stopped answering (test over or failed); the send loop checks which.
        }
    }
}
