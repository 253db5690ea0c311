package org.jntp.kernel.guest;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.jntp.clock.LinuxClockGettime;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.NtpServer;
import org.jntp.server.ServerCounters;
import org.jntp.server.ServerOutcome;
import org.jntp.server.SystemVariables;
import org.jntp.server.access.DiscardSettings;
import org.jntp.server.access.IpAddress;
import org.jntp.server.access.MruList;
import org.jntp.server.access.MruSettings;
import org.jntp.server.access.RestrictTable;
import org.jntp.sim.Delay;
import org.jntp.sim.PollIntervals;

/**
 * One stratum-1 server in a test-bed guest, answering with jntp's own {@link NtpServer} from
 * {@link Truth} (a falseticker a constant offset ahead of it), behind SCENARIOS.md's network: each
 * request reaches the server after its up delay, each reply the client after its down delay, and
 * either may be lost. The guest's loopback adds its own small delay on top.
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

    private final DatagramChannel channel;
    private final Truth truth;
    private final long offsetNanos;
    private final Delay up;
    private final Delay down;
    private final double lossProbability;
    /** Drawn only by the receiving thread. */
    private final SplittableRandom random;
    private final ByteBuffer request = ByteBuffer.allocate(BUFFER_BYTES);
    private final ByteBuffer reply = ByteBuffer.allocate(BUFFER_BYTES);
    private final NtpServer server;
    private final Thread receiver;
    private volatile long requests;
    private volatile long replies;
    private volatile long firstRequestRawNanos;
    private volatile long lastRequestRawNanos;
    private volatile long lateCount;
    private volatile long lateSumNanos;
    private volatile long lateMaxNanos;

    private TruthServer(DatagramChannel channel, Truth truth, double offsetSeconds, Delay up, Delay down,
            double lossProbability, long seed) {
        this.channel = channel;
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
        this.receiver = Thread.ofPlatform().daemon().name("truth-server-" + channel.socket().getLocalAddress())
                .unstarted(this::receive);
    }

    /**
     * A server on {@code host}:123 that serves true time plus {@code offsetSeconds} (0 for a good
     * server), its network drawn from {@code seed}; it answers until closed.
     */
    static TruthServer start(String host, Truth truth, double offsetSeconds, Delay up, Delay down,
            double lossProbability, long seed) throws IOException {
        DatagramChannel channel = DatagramChannel.open().bind(new InetSocketAddress(host, NTP_PORT));
        TruthServer server = new TruthServer(channel, truth, offsetSeconds, up, down, lossProbability, seed);
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
                client.send(new DatagramPacket(request, request.length, channel.getLocalAddress()));
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

    /**
     * Serves one request at a time: the receive stamp is true time when the request reaches the
     * server by the model, and the reply leaves when it reaches the client by the model; the thread
     * waits in between. Should it wake late, the reply is taken to have left the server that much
     * later, and its transmit stamp says so: like a real server's, which stamps when it sends, its
     * lateness adds no asymmetric delay the daemon would take for an offset (a daemon that keeps the
     * guest's one CPU busier would otherwise be measured worse than it disciplines).
     */
    private void receive() {
        try {
            while (true) {
                request.clear();
                InetSocketAddress client = (InetSocketAddress) channel.receive(request);
                long arrivalRawNanos = LinuxClockGettime.monotonicRawNanos();
                request.flip();
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
                    continue;
                }
                IpAddress address = IpAddress.of(client.getAddress());
                Optional<ServerOutcome> answered = answer(address, client.getPort(), servedRawNanos);
                if (answered.isEmpty()) {
                    continue;
                }
                long lateNanos = 0;
                if (!replyLost) {
                    waitUntil(deliveredRawNanos);
                    lateNanos = Math.max(LinuxClockGettime.monotonicRawNanos() - deliveredRawNanos, 0);
                    late(lateNanos);
                }
                long transmitNanos = truth.trueNanos(servedRawNanos + lateNanos) + offsetNanos;
                if (answered.get() == ServerOutcome.ANSWERED) {
                    NtpServer.stampTransmit(reply, transmitNanos);
                }
                server.transmitted(reply, address.mappedHigh(), address.mappedLow(), transmitNanos);
                if (!replyLost) {
                    replies++;
                    channel.send(reply, client);
                }
            }
        } catch (ClosedChannelException closed) {
            // closed at the end of the scenario: the server's work is done
        } catch (IOException e) {
            System.out.println("scenario: server " + channel.socket().getLocalAddress() + " failed: " + e);
        }
    }

    /**
     * Leaves the reply to {@code request} in {@code reply}, but for its transmit stamp; empty when
     * the server does not answer.
     */
    private Optional<ServerOutcome> answer(IpAddress address, int port, long servedRawNanos) {
        long servedNanos = truth.trueNanos(servedRawNanos) + offsetNanos;
        reply.clear();
        ServerOutcome outcome = server.respond(request, address.mappedHigh(), address.mappedLow(), port,
                servedNanos, servedRawNanos, reply);
        return outcome.replies() ? Optional.of(outcome) : Optional.empty();
    }

    private static void waitUntil(long rawNanos) {
        for (long left = rawNanos - LinuxClockGettime.monotonicRawNanos(); left > 0;
                left = rawNanos - LinuxClockGettime.monotonicRawNanos()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Runs on the server's thread only. */
    private void late(long lateNanos) {
        lateCount++;
        lateSumNanos += lateNanos;
        lateMaxNanos = Math.max(lateMaxNanos, lateNanos);
    }

    /**
     * How late the replies left, beyond the model's delay: the guest's own scheduling on its one
     * emulated CPU, an extra delay the model does not have.
     */
    String describeLateness() {
        return String.format(Locale.ROOT, "late_mean_us=%.1f late_max_us=%.1f",
                lateCount == 0 ? 0 : lateSumNanos / 1e3 / lateCount, lateMaxNanos / 1e3);
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

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
