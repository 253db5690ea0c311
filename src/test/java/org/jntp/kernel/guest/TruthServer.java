package org.jntp.kernel.guest;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.jntp.clock.LinuxClockGettime;
import org.jntp.daemon.net.ReceiveBatch;
import org.jntp.daemon.net.SendBatch;
import org.jntp.daemon.net.UdpSocket;
import org.jntp.daemon.net.UdpSocketOptions;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.NtpServer;
import org.jntp.server.ServerCounters;
import org.jntp.server.ServerOutcome;
import org.jntp.server.SystemVariables;
import org.jntp.server.access.DiscardSettings;
import org.jntp.server.access.MruList;
import org.jntp.server.access.MruSettings;
import org.jntp.server.access.RestrictTable;
import org.jntp.sim.Delay;
import org.jntp.sim.PollIntervals;

/**
 * One stratum-1 server in a test-bed guest, answering with jntp's own {@link NtpServer} from
 * {@link Truth} (a falseticker a constant offset ahead of it), behind SCENARIOS.md's network: each
 * request reaches the server after its up delay, each reply the client after its down delay, and
 * either may be lost. The guest's loopback adds its own small delay on top. Its socket is the
 * daemon's own ({@link UdpSocket}), for the kernel's receive stamps.
 */
final class TruthServer implements AutoCloseable {

    private static final int NTP_PORT = 123;
    private static final int BUFFER_BYTES = 1280;
    private static final int PRECISION_LOG2 = -20;
    private static final int REFERENCE_ID_BITS = ReferenceId.ofAscii("GPS").bits();
    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final int WARM_UP_REQUEST_BYTES = 48;
    /** LI 0, version 4, mode 3 (client). */
    private static final byte WARM_UP_CLIENT_MODE_V4 = 0x23;
    private static final int WARM_UP_TIMEOUT_MILLIS = 1000;
    /** Kernel receive stamps on; no receive timeout, {@link #close} wakes the thread. */
    private static final UdpSocketOptions SOCKET_OPTIONS =
            UdpSocketOptions.defaults().withKernelTimestamps(true).withReceiveTimeout(Duration.ZERO);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final UdpSocket socket;
    /** One request at a time: the server serves it until its reply is due before it takes the next. */
    private final ReceiveBatch inbox = ReceiveBatch.allocate(1, BUFFER_BYTES);
    private final SendBatch outbox = SendBatch.allocate(1, BUFFER_BYTES);
    private final Truth truth;
    private final long offsetNanos;
    private final Delay up;
    private final Delay down;
    private final double lossProbability;
    /** Drawn only by the receiving thread. */
    private final SplittableRandom random;
    private final NtpServer server;
    private final Thread receiver;
    private volatile boolean running = true;
    private volatile long requests;
    private volatile long replies;
    private volatile long firstRequestRawNanos;
    private volatile long lastRequestRawNanos;
    private volatile long lateCount;
    private volatile long lateSumNanos;
    private volatile long lateMaxNanos;
    private volatile long wakeSumNanos;
    private volatile long wakeMaxNanos;

    private TruthServer(UdpSocket socket, Truth truth, double offsetSeconds, Delay up, Delay down,
            double lossProbability, long seed) {
        this.socket = socket;
        this.truth = truth;
        this.offsetNanos = Math.round(offsetSeconds * 1e9);
        this.up = up;
        this.down = down;
        this.lossProbability = lossProbability;
        this.random = new SplittableRandom(seed);
        MruList mru = MruList.create(MruSettings.defaults().withMaxDepth(16).withMinDepth(16),
                DiscardSettings.defaults(), 1, seed);
        this.server = new NtpServer(this::systemVariables, RestrictTable::defaults, mru,
                DiscardSettings.DEFAULT_AVERAGE_LOG2, new ServerCounters());
        this.receiver = Thread.ofPlatform().daemon().name("truth-server-" + socket.localAddress())
                .unstarted(this::receive);
    }

