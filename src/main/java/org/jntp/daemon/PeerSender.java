package org.jntp.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jntp.daemon.net.Endpoint;
import org.jntp.daemon.net.IpFamily;
import org.jntp.daemon.net.SendBatch;
import org.jntp.daemon.net.UdpSocket;

/**
 * Sends the packets of symmetric (peer) associations from the daemon's NTP port, as ntpd does: the
 * peer's packets and ours travel between the two NTP ports, and the peer's arrive at our server
 * sockets, whose threads hand them to the client core. The server threads own those sockets; the
 * client thread only sends on them, with a batch of its own.
 *
 * <p>Each peer gets the serving socket of its family bound to the address the kernel would send
 * from to reach it, else one bound to the wildcard address, else the first of its family.
 */
final class PeerSender implements AutoCloseable {
    private static final int MAX_DATAGRAM = 1280;

    /** The socket a peer's packets leave from, and the address the peer sees them come from, if known. */
    private record Route(UdpSocket socket, Optional<InetAddress> ourAddress) {}

    private final EventLog log;
    private final SendBatch batch = SendBatch.allocate(1, MAX_DATAGRAM);
    private final Map<InetSocketAddress, Optional<Route>> routes = new HashMap<>();
    private List<UdpSocket> serving = List.of();

    PeerSender(EventLog log) {
        this.log = log;
    }

    /** The serving sockets to send from, one per address listened on; set before the client thread starts. */
    void sendFrom(List<UdpSocket> sockets) {
        serving = List.copyOf(sockets);
        routes.clear();
    }

    /** The address of ours that {@code peer} sees our packets come from, when known. */
    Optional<InetAddress> ourAddressFor(InetSocketAddress peer) {
        return route(peer).flatMap(Route::ourAddress);
    }

    /** Sends {@code datagram} to {@code peer} from the NTP port; false when it could not leave. */
    boolean send(InetSocketAddress peer, byte[] datagram) {
        Optional<Route> route = route(peer);
        if (route.isEmpty()) {
            return false;
        }
        batch.clear();
        int slot = batch.add(Endpoint.of(peer));
        batch.payload(slot).put(datagram);
        batch.setLength(slot, datagram.length);
        try {
            return route.get().socket().send(batch) == 1;
        } catch (IOException e) {
            log.debug(1, "cannot send to peer " + Endpoint.of(peer) + ": " + e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        batch.close();
    }

    private Optional<Route> route(InetSocketAddress peer) {
        return routes.computeIfAbsent(peer, this::choose);
    }

    private Optional<Route> choose(InetSocketAddress peer) {
        IpFamily family = RequestSender.familyOf(peer);
        List<UdpSocket> candidates = serving.stream().filter(socket -> socket.family() == family).toList();
        if (candidates.isEmpty()) {
            log.info("peer " + Endpoint.of(peer) + ": no " + family + " address listened on to send from");
            return Optional.empty();
        }
        Optional<InetAddress> source = routeSource(peer);
        for (UdpSocket socket : candidates) {
            if (source.isPresent() && socket.localAddress().getAddress().equals(source.get())) {
                return Optional.of(new Route(socket, source));
            }
        }
        for (UdpSocket socket : candidates) {
            if (socket.localAddress().getAddress().isAnyLocalAddress()) {
                return Optional.of(new Route(socket, source));
            }
        }
        UdpSocket first = candidates.getFirst();
        return Optional.of(new Route(first, Optional.of(first.localAddress().getAddress())));
    }

    /** The address the kernel sends from to reach {@code peer}: connecting a UDP socket sends nothing. */
    private Optional<InetAddress> routeSource(InetSocketAddress peer) {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.connect(peer);
            return Optional.of(((InetSocketAddress) probe.getLocalAddress()).getAddress());
        } catch (IOException e) {
            log.debug(1, "no route to peer " + Endpoint.of(peer) + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
