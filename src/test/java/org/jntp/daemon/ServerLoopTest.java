package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jntp.clock.KernelClock;
import org.jntp.daemon.net.ThisHostSources;
import org.jntp.daemon.net.UdpSocket;
import org.jntp.daemon.net.UdpSocketOptions;
import org.jntp.server.NtpServer;
import org.jntp.server.ServerCounters;
import org.jntp.server.SystemVariables;
import org.jntp.server.access.DiscardSettings;
import org.jntp.server.access.MruList;
import org.jntp.server.access.MruSettings;
import org.jntp.server.access.RestrictTable;
import org.jntp.server.control.ControlServer;
import org.jntp.server.control.NonceKey;
import org.junit.jupiter.api.Test;

/** A server thread over a real socket on loopback. */
class ServerLoopTest {
    private static final long WAIT_MILLIS = 5_000;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logged, true, StandardCharsets.UTF_8),
            System::currentTimeMillis, ZoneOffset.UTC, 1, 0);

    @Test
    void tellsWhyItFailedAndStopsWhenAnsweringThrows() throws Exception {
        ControlServer control = new ControlServer(() -> {
            throw new IllegalStateException("no control state");
        }, List::of, () -> {
            throw new IllegalStateException("no statistics");
        }, new NonceKey(new byte[16]));
        NtpServer server = new NtpServer(() -> SystemVariables.unsynchronized(-20), RestrictTable::defaults,
                MruList.create(MruSettings.defaults(), DiscardSettings.defaults(), 1, 42),
                DiscardSettings.defaults().averageLog2(), new ServerCounters());
        CompletableFuture<String> failure = new CompletableFuture<>();
        try (UdpSocket socket = UdpSocket.open(new InetSocketAddress("127.0.0.1", 0),
                     UdpSocketOptions.defaults().withReceiveTimeout(Duration.ZERO));
             DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            ServerLoop loop = new ServerLoop(socket, server, KernelClock.open(), new PeerInbox(() -> { }), control,
                    ThisHostSources.ofInterfaces(), new SocketCounters(), false, log, failure::complete);
            Thread thread = Thread.ofPlatform().start(loop);
            byte[] readStat = {0x16, 0x01, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};

            client.send(new DatagramPacket(readStat, readStat.length, socket.localAddress()));

            String reason = failure.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
            thread.join(WAIT_MILLIS);
            assertThat(reason).isEqualTo("server on /127.0.0.1:" + socket.localAddress().getPort()
                    + " failed: java.lang.IllegalStateException: no control state");
            assertThat(thread.isAlive()).isFalse();
            assertThat(logged.toString(StandardCharsets.UTF_8)).contains(reason);
        }
    }
}
