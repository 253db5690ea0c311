package org.jntp.daemon.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PollerTest {
    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress("127.0.0.1", 0);
    private static final UdpSocketOptions CLIENT = UdpSocketOptions.defaults().withPacketInfo(false);

    @Test
    void reportsTheSocketADatagramArrivedOn() throws IOException {
        try (Poller poller = Poller.open();
             UdpSocket quiet = UdpSocket.open(ANY_LOOPBACK_PORT, CLIENT);
             UdpSocket busy = UdpSocket.open(ANY_LOOPBACK_PORT, CLIENT);
             LoopbackClient client = LoopbackClient.onIpv4()) {
            client.send("reply", busy.localAddress());

            assertThat(poller.await(List.of(quiet, busy), Long.MAX_VALUE)).containsExactly(busy);
        }
    }

    @Test
    void returnsNothingWhenTheTimeoutPasses() throws IOException {
        try (Poller poller = Poller.open(); UdpSocket quiet = UdpSocket.open(ANY_LOOPBACK_PORT, CLIENT)) {
            assertThat(poller.await(List.of(quiet), 1_000_000)).isEmpty();
        }
    }

    @Test
    void returnsAtOnceWhenWokenFromAnotherThread() throws Exception {
        try (Poller poller = Poller.open()) {
            CompletableFuture<List<UdpSocket>> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return poller.await(List.of(), Long.MAX_VALUE);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            poller.wakeUp();

            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void takesAQueuedDatagramWithoutWaiting() throws IOException {
        try (UdpSocket socket = UdpSocket.open(ANY_LOOPBACK_PORT, CLIENT);
             ReceiveBatch batch = ReceiveBatch.allocate(4, 1024)) {
            assertThat(socket.receiveQueued(batch)).isZero();
        }
    }

    @Test
    void roundsTimeoutsUpToWholeMillisecondsSoItNeverWakesEarly() {
        assertThat(Poller.timeoutMillis(1)).isEqualTo(1);
        assertThat(Poller.timeoutMillis(1_000_000)).isEqualTo(1);
        assertThat(Poller.timeoutMillis(1_000_001)).isEqualTo(2);
        assertThat(Poller.timeoutMillis(0)).isZero();
        assertThat(Poller.timeoutMillis(Long.MAX_VALUE)).isEqualTo(-1);
    }
}
