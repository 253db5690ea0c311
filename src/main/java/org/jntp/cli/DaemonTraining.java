package org.jntp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SoftwareClock;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.daemon.ClientOptions;
import org.jntp.daemon.Daemon;
import org.jntp.daemon.EventLog;
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
 * which writes the cache.
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
        Path conf = Files.createTempFile("jntp-training", ".conf");
        try {
            Files.writeString(conf, LOCAL_CLOCK);
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
        InetSocketAddress daemon = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(50);
            byte[] request = timeRequest();
            DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
            int answered = 0;
            long deadline = System.nanoTime() + SYNC_WAIT_MILLIS * 1_000_000L;
            while (answered < REQUESTS && System.nanoTime() - deadline < 0) {
                socket.send(new DatagramPacket(request, request.length, daemon));
                try {
                    socket.receive(reply);
                    answered++;
                } catch (SocketTimeoutException notYet) {
                    // the daemon is still starting
                }
            }
            for (ControlRequest control : List.of(ControlRequest.of(2, ControlOpcode.READSTAT, 1, 0, new byte[0]),
                    ControlRequest.of(2, ControlOpcode.READVAR, 2, 0, new byte[0]))) {
                byte[] datagram = control.encode();
                socket.send(new DatagramPacket(datagram, datagram.length, daemon));
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException lost) {
                    // training goes on without it
                }
            }
        }
    }

    private static byte[] timeRequest() {
        ByteBuffer packet = ByteBuffer.allocate(NtpHeader.LENGTH);
        NtpHeader.clientRequest(NtpHeader.VERSION, NtpTimestamp.ofUnixNanos(System.currentTimeMillis() * 1_000_000L))
                .encode(packet);
        return packet.array();
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
        }
    }

    private static NtpConfig config(String text) {
        return switch (ConfigParser.parse(text, "training.conf")) {
            case ConfigResult.Valid valid -> valid.config();
            case ConfigResult.Invalid invalid -> throw new IllegalStateException("training config: " + invalid.errors());
        };
    }

    private static int freePort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        }
    }
}
