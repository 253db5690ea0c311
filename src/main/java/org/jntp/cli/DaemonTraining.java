package org.jntp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.jntp.clock.ClockException;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SoftwareClock;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.daemon.ClientOptions;
import org.jntp.daemon.Daemon;
import org.jntp.daemon.EventLog;
import org.jntp.daemon.net.Endpoint;
import org.jntp.daemon.net.ReceiveBatch;
import org.jntp.daemon.net.SendBatch;
import org.jntp.daemon.net.UdpSocket;
import org.jntp.daemon.net.UdpSocketOptions;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;

/**
 * The training run of the daemon's AOT cache (bin/jntp-java, the packages, the kernel test bed):
 * {@code ntpd} started through the same code as its main on a loopback port of its own, serving
 * its local clock on a software clock (the system clock is only read), answering time and mode 6
 * requests; beside it a client synchronising to a second daemon, so that the source, filter and
 * discipline classes are in the cache too. About three seconds; no output; the JVM exits at the end,
 * which writes the cache. Its own requests go through the daemon's sockets, not java.net's: every
 * class the training loads is loaded again at each start of the daemon from the cache.
 */
public final class DaemonTraining {
    private static final long SYNC_WAIT_MILLIS = 5_000;
    private static final int REQUESTS = 2_000;
    private static final String LOCAL_CLOCK = """
            server 127.127.1.0
            fudge 127.127.1.0 stratum 8
            interface ignore all
            interface listen 127.0.0.1
            restrict default
            """;

    private DaemonTraining() {}

    public static void main(String[] args) throws Exception {
        // not Files.createTempFile, whose permission classes the daemon never needs; CREATE_NEW
        // refuses a file or link already there, as createTempFile does
        Path conf = Path.of(System.getProperty("java.io.tmpdir"),
                "jntp-training-" + ProcessHandle.current().pid() + ".conf");
        try {
            Files.writeString(conf, LOCAL_CLOCK, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            int port = freePort();
            // a daemon thread: the exit below ends it, mid-serve, as a signal would
            Thread.ofPlatform().daemon().start(() -> Ntpd.run(List.of("-n", "-c", conf.toString(),
                    "--port", Integer.toString(port), "--software-clock", "0,0")));
            ask(port);
            synchroniseAClient();
        } finally {
            Files.deleteIfExists(conf);
        }
        System.exit(0);
    }

    /** Time requests until the daemon answers and then some, and the mode 6 requests of ntpq -p and ntpstat. */
    private static void ask(int port) throws IOException {
        Endpoint daemon = Endpoint.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        try (UdpSocket socket = UdpSocket.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                UdpSocketOptions.defaults().withReceiveTimeout(Duration.ofMillis(50)));
             SendBatch request = SendBatch.allocate(1, NtpHeader.LENGTH);
             SendBatch control = SendBatch.allocate(1, 2048);
             ReceiveBatch reply = ReceiveBatch.allocate(1, 2048)) {
            int slot = request.add(daemon);
            request.setLength(slot, timeRequest(request.payload(slot)));
            int answered = 0;
            long deadline = System.nanoTime() + SYNC_WAIT_MILLIS * 1_000_000L;
            while (answered < REQUESTS && System.nanoTime() - deadline < 0) {
                socket.send(request);
                answered += socket.receive(reply);
            }
            for (ControlRequest query : List.of(ControlRequest.of(2, ControlOpcode.READSTAT, 1, 0, new byte[0]),
                    ControlRequest.of(2, ControlOpcode.READVAR, 2, 0, new byte[0]))) {
                byte[] datagram = query.encode();
                control.clear();
                int querySlot = control.add(daemon);
                control.payload(querySlot).put(datagram);
                control.setLength(querySlot, datagram.length);
                socket.send(control);
                // no answer within the timeout: training goes on without it
                socket.receive(reply);
            }
        }
    }

    /** Writes a client's time request into {@code packet}; returns its length. */
    private static int timeRequest(ByteBuffer packet) {
        NtpHeader.clientRequest(NtpHeader.VERSION, NtpTimestamp.ofUnixNanos(System.currentTimeMillis() * 1_000_000L))
                .encode(packet);
        return packet.position();
    }

    /** A second daemon serving its local clock, and a third synchronising to it with iburst. */
    private static void synchroniseAClient() throws IOException, InterruptedException {
        EventLog quiet = new EventLog(new PrintStream(PrintStream.nullOutputStream()), System::currentTimeMillis,
                ZoneId.of("UTC"), ProcessHandle.current().pid(), 0);
        int upstreamPort = freePort();
        try (KernelClock system = KernelClock.open();
             Daemon upstream = Daemon.start(config(LOCAL_CLOCK), new SoftwareClock.Spec(0, 0).over(system),
                upstreamPort, quiet);
             Daemon client = Daemon.start(config("server 127.0.0.1 iburst\ninterface ignore all\n"
                     + "interface listen 127.0.0.1\n"), new SoftwareClock.Spec(0.01, 0).over(system), freePort(),
                     ClientOptions.defaults().withServerPort(upstreamPort), quiet)) {
            long deadline = System.nanoTime() + SYNC_WAIT_MILLIS * 1_000_000L;
            while (client.systemVariables().leap() == LeapIndicator.UNSYNCHRONIZED && System.nanoTime() - deadline < 0) {
                Thread.sleep(20);
            }
            readKernelState(system);
        }
    }

    /**
     * The kernel clock's frequency read as the daemon reads it at its first poll when it disciplines
     * the kernel clock (a read: clock_adjtime with modes 0), so that struct timex's classes come from
     * the cache too; loaded from the jar they took 0.15 s of the start under the kernel test bed's
     * emulation. A kernel that refuses even the read leaves them out of the cache, nothing more.
     */
    private static void readKernelState(KernelClock system) {
        try {
            system.frequencyPpm();
        } catch (ClockException refused) {
            // the daemon reports it at its own start; training goes on without these classes
        }
    }

    private static NtpConfig config(String text) {
        return switch (ConfigParser.parse(text, "training.conf")) {
            case ConfigResult.Valid valid -> valid.config();
            case ConfigResult.Invalid invalid -> throw new IllegalStateException("training config: " + invalid.errors());
        };
    }

    private static int freePort() throws IOException {
        try (UdpSocket socket = UdpSocket.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                UdpSocketOptions.defaults())) {
            return socket.localAddress().getPort();
        }
    }
}
