package org.jntp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.access.IpAddress;
import org.junit.jupiter.api.Test;

class SymmetricPeersTest {
    private static final IpAddress PEER = IpAddress.ipv4(0xC000_0209); // 192.0.2.9
    private static final IpAddress PEER_V6 = IpAddress.ipv6(0x2001_0db8_0000_0000L, 9);
    private static final IpAddress STRANGER = IpAddress.ipv4(0xC000_0207); // 192.0.2.7
    private static final int NTP_PORT = 123;

    private final SymmetricPeers peers = SymmetricPeers.of(List.of(
            new InetSocketAddress(PEER.inetAddress(), NTP_PORT), new InetSocketAddress(PEER_V6.inetAddress(), NTP_PORT)));

    private static ByteBuffer packet(Mode mode) {
        NtpTimestamp now = NtpTimestamp.ofUnixNanos(1_795_681_550_123_456_789L);
        ByteBuffer buf = ByteBuffer.allocate(NtpHeader.LENGTH);
        new NtpHeader(LeapIndicator.NO_WARNING, 4, mode, 3, 6, -20, NtpShort.ZERO, NtpShort.ZERO,
                ReferenceId.ofAscii("GPS"), now, now, now, now).encode(buf);
        return buf.flip();
    }

    private PacketRoute route(ByteBuffer datagram, IpAddress from, int port) {
        return peers.route(datagram, from.mappedHigh(), from.mappedLow(), port);
    }

    @Test
    void givesASymmetricActivePacketFromAPeerToTheClientCore() {
        assertThat(route(packet(Mode.SYMMETRIC_ACTIVE), PEER, NTP_PORT)).isEqualTo(PacketRoute.PEER);
    }

    @Test
    void givesASymmetricPassivePacketFromAPeerToTheClientCore() {
        assertThat(route(packet(Mode.SYMMETRIC_PASSIVE), PEER, NTP_PORT)).isEqualTo(PacketRoute.PEER);
    }

    @Test
    void findsAPeerByItsIpv6Address() {
        assertThat(route(packet(Mode.SYMMETRIC_ACTIVE), PEER_V6, NTP_PORT)).isEqualTo(PacketRoute.PEER);
    }

    @Test
    void leavesASymmetricActivePacketFromAStrangerToTheServer() {
        assertThat(route(packet(Mode.SYMMETRIC_ACTIVE), STRANGER, NTP_PORT)).isEqualTo(PacketRoute.SERVER);
    }

    @Test
    void leavesASymmetricPacketFromThePeersAddressOnAnotherPortToTheServer() {
        assertThat(route(packet(Mode.SYMMETRIC_ACTIVE), PEER, 50123)).isEqualTo(PacketRoute.SERVER);
    }

    @Test
    void leavesAClientRequestFromAPeerToTheServer() {
        assertThat(route(packet(Mode.CLIENT), PEER, NTP_PORT)).isEqualTo(PacketRoute.SERVER);
    }

    @Test
    void leavesADatagramShorterThanAHeaderToTheServer() {
        assertThat(route(packet(Mode.SYMMETRIC_ACTIVE).limit(47), PEER, NTP_PORT)).isEqualTo(PacketRoute.SERVER);
        assertThat(route(ByteBuffer.allocate(0), PEER, NTP_PORT)).isEqualTo(PacketRoute.SERVER);
    }

    @Test
    void leavesEverythingToTheServerWithoutPeerLines() {
        ByteBuffer datagram = packet(Mode.SYMMETRIC_ACTIVE);

        assertThat(SymmetricPeers.NONE.route(datagram, PEER.mappedHigh(), PEER.mappedLow(), NTP_PORT))
                .isEqualTo(PacketRoute.SERVER);
    }

    @Test
    void routesWithoutAllocating() {
        ByteBuffer client = packet(Mode.CLIENT);
        ByteBuffer symmetric = packet(Mode.SYMMETRIC_ACTIVE);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int window = 0; window < 200; window++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            routeMany(client, symmetric, 10_000);
            if (threads.getCurrentThreadAllocatedBytes() == before) {
                break;
            }
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        routeMany(client, symmetric, 100_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).isLessThan(1024);
    }

    private void routeMany(ByteBuffer client, ByteBuffer symmetric, int times) {
        for (int i = 0; i < times; i++) {
            route(client, STRANGER, 40000 + (i & 0xFF));
            route(symmetric, i % 2 == 0 ? PEER : STRANGER, NTP_PORT);
        }
    }
}
