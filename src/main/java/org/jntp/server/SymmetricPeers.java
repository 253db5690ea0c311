package org.jntp.server;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.jntp.protocol.HeaderView;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.server.access.IpAddress;

/**
 * The addresses and ports of the configured symmetric peers ({@code peer} lines), against which
 * the server threads sort every datagram: a symmetric packet (mode 1 or 2) from one of them
 * belongs to its association in the client core, everything else to the server. A mode 1 packet
 * from anyone else is still answered by the server, without an association, as ntpd and NTPsec
 * answer Windows clients.
 *
 * <p>Immutable and allocation-free: a client request is sorted by its mode alone, and there are
 * few peers, so a symmetric packet is looked up by a scan of two arrays.
 */
public final class SymmetricPeers {
    /** No peer lines: everything goes to the server. */
    public static final SymmetricPeers NONE = new SymmetricPeers(new long[0], new long[0], new int[0]);

    private final long[] addressHigh;
    private final long[] addressLow;
    private final int[] ports;

    private SymmetricPeers(long[] addressHigh, long[] addressLow, int[] ports) {
        this.addressHigh = addressHigh;
        this.addressLow = addressLow;
        this.ports = ports;
    }

    /** The peers at these addresses and ports. */
    public static SymmetricPeers of(List<InetSocketAddress> peers) {
        long[] high = new long[peers.size()];
        long[] low = new long[peers.size()];
        int[] ports = new int[peers.size()];
        for (int i = 0; i < peers.size(); i++) {
            IpAddress address = IpAddress.of(peers.get(i).getAddress());
            high[i] = address.mappedHigh();
            low[i] = address.mappedLow();
            ports[i] = peers.get(i).getPort();
        }
        return new SymmetricPeers(high, low, ports);
    }

    /**
     * Who takes {@code datagram} (from position 0 to its limit), which came from the given source:
     * the client core for a symmetric packet from a configured peer, the server otherwise.
     *
     * @param addressHigh the source address's first 64 bits (IPv4 in IPv4-mapped form)
     * @param addressLow  the source address's last 64 bits
     * @param port        the source port
     */
    public PacketRoute route(ByteBuffer datagram, long addressHigh, long addressLow, int port) {
        if (ports.length == 0 || datagram.limit() < NtpHeader.LENGTH) {
            return PacketRoute.SERVER;
        }
        Mode mode = HeaderView.mode(datagram);
        if (mode != Mode.SYMMETRIC_ACTIVE && mode != Mode.SYMMETRIC_PASSIVE) {
            return PacketRoute.SERVER;
        }
        for (int i = 0; i < ports.length; i++) {
            if (addressLow == this.addressLow[i] && addressHigh == this.addressHigh[i] && port == ports[i]) {
                return PacketRoute.PEER;
            }
        }
        return PacketRoute.SERVER;
    }
}
