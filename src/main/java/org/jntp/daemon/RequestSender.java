package org.jntp.daemon;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jntp.clock.Clock;
import org.jntp.daemon.net.Endpoint;
import org.jntp.daemon.net.IpFamily;
import org.jntp.daemon.net.ReceiveBatch;
import org.jntp.daemon.net.SendBatch;
import org.jntp.daemon.net.UdpSocket;
import org.jntp.daemon.net.UdpSocketOptions;

/**
 * Sends the client core's requests, each from a socket of its own, bound to the wildcard address
 * of its family on a port the kernel picks, so every request has a fresh source port. A socket
 * per family is opened ahead of need and a batch per source is addressed once.
 *
 * <p>The request's T1 is the kernel's software transmit stamp, taken as the driver takes the
 * datagram, as chronyd takes it: the {@code sendmmsg} itself may last milliseconds (measured here
 * on a virtual machine: 1.8-4.8 ms for a loopback send after two idle seconds, against 0.03 ms
 * back to back, the datagram leaving near its end), and a T1 read before it would count that as
 * the request's way out, the server looking that much ahead. Where the kernel gives no stamp, the
 * clock is read right before and right after the call, the request already in place: on a machine
 * whose cpus are all busy the thread may be preempted anywhere before it.
 */
final class RequestSender implements AutoCloseable {
    /**
     * Client sockets take kernel receive and transmit timestamps; bound to the wildcard, they need
     * no packet info.
     */
    static final UdpSocketOptions CLIENT_SOCKET =
            UdpSocketOptions.defaults().withPacketInfo(false).withTransmitTimestamps(true);
    /** The error queue returns a transmit stamp alone. */
    private static final int STAMP_BUFFER_BYTES = 64;
    /** Room for a request with extension fields and a MAC. */
    private static final int MAX_DATAGRAM = 1280;

    private final EventLog log;
    private final UdpSocketOptions options;
    private final Map<IpFamily, UdpSocket> spares = new EnumMap<>(IpFamily.class);
    private final Map<InetSocketAddress, SendBatch> batches = new HashMap<>();
    private final Set<IpFamily> unopenable = EnumSet.noneOf(IpFamily.class);
    private final ReceiveBatch stamps = ReceiveBatch.allocate(1, STAMP_BUFFER_BYTES);
    private boolean closed;

    /** Sends as ntpd does unless {@code dscp} says otherwise: Expedited Forwarding. */
    RequestSender(EventLog log) {
        this(log, UdpSocketOptions.EXPEDITED_FORWARDING);
    }

    /** @param trafficClass the TOS octet of the requests: {@code dscp} shifted left by two */
    RequestSender(EventLog log, int trafficClass) {
        this(log, CLIENT_SOCKET.withTrafficClass(trafficClass));
    }

    RequestSender(EventLog log, UdpSocketOptions options) {
        this.log = log;
        this.options = options;
    }

    /** Readies sending to these destinations only, opening a spare socket for each family among them. */
    void prepare(Collection<InetSocketAddress> destinations) {
        batches.values().forEach(SendBatch::close);
        batches.clear();
        for (InetSocketAddress destination : destinations) {
            SendBatch batch = SendBatch.allocate(1, MAX_DATAGRAM);
            batch.add(Endpoint.of(destination));
            batches.put(destination, batch);
        }
        replenish();
    }

    /**
     * A request that left: from {@code socket}, now the caller's to close once the reply came,
     * after {@code beforeSendNanos} and before {@code afterSendNanos} on the clock: both the
     * kernel's transmit stamp when it gave one, else the clock's readings around the send.
     */
    record Sent(UdpSocket socket, long beforeSendNanos, long afterSendNanos) {}

    /**
     * Sends {@code datagram} to a prepared destination from a socket of its own, and says when it
     * left on {@code clock}; empty when the request could not leave.
     */
    Optional<Sent> send(InetSocketAddress destination, byte[] datagram, Clock clock) {
        SendBatch batch = batches.get(destination);
        IpFamily family = familyOf(destination);
        UdpSocket socket = batch == null ? null : spare(family);
        if (socket == null) {
            return Optional.empty();
        }
        spares.remove(family);
        batch.payload(0).put(datagram);
        batch.setLength(0, datagram.length);
        try {
            long beforeSendNanos = clock.nowNanos();
            if (socket.send(batch) == 1) {
                long afterSendNanos = clock.nowNanos();
                long kernelNanos = transmitStamp(socket);
                if (kernelNanos == 0) {
                    return Optional.of(new Sent(socket, beforeSendNanos, afterSendNanos));
                }
                long leftNanos = clock.fromSystemNanos(kernelNanos);
                return Optional.of(new Sent(socket, leftNanos, leftNanos));
            }
            log.debug(1, "cannot send to " + Endpoint.of(destination));
        } catch (IOException e) {
            log.debug(1, "cannot send to " + Endpoint.of(destination) + ": " + e.getMessage());
        }
        socket.close();
        return Optional.empty();
    }

    /** The kernel's stamp of the datagram {@code socket} just sent, or 0: the request left either way. */
    private long transmitStamp(UdpSocket socket) {
        try {
            return socket.transmitTimeNanos(stamps);
        } catch (IOException e) {
            log.debug(1, "no transmit stamp from " + socket + ": " + e.getMessage());
            return 0;
        }
    }

    /** Opens the spare sockets that sending used up: after the sends, off the timed path. */
    void replenish() {
        for (InetSocketAddress destination : batches.keySet()) {
            spare(familyOf(destination));
        }
    }

    @Override
    public void close() {
        spares.values().forEach(UdpSocket::close);
        spares.clear();
        batches.values().forEach(SendBatch::close);
        batches.clear();
        if (!closed) {
            closed = true;
            stamps.close();
        }
    }

    static IpFamily familyOf(InetSocketAddress address) {
        return address.getAddress() instanceof Inet6Address ? IpFamily.IPV6 : IpFamily.IPV4;
    }

    /** The spare socket of the family, opened now if there is none; null if it cannot be opened. */
    private UdpSocket spare(IpFamily family) {
        UdpSocket socket = spares.get(family);
        if (socket != null) {
            return socket;
        }
        try {
            socket = UdpSocket.open(wildcard(family), options);
            spares.put(family, socket);
            return socket;
        } catch (IOException e) {
            if (unopenable.add(family)) {
                log.info("cannot open a client socket for " + family + " sources: " + e.getMessage()
                        + " (logged once)");
            }
            return null;
        }
    }

    private static InetSocketAddress wildcard(IpFamily family) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[family == IpFamily.IPV4 ? 4 : 16]), 0);
        } catch (UnknownHostException e) {
            throw new AssertionError("a 4 or 16 byte address is always valid", e);
        }
    }
}
