package org.jntp.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import org.jntp.clock.SimulatedClock;
import org.jntp.protocol.LeapIndicator;
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

/**
 * One simulated server: jntp's own {@link NtpServer}, stratum 1 on a perfect clock (a falseticker's
 * clock is a constant offset ahead), no restrictions, no rate limit, answering each request the
 * moment it arrives: the receive and transmit timestamps are both the arrival time.
 */
final class SimServer {

    /** The simulated client's address as the server sees it: 198.51.100.1 (TEST-NET-2). */
    private static final IpAddress CLIENT_ADDRESS = IpAddress.ipv4(0xC633_6401);
    private static final int NTP_PORT = 123;
    private static final int FIRST_EPHEMERAL_PORT = 1024;
    private static final int EPHEMERAL_PORTS = 65536 - FIRST_EPHEMERAL_PORT;
    private static final int REPLY_BUFFER_BYTES = 1280;
    private static final int REFERENCE_ID_BITS = ReferenceId.ofAscii("GPS").bits();
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final InetSocketAddress address;
    private final SimulatedClock clock;
    private final long startNanos;
    private final NtpServer server;
    private final ByteBuffer reply = ByteBuffer.allocate(REPLY_BUFFER_BYTES);

    private SimServer(InetSocketAddress address, SimulatedClock clock, long startNanos) {
        this.address = address;
        this.clock = clock;
        this.startNanos = startNanos;
        // a small list: the only client is the simulated one
        MruList mru = MruList.create(MruSettings.defaults().withMaxDepth(16).withMinDepth(16),
                DiscardSettings.defaults(), 1, 0);
        this.server = new NtpServer(this::systemVariables, RestrictTable::defaults, mru,
                DiscardSettings.DEFAULT_AVERAGE_LOG2, new ServerCounters());
    }

    /**
     * A server at {@code host}:123 whose clock reads true time plus {@code offsetSeconds} (0 for a
     * good server), starting at true time {@code startNanos} (Unix ns).
     */
    static SimServer at(String host, double offsetSeconds, long startNanos) {
        SimulatedClock clock = SimulatedClock.perfect(startNanos);
        if (offsetSeconds != 0) {
            clock.step(offsetSeconds);
        }
        return new SimServer(new InetSocketAddress(InetAddress.ofLiteral(host), NTP_PORT), clock, startNanos);
    }

    /** Where the server listens. */
    InetSocketAddress address() {
        return address;
    }

    /**
     * The reply to {@code request}, which arrives at true time {@code trueNanos} (Unix ns) from the
     * client's port that {@code handle} stands for; empty when the server does not answer it.
     */
    Optional<byte[]> answer(byte[] request, long handle, long trueNanos) {
        clock.advance(trueNanos - clock.trueNanos());
        long receiveNanos = clock.nowNanos();
        int port = FIRST_EPHEMERAL_PORT + (int) Math.floorMod(handle, (long) EPHEMERAL_PORTS);
        ServerOutcome outcome = server.respond(ByteBuffer.wrap(request), CLIENT_ADDRESS.mappedHigh(),
                CLIENT_ADDRESS.mappedLow(), port, receiveNanos, trueNanos - startNanos, reply);
        if (!outcome.replies()) {
            return Optional.empty();
        }
        if (outcome == ServerOutcome.ANSWERED) {
            NtpServer.stampTransmit(reply, receiveNanos);
        }
        server.transmitted(reply, CLIENT_ADDRESS.mappedHigh(), CLIENT_ADDRESS.mappedLow(), receiveNanos);
        return Optional.of(Arrays.copyOf(reply.array(), reply.limit()));
    }

    /** A stratum-1 server whose reference clock (GPS) set it within the last second. */
    private SystemVariables systemVariables() {
        long referenceNanos = Math.floorDiv(clock.nowNanos(), SECOND_NANOS) * SECOND_NANOS;
        return new SystemVariables(LeapIndicator.NO_WARNING, 1, SimulatedClock.PRECISION_LOG2, 0, 0,
                REFERENCE_ID_BITS, referenceNanos);
    }
}