    /**
     * A server on {@code host}:123 that serves true time plus {@code offsetSeconds} (0 for a good
     * server), its network drawn from {@code seed}; it answers until closed.
     */
    static TruthServer start(String host, Truth truth, double offsetSeconds, Delay up, Delay down,
            double lossProbability, long seed) throws IOException {
        UdpSocket socket = UdpSocket.open(new InetSocketAddress(host, NTP_PORT), SOCKET_OPTIONS);
        TruthServer server = new TruthServer(socket, truth, offsetSeconds, up, down, lossProbability, seed);
        server.receiver.start();
        return server;
    }

    /**
     * Asks the server for the time {@code rounds} times from a client of its own, then forgets
     * those requests: the first answers run cold (class loading, the interpreter) and would leave
     * late, a delay the model does not have, just when the daemon's first samples decide whether
     * to step.
     */
    void warmUp(int rounds) throws IOException {
        byte[] request = new byte[WARM_UP_REQUEST_BYTES];
        request[0] = WARM_UP_CLIENT_MODE_V4;
        try (DatagramSocket client = new DatagramSocket()) {
            client.setSoTimeout(WARM_UP_TIMEOUT_MILLIS);
            for (int i = 0; i < rounds; i++) {
                request[WARM_UP_REQUEST_BYTES - 1] = (byte) (i + 1); // a transmit timestamp that is not zero
                client.send(new DatagramPacket(request, request.length, socket.localAddress()));
                try {
                    client.receive(new DatagramPacket(new byte[BUFFER_BYTES], BUFFER_BYTES));
                } catch (SocketTimeoutException lost) {
                    // the model lost it: the next round warms just as well
                }
            }
        }
        requests = 0;
        replies = 0;
        lateCount = 0;
        lateSumNanos = 0;
        lateMaxNanos = 0;
        wakeSumNanos = 0;
        wakeMaxNanos = 0;
    }

    /** Requests that reached the socket, lost ones included. */
    long requests() {
        return requests;
    }

    /** Replies sent to the client (counted before they leave), lost ones not. */
    long replies() {
        return replies;
    }

    /** The span and count of the intervals between the requests, as {@code ntpsim} counts them. */
    PollIntervals polls() {
        long count = requests;
        return count < 2 ? PollIntervals.NONE
                : new PollIntervals(lastRequestRawNanos - firstRequestRawNanos, count - 1);
    }

    /** Serves requests until {@link #close}, then closes the socket, which this thread owns. */
    private void receive() {
        try (socket; inbox; outbox) {
            while (running) {
                if (socket.receive(inbox) == 1) {
                    serve();
                }
            }
        } catch (IOException e) {
            System.out.println("scenario: server " + socket.localAddress() + " failed: " + e);
        }
    }

