package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.PacketRoute;
import org.jntp.server.access.IpAddress;
import org.junit.jupiter.api.Test;

class PeerInboxTest {
    private static final InetSocketAddress PEER = new InetSocketAddress(IpAddress.ipv4(0xC000_0209).inetAddress(), 123);

    private final AtomicInteger wakeUps = new AtomicInteger();
    private final PeerInbox inbox = new PeerInbox(wakeUps::incrementAndGet);

    private static ByteBuffer symmetricActive(long transmitNanos) {
        NtpTimestamp transmit = NtpTimestamp.ofUnixNanos(transmitNanos);
        ByteBuffer buf = ByteBuffer.allocate(NtpHeader.LENGTH);
        new NtpHeader(LeapIndicator.NO_WARNING, 4, Mode.SYMMETRIC_ACTIVE, 3, 6, -20, NtpShort.ZERO, NtpShort.ZERO,
                ReferenceId.ofAscii("GPS"), transmit, NtpTimestamp.ZERO, NtpTimestamp.ZERO, transmit).encode(buf);
        return buf.flip();
    }

    private PacketRoute routeFromPeer() {
        IpAddress address = IpAddress.of(PEER.getAddress());
        return inbox.route(symmetricActive(1), address.mappedHigh(), address.mappedLow(), PEER.getPort());
    }

    @Test
    void routesNothingToTheClientCoreBeforeItKnowsThePeers() {
        assertThat(routeFromPeer()).isEqualTo(PacketRoute.SERVER);
    }

    @Test
    void routesThePacketsOfThePeersItIsGiven() {
        inbox.usePeers(List.of(PEER));

        assertThat(routeFromPeer()).isEqualTo(PacketRoute.PEER);
    }

    @Test
    void handsOverACopyWithItsSourceAndArrivalTime() {
        ByteBuffer datagram = symmetricActive(42);

        inbox.deliver(PEER, datagram, 1_234);
        datagram.put(0, (byte) 0);

        assertThat(inbox.takeAll()).singleElement().satisfies(arrival -> {
            assertThat(arrival.source()).isEqualTo(PEER);
            assertThat(arrival.rxClockNanos()).isEqualTo(1_234);
            assertThat(NtpHeader.decode(ByteBuffer.wrap(arrival.datagram())).mode()).isEqualTo(Mode.SYMMETRIC_ACTIVE);
        });
    }

    @Test
    void wakesTheClientThreadForEveryPacket() {
        inbox.deliver(PEER, symmetricActive(1), 1);
        inbox.deliver(PEER, symmetricActive(2), 2);

        assertThat(wakeUps).hasValue(2);
    }

    @Test
    void handsOverOldestFirstAndEmptiesOnTaking() {
        inbox.deliver(PEER, symmetricActive(1), 1);
        inbox.deliver(PEER, symmetricActive(2), 2);

        assertThat(inbox.takeAll()).extracting(PeerInbox.Arrival::rxClockNanos).containsExactly(1L, 2L);
        assertThat(inbox.takeAll()).isEmpty();
    }

    @Test
    void dropsAndCountsWhatComesWhileItIsFull() {
        for (int i = 0; i < PeerInbox.CAPACITY + 5; i++) {
            inbox.deliver(PEER, symmetricActive(i + 1), i);
        }

        assertThat(inbox.taken()).isEqualTo(PeerInbox.CAPACITY);
        assertThat(inbox.dropped()).isEqualTo(5);
        assertThat(inbox.takeAll()).hasSize(PeerInbox.CAPACITY);
    }

    @Test
    void takesAgainOnceEmptied() {
        for (int i = 0; i < PeerInbox.CAPACITY + 1; i++) {
            inbox.deliver(PEER, symmetricActive(i + 1), i);
        }
        inbox.takeAll();

        inbox.deliver(PEER, symmetricActive(1_000), 1_000);

        assertThat(inbox.takeAll()).extracting(PeerInbox.Arrival::rxClockNanos).containsExactly(1_000L);
    }
}
