package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SoftwareClock;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.Counter;
import org.jntp.server.ServerCounters;
import org.junit.jupiter.api.Test;

/** The daemon as a whole on loopback: real sockets, a software clock, the local clock driver. */
class DaemonTest {
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
            System::currentTimeMillis, ZoneOffset.UTC, 1, 0);

    private static NtpConfig config(String text) {
        return switch (ConfigParser.parse(text, "test.conf")) {
            case ConfigResult.Valid valid -> valid.config();
            case ConfigResult.Invalid invalid -> throw new AssertionError(invalid.errors().toString());
        };
    }

    private static int freePort() throws Exception {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
    }

    private static NtpHeader query(int port) throws Exception {
        try (DatagramChannel client = DatagramChannel.open()) {
            client.connect(new InetSocketAddress("127.0.0.1", port));
            ByteBuffer request = ByteBuffer.allocate(NtpHeader.LENGTH);
            NtpHeader.clientRequest(4, NtpTimestamp.ofUnixNanos(System.currentTimeMillis() * 1_000_000)).encode(request);
            client.write(request.flip());
            ByteBuffer reply = ByteBuffer.allocate(1024);
            client.configureBlocking(true);
            client.socket().setSoTimeout(2000);
            client.receive(reply);
            return NtpHeader.decode(reply.flip());
        }
    }

    @Test
    void servesTheLocalClockAtItsFudgedStratumOnTheConfiguredAddress() throws Exception {
        int port = freePort();
        NtpConfig config = config("""
                server 127.127.1.0
                fudge 127.127.1.0 stratum 8
                interface ignore ipv6
                interface ignore ipv4
                interface listen 127.0.0.1
                """);
        try (Daemon daemon = Daemon.start(config, new SoftwareClock.Spec(0.25, 0).over(KernelClock.open()), port, log)) {
            long beforeNanos = System.currentTimeMillis() * 1_000_000;
            NtpHeader reply = query(port);

            assertThat(reply.mode()).isEqualTo(Mode.SERVER);
            assertThat(reply.leap()).isEqualTo(LeapIndicator.NO_WARNING);
            assertThat(reply.stratum()).isEqualTo(8);
            assertThat(reply.referenceId()).isEqualTo(ReferenceId.ofAscii("LOCL"));
            long offsetNanos = reply.receiveTime().toUnixNanos(beforeNanos) - beforeNanos;
            assertThat(offsetNanos).isBetween(249_000_000L, 260_000_000L);
            assertThat(ServerCounters.sum(daemon.counters()).get(Counter.ANSWERED)).isEqualTo(1);
        }
        assertThat(logBytes.toString(StandardCharsets.UTF_8))
                .contains("Listen normally on 0 lo 127.0.0.1:" + port)
                .contains("synchronized to LOCAL(0), stratum 8")
                .contains("statistics: packets received 1, answered 1,");
    }

    @Test
    void logsThePrecisionInMicrosecondsToThreeDecimalsAsPrintfDoes() {
        for (int precision = -30; precision <= 0; precision++) {
            assertThat(Daemon.precisionLine(precision)).isEqualTo(String.format(Locale.ROOT,
                    "proto: precision = %.3f usec (%d)", Math.scalb(1.0, precision) * 1e6, precision));
        }
    }

    @Test
    void servesUnsynchronisedWithoutATimeSource() throws Exception {
        int port = freePort();
        NtpConfig config = config("interface ignore ipv6\ninterface ignore ipv4\ninterface listen 127.0.0.1\n");
        try (Daemon ignored = Daemon.start(config, KernelClock.open(), port, log)) {
            NtpHeader reply = query(port);

            assertThat(reply.leap()).isEqualTo(LeapIndicator.UNSYNCHRONIZED);
            assertThat(reply.stratum()).isZero();
        }
    }

    @Test
    void releasesItsPortWhenClosed() throws Exception {
        int port = freePort();
        NtpConfig config = config("interface ignore ipv6\ninterface ignore ipv4\ninterface listen 127.0.0.1\n");
        Daemon.start(config, KernelClock.open(), port, log).close();

        try (DatagramChannel rebind = DatagramChannel.open()) {
            rebind.bind(new InetSocketAddress("127.0.0.1", port));
        }
    }
}