    /**
     * Serves the request in the inbox: the receive stamp is true time when the request reaches the
     * server by the model, its up delay after the kernel received it (not after this thread woke for
     * it, which may be milliseconds later beside a busy daemon); the reply leaves when it reaches
     * the client by the model; the thread waits in between. Should it wake late, the reply is taken
     * to have left the server that much later, and its transmit stamp says so: like a real server's,
     * which stamps when it sends, its lateness adds no asymmetric delay the daemon would take for an
     * offset (a daemon that keeps the guest's one CPU busier would otherwise be measured worse than
     * it disciplines).
     */
    private void serve() throws IOException {
        long readRealtimeBefore = LinuxClockGettime.realtimeNanos();
        long readRawNanos = LinuxClockGettime.monotonicRawNanos();
        long readRealtimeAfter = LinuxClockGettime.realtimeNanos();
        long readRealtimeNanos = readRealtimeBefore + (readRealtimeAfter - readRealtimeBefore) / 2;
        long arrivalRawNanos = KernelArrival.rawNanos(inbox.receiveTimeNanos(0), readRealtimeNanos, readRawNanos);
        woke(readRawNanos - arrivalRawNanos);
        if (requests == 0) {
            firstRequestRawNanos = arrivalRawNanos;
        }
        lastRequestRawNanos = arrivalRawNanos;
        requests++;
        boolean requestLost = random.nextDouble() < lossProbability;
        boolean replyLost = random.nextDouble() < lossProbability;
        long servedRawNanos = arrivalRawNanos + drawNanos(up);
        long deliveredRawNanos = servedRawNanos + drawNanos(down);
        if (requestLost) {
            return;
        }
        if (inbox.truncated(0)) {
            server.refuseOversized();
            return;
        }
        long addressHigh = inbox.sourceAddressHigh(0);
        long addressLow = inbox.sourceAddressLow(0);
        outbox.clear();
        int slot = outbox.addReply(inbox, 0);
        ByteBuffer reply = outbox.payload(slot);
        ServerOutcome outcome = server.respond(inbox.payload(0), addressHigh, addressLow, inbox.sourcePort(0),
                truth.trueNanos(servedRawNanos) + offsetNanos, servedRawNanos, reply);
        if (!outcome.replies()) {
            return;
        }
        outbox.setLength(slot, reply.limit());
        long lateNanos = 0;
        if (!replyLost) {
            waitUntil(deliveredRawNanos);
            lateNanos = Math.max(LinuxClockGettime.monotonicRawNanos() - deliveredRawNanos, 0);
            late(lateNanos);
        }
        long transmitNanos = truth.trueNanos(servedRawNanos + lateNanos) + offsetNanos;
        if (outcome == ServerOutcome.ANSWERED) {
            NtpServer.stampTransmit(reply, transmitNanos);
        }
        server.transmitted(reply, addressHigh, addressLow, transmitNanos);
        if (!replyLost) {
            replies++;
            socket.send(outbox);
        }
    }

    private static void waitUntil(long rawNanos) {
        for (long left = rawNanos - LinuxClockGettime.monotonicRawNanos(); left > 0;
                left = rawNanos - LinuxClockGettime.monotonicRawNanos()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Runs on the server's thread only. */
    private void woke(long wakeNanos) {
        wakeSumNanos += wakeNanos;
        wakeMaxNanos = Math.max(wakeMaxNanos, wakeNanos);
    }

    /** Runs on the server's thread only. */
    private void late(long lateNanos) {
        lateCount++;
        lateSumNanos += lateNanos;
        lateMaxNanos = Math.max(lateMaxNanos, lateNanos);
    }

    /**
     * How late the replies left, beyond the model's delay: the guest's own scheduling on its one
     * emulated CPU, an extra delay the model does not have; and how long after the kernel received
     * a request the thread woke for it, which the receive stamps leave out.
     */
    String describeLateness() {
        long count = requests;
        return String.format(Locale.ROOT, "late_mean_us=%.1f late_max_us=%.1f wake_mean_us=%.1f wake_max_us=%.1f",
                lateCount == 0 ? 0 : lateSumNanos / 1e3 / lateCount, lateMaxNanos / 1e3,
                count == 0 ? 0 : wakeSumNanos / 1e3 / count, wakeMaxNanos / 1e3);
    }

    private long drawNanos(Delay delay) {
        return Math.round((delay.baseSeconds() + delay.jitterSeconds() * random.nextExponential()) * 1e9);
    }

    /**
     * A stratum-1 server whose reference clock (GPS) set it within the last second, and which
     * announces the truth's leap second as that clock does.
     */
    private SystemVariables systemVariables() {
        long rawNanos = LinuxClockGettime.monotonicRawNanos();
        long referenceNanos = Math.floorDiv(truth.trueNanos(rawNanos) + offsetNanos, SECOND_NANOS) * SECOND_NANOS;
        return new SystemVariables(truth.leapIndicator(rawNanos), 1, PRECISION_LOG2, 0, 0, REFERENCE_ID_BITS,
                referenceNanos);
    }

    /** Stops the server and waits (a few seconds at most) for its thread to close the socket. */
    @Override
    public void close() {
        running = false;
        socket.wakeUp();
        try {
            receiver.join(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
