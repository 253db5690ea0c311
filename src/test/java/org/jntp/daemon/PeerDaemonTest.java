package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.daemon.Loopback.LISTEN_LOOPBACK;
import static org.jntp.daemon.Loopback.await;
import static org.jntp.daemon.Loopback.config;
import static org.jntp.daemon.Loopback.freePort;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.jntp.clock.Clock;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SoftwareClock;
import org.jntp.config.NtpConfig;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.Counter;
import org.jntp.server.ServerCounters;
import org.jntp.server.SystemVariables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Symmetric peers on loopback: two daemons, each with a {@code peer} line for the other, exchange
 * mode 1 packets between their NTP ports (two ports on 127.0.0.1, as the two would use 123 on two
 * hosts). The first serves its local clock; the second starts a quarter second off.
 */
class PeerDaemonTest {
    /** The iburst volleys give the second daemon its two samples (a step, then a slew) 2 and 6 s in. */
    private static final long AWAIT_MILLIS = 30_000;
    /**
     * How long after the first the second daemon starts. Their volleys keep the same gaps, so two
     * daemons started together send almost at once, and packets that cross each other answer
     * nothing in basic symmetric mode.
     */
    private static final long STAGGER_MILLIS = 1_000;
    private static final String PEER = "peer 127.0.0.1 minpoll 3 maxpoll 3 iburst\n";

    private static Clock system;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
            System::currentTimeMillis, ZoneOffset.UTC, 1, 0);

    @BeforeAll
    static void openTheSystemClock() {
        system = KernelClock.open();
    }

    @Test
    void synchronisesToAPeerServingItsLocalClock() throws Exception {
        int portA = freePort();
        int portB = freePort();
        SoftwareClock clockB = new SoftwareClock.Spec(0.25, 0).over(system);
        try (Daemon a = Daemon.start(config("server 127.127.1.0\nfudge 127.127.1.0 stratum 8\n" + PEER
                     + LISTEN_LOOPBACK), new SoftwareClock.Spec(0, 0).over(system), portA,
                     ClientOptions.defaults().withServerPort(portB), log);
             Daemon b = startLater(config(PEER + LISTEN_LOOPBACK), clockB, portB,
                     ClientOptions.defaults().withServerPort(portA))) {
            SystemVariables served = await(b, v -> v.leap() != LeapIndicator.UNSYNCHRONIZED, AWAIT_MILLIS);

            assertThat(served.stratum()).isEqualTo(9);
            assertThat((clockB.nowNanos() - system.nowNanos()) / 1e9).isBetween(-0.01, 0.01);
            assertThat(a.systemVariables().stratum()).isEqualTo(8);
            assertThat(count(b, Counter.ANSWERED)).isZero();
        }
        assertThat(log()).contains("synchronized to 127.0.0.1, stratum 8")
                .doesNotContain("synchronized to 127.0.0.1, stratum 9");
    }

    @Test
    void answersAStrangersSymmetricActivePacketWithoutAnAssociation() throws Exception {
        int port = freePort();
        try (Daemon daemon = Daemon.start(config("server 127.127.1.0\nfudge 127.127.1.0 stratum 8\n"
                + "peer 127.0.0.1 minpoll 3\n" + LISTEN_LOOPBACK), new SoftwareClock.Spec(0, 0).over(system), port,
                ClientOptions.defaults().withServerPort(freePort()), log);
             DatagramSocket stranger = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            byte[] packet = symmetric(Mode.SYMMETRIC_ACTIVE).array();
            stranger.send(new DatagramPacket(packet, packet.length, new InetSocketAddress("127.0.0.1", port)));
            stranger.setSoTimeout((int) AWAIT_MILLIS);
            DatagramPacket reply = new DatagramPacket(new byte[1024], 1024);
            stranger.receive(reply);

            NtpHeader answer = NtpHeader.decode(ByteBuffer.wrap(reply.getData(), 0, reply.getLength()));
            assertThat(answer.mode()).isEqualTo(Mode.SYMMETRIC_PASSIVE);
            assertThat(answer.stratum()).isEqualTo(8);
        }
        assertThat(log()).contains("peer packets taken 0, dropped 0");
    }

    @Test
    void dropsAndCountsAStrangersSymmetricPassivePacket() throws Exception {
        int port = freePort();
        try (Daemon daemon = Daemon.start(config("peer 127.0.0.1 minpoll 3\n" + LISTEN_LOOPBACK),
                new SoftwareClock.Spec(0, 0).over(system), port, ClientOptions.defaults().withServerPort(freePort()),
                log);
             DatagramChannel stranger = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            stranger.send(symmetric(Mode.SYMMETRIC_PASSIVE), new InetSocketAddress("127.0.0.1", port));

            assertThat(awaitCount(daemon, Counter.DECLINED)).isEqualTo(1);
            assertThat(count(daemon, Counter.ANSWERED)).isZero();
        }
        assertThat(log()).contains("peer packets taken 0, dropped 0");
    }

    @Test
    void dropsAPeersPacketsWhenRestrictIgnoreCoversIt() throws Exception {
        int port = freePort();
        try (DatagramChannel peer = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            int peerPort = ((InetSocketAddress) peer.getLocalAddress()).getPort();
            try (Daemon daemon = Daemon.start(config("peer 127.0.0.1 minpoll 3\nrestrict 127.0.0.1 ignore\n"
                    + LISTEN_LOOPBACK), new SoftwareClock.Spec(0, 0).over(system), port,
                    ClientOptions.defaults().withServerPort(peerPort), log)) {
                peer.send(symmetric(Mode.SYMMETRIC_ACTIVE), new InetSocketAddress("127.0.0.1", port));

                assertThat(awaitCount(daemon, Counter.RESTRICTED)).isEqualTo(1);
            }
        }
        assertThat(log()).contains("peer packets taken 0, dropped 0");
    }

    private Daemon startLater(NtpConfig config, Clock clock, int port, ClientOptions options) throws Exception {
        Thread.sleep(STAGGER_MILLIS);
        return Daemon.start(config, clock, port, options, log);
    }

    /** The server threads' count of {@code counter}, once it is no longer 0 or the wait is over. */
    private static long awaitCount(Daemon daemon, Counter counter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MILLIS);
        while (count(daemon, counter) == 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        return count(daemon, counter);
    }

    private static long count(Daemon daemon, Counter counter) {
        return ServerCounters.sum(daemon.counters()).get(counter);
    }

    /** A synchronised stratum 2 peer's packet of {@code mode}, reading the system clock. */
    private static ByteBuffer symmetric(Mode mode) {
        NtpTimestamp now = NtpTimestamp.ofUnixNanos(system.nowNanos());
        ByteBuffer packet = ByteBuffer.allocate(NtpHeader.LENGTH);
        new NtpHeader(LeapIndicator.NO_WARNING, 4, mode, 2, 3, -20, NtpShort.ZERO, NtpShort.ZERO,
                ReferenceId.ofAscii("GPS"), now, NtpTimestamp.ZERO, NtpTimestamp.ZERO, now).encode(packet);
        return packet.flip();
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }
}
