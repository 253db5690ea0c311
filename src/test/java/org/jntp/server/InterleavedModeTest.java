package org.jntp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import org.jntp.protocol.HeaderView;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.access.DiscardSettings;
import org.jntp.server.access.IpAddress;
import org.jntp.server.access.MruList;
import org.jntp.server.access.MruSettings;
import org.jntp.server.access.RestrictTable;
import org.junit.jupiter.api.Test;

/**
 * Interleaved client/server mode as RFC 9769 section 2 (and chrony) has it: the client's origin
 * names our receive timestamp of its previous request; we answer with origin = its receive
 * timestamp, receive = this request's, transmit = when our previous reply really left.
 */
class InterleavedModeTest {
    private static final long NOW_NANOS = 1_795_681_550_123_456_789L;
    private static final long SECOND = 1_000_000_000L;
    private static final IpAddress CLIENT = IpAddress.ipv4(0xC000_0207); // 192.0.2.7
    private static final IpAddress OTHER_CLIENT = IpAddress.ipv4(0xC000_0208);
    private static final long SENT_AFTER_NANOS = 35_000;
    private static final SystemVariables STRATUM_8 = new SystemVariables(LeapIndicator.NO_WARNING, 8, -24,
            1_500_000, 10_000_000, ReferenceId.ofAscii("LOCL").bits(), NOW_NANOS - 10 * SECOND);

    private final AtomicReference<SystemVariables> system = new AtomicReference<>(STRATUM_8);
    private final ByteBuffer reply = ByteBuffer.allocate(1280);
    private NtpServer server = serverWith(MruList.create(MruSettings.defaults(), DiscardSettings.defaults(), 1, 42));

    private NtpServer serverWith(MruList mru) {
        RestrictTable restrictions = RestrictTable.defaults();
        return new NtpServer(system::get, () -> restrictions, mru, DiscardSettings.defaults().averageLog2(),
                new ServerCounters());
    }

    /** A client request with the given origin, receive and transmit timestamps. */
    private static ByteBuffer request(Mode mode, long originBits, long receiveBits, long transmitBits) {
        NtpHeader header = new NtpHeader(LeapIndicator.NO_WARNING, 4, mode, 0, 6, -20, NtpShort.ZERO, NtpShort.ZERO,
                ReferenceId.NONE, NtpTimestamp.ZERO, new NtpTimestamp(originBits), new NtpTimestamp(receiveBits),
                new NtpTimestamp(transmitBits));
        ByteBuffer buf = ByteBuffer.allocate(NtpHeader.LENGTH);
        header.encode(buf);
        return buf.flip();
    }

    /** A data-minimised first request, as chrony and jntp send: zero origin and receive. */
    private static ByteBuffer basicRequest(long transmitBits) {
        return request(Mode.CLIENT, 0, 0, transmitBits);
    }

    /** What an interleaved client sends after a reply that carried receiveBits, received at its clientReceiveBits. */
    private static ByteBuffer interleavedRequest(long serverReceiveBits, long clientReceiveBits, long transmitBits) {
        return request(Mode.CLIENT, serverReceiveBits, clientReceiveBits, transmitBits);
    }

    private ServerOutcome respond(IpAddress client, ByteBuffer request, long receiveNanos) {
        return server.respond(request, client.mappedHigh(), client.mappedLow(), 40123, receiveNanos,
                receiveNanos - NOW_NANOS + 100 * SECOND, reply);
    }

    /** Answers and sends as the server loop does: stamps a basic reply, then keeps when it left. */
    private ServerOutcome exchange(IpAddress client, ByteBuffer request, long receiveNanos) {
        ServerOutcome outcome = respond(client, request, receiveNanos);
        if (outcome == ServerOutcome.ANSWERED) {
            NtpServer.stampTransmit(reply, receiveNanos + 20_000);
        }
        server.transmitted(reply, client.mappedHigh(), client.mappedLow(), receiveNanos + SENT_AFTER_NANOS);
        return outcome;
    }

    private static long bits(long unixNanos) {
        return NtpTimestamp.bitsOfUnixNanos(unixNanos);
    }

    @Test
    void answersABasicRequestAsBefore() {
        assertThat(exchange(CLIENT, basicRequest(0x1234_5678_9ABC_DEF0L), NOW_NANOS))
                .isEqualTo(ServerOutcome.ANSWERED);

        assertThat(HeaderView.originTimeBits(reply)).isEqualTo(0x1234_5678_9ABC_DEF0L);
        assertThat(HeaderView.receiveTimeBits(reply)).isEqualTo(bits(NOW_NANOS));
        assertThat(HeaderView.transmitTimeBits(reply)).isEqualTo(bits(NOW_NANOS + 20_000));
    }

    @Test
    void answersAnInterleavedRequestWithWhenThePreviousReplyLeft() {
        exchange(CLIENT, basicRequest(0x1111L), NOW_NANOS);
        long clientReceiveBits = bits(NOW_NANOS + 90_000);

        ServerOutcome outcome = respond(CLIENT, interleavedRequest(bits(NOW_NANOS), clientReceiveBits, 0x2222L),
                NOW_NANOS + 16 * SECOND);

        assertThat(outcome).isEqualTo(ServerOutcome.ANSWERED_INTERLEAVED);
        assertThat(HeaderView.originTimeBits(reply)).isEqualTo(clientReceiveBits);
        assertThat(HeaderView.receiveTimeBits(reply)).isEqualTo(bits(NOW_NANOS + 16 * SECOND));
        assertThat(HeaderView.transmitTimeBits(reply)).isEqualTo(bits(NOW_NANOS + SENT_AFTER_NANOS));
        assertThat(HeaderView.mode(reply)).isEqualTo(Mode.SERVER);
    }

    @Test
    void keepsAnsweringInterleavedRequestsExchangeAfterExchange() {
        exchange(CLIENT, basicRequest(0x1111L), NOW_NANOS);
        for (int poll = 1; poll <= 5; poll++) {
            long previousReceiveNanos = NOW_NANOS + (poll - 1) * 16 * SECOND;
            long receiveNanos = NOW_NANOS + poll * 16 * SECOND;

            ServerOutcome outcome = exchange(CLIENT,
                    interleavedRequest(bits(previousReceiveNanos), bits(previousReceiveNanos + 90_000), poll),
                    receiveNanos);

            assertThat(outcome).isEqualTo(ServerOutcome.ANSWERED_INTERLEAVED);
            assertThat(HeaderView.transmitTimeBits(reply)).isEqualTo(bits(previousReceiveNanos + SENT_AFTER_NANOS));
        }
    }

    @Test
    void neverStampsAnInterleavedReplyAgain() {
        exchange(CLIENT, basicRequest(0x1111L), NOW_NANOS);

        assertThat(exchange(CLIENT, interleavedRequest(bits(NOW_NANOS), bits(NOW_NANOS + 90_000), 0x2222L),
                NOW_NANOS + SECOND)).isEqualTo(ServerOutcome.ANSWERED_INTERLEAVED);
        assertThat(HeaderView.transmitTimeBits(reply)).isEqualTo(bits(NOW_NANOS + SENT_AFTER_NANOS));
    }

    @Test
    void answersInBasicModeWhileThePreviousReplyHasNotLeft() {
        respond(CLIENT, basicRequest(0x1111L), NOW_NANOS);

        assertThat(respond(CLIENT, interleavedRequest(bits(NOW_NANOS), bits(NOW_NANOS + 90_000), 0x2222L),
                NOW_NANOS + SECOND)).isEqualTo(ServerOutcome.ANSWERED);
        assertThat(HeaderView.originTimeBits(reply)).isEqualTo(0x2222L);
    }

    @Test
    void answersAStaleOriginInBasicMode() {
        exchange(CLIENT, basicRequest(0x1111L), NOW_NANOS);
        exchange(CLIENT, basicRequest(0x2222L), NOW_NANOS + SECOND);

        // names the first request, but the client's last was the second
        assertThat(respond(CLIENT, interleavedRequest(bits(NOW_NANOS), bits(NOW_NANOS + 90_000), 0x3333L),
                NOW_NANOS + 2 * SECOND)).isEqualTo(ServerOutcome.ANSWERED);
        assertThat(HeaderView.originTimeBits(reply)).isEqualTo(0x3333L);
    }

    @Test
    void answersARestartedClientInBasicMode() {
        exchange(CLIENT, basicRequest(0x1111L), NOW_NANOS);

        assertThat(exchange(CLIENT, basicRequest(0x2222L), NOW_NANOS + SECOND)).isEqualTo(ServerOutcome.ANSWERED);
        assertThat(exchange(CLIENT, interleavedRequest(bits(NOW_NANOS + SECOND), bits(NOW_NANOS + 2 * SECOND), 3),
                NOW_NANOS + 3 * SECOND)).isEqualTo(ServerOutcome.ANSWERED_INTERLEAVED);
    }

    @Test
    void answersInBasicModeARequestWhoseReceiveEqualsItsTransmit() {
        exchange(CLIENT, basicRequest(0x1111L), NOW_NANOS);

        assertThat(respond(CLIENT, interleavedRequest(bits(NOW_NANOS), 0x2222L, 0x2222L), NOW_NANOS + SECOND))
                .isEqualTo(ServerOutcome.ANSWERED);
    }

    @Test
    void answersAnNtpdStyleBasicClientEchoingOurTransmitInBasicMode() {
        exchange(CLIENT, basicRequest(0x1111L), NOW_NANOS);
        long ourTransmitBits = HeaderView.transmitTimeBits(reply);

        assertThat(respond(CLIENT, request(Mode.CLIENT, ourTransmitBits, bits(NOW_NANOS + 90_000), 0x2222L),
                NOW_NANOS + SECOND)).isEqualTo(ServerOutcome.ANSWERED);
    }

    @Test
    void neverStampsABasicReplyWithItsReceiveTimestamp() {
        respond(CLIENT, basicRequest(0x1111L), NOW_NANOS);
        NtpServer.stampTransmit(reply, NOW_NANOS);

        assertThat(HeaderView.transmitTimeBits(reply)).isNotEqualTo(HeaderView.receiveTimeBits(reply));
    }

    @Test
    void keepsEachClientsExchangeApart() {
        exchange(CLIENT, basicRequest(0x1111L), NOW_NANOS);
        exchange(OTHER_CLIENT, basicRequest(0x2222L), NOW_NANOS + 1_000);

        assertThat(respond(OTHER_CLIENT, interleavedRequest(bits(NOW_NANOS), bits(NOW_NANOS + 90_000), 3),
                NOW_NANOS + SECOND)).isEqualTo(ServerOutcome.ANSWERED);
        assertThat(respond(CLIENT, interleavedRequest(bits(NOW_NANOS), bits(NOW_NANOS + 90_000), 4),
                NOW_NANOS + SECOND)).isEqualTo(ServerOutcome.ANSWERED_INTERLEAVED);
    }

    @Test
    void answersASymmetricActivePeerInBasicMode() {
        exchange(CLIENT, basicRequest(0x1111L), NOW_NANOS);

        assertThat(respond(CLIENT, request(Mode.SYMMETRIC_ACTIVE, bits(NOW_NANOS), bits(NOW_NANOS + 90_000), 3),
                NOW_NANOS + SECOND)).isEqualTo(ServerOutcome.ANSWERED);
    }

    @Test
    void forgetsAClientWhoseEntryWasRecycled() {
        // one entry, recycled once older than a second
        server = serverWith(MruList.create(new MruSettings(1, 0, 1, 0, 0, 0), DiscardSettings.defaults(), 1, 42));
        exchange(CLIENT, basicRequest(0x1111L), NOW_NANOS);
        exchange(OTHER_CLIENT, basicRequest(0x2222L), NOW_NANOS + 10 * SECOND);

        assertThat(respond(CLIENT, interleavedRequest(bits(NOW_NANOS), bits(NOW_NANOS + 90_000), 3),
                NOW_NANOS + 20 * SECOND)).isEqualTo(ServerOutcome.ANSWERED);
    }

    @Test
    void answersInBasicModeWhenTheListHadNoRoomForTheClient() {
        // one entry that is never recycled
        server = serverWith(MruList.create(new MruSettings(1, 1, Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0),
                DiscardSettings.defaults(), 1, 42));
        exchange(OTHER_CLIENT, basicRequest(0x2222L), NOW_NANOS);
        exchange(CLIENT, basicRequest(0x1111L), NOW_NANOS + SECOND);

        assertThat(respond(CLIENT, interleavedRequest(bits(NOW_NANOS + SECOND), bits(NOW_NANOS + 2 * SECOND), 3),
                NOW_NANOS + 3 * SECOND)).isEqualTo(ServerOutcome.ANSWERED);
    }

    @Test
    void neverAnswersAnInterleavedRequestWithMoreBytesThanItHas() {
        exchange(CLIENT, basicRequest(0x1111L), NOW_NANOS);

        respond(CLIENT, interleavedRequest(bits(NOW_NANOS), bits(NOW_NANOS + 90_000), 3), NOW_NANOS + SECOND);

        assertThat(reply.remaining()).isEqualTo(NtpHeader.LENGTH);
    }

    @Test
    void answersInterleavedRequestsWithoutAllocating() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ByteBuffer request = basicRequest(1);
        long[] receiveNanos = {NOW_NANOS};
        exchange(CLIENT, request, receiveNanos[0]);
        Runnable interleavedExchanges = () -> {
            for (int i = 0; i < 10_000; i++) {
                long previous = receiveNanos[0];
                receiveNanos[0] += SECOND;
                HeaderView.putOriginTimeBits(request, bits(previous));
                HeaderView.putReceiveTimeBits(request, bits(previous + 90_000));
                HeaderView.putTransmitTimeBits(request, i + 2);
                exchange(CLIENT, request, receiveNanos[0]);
            }
        };
        for (int window = 0; window < 200; window++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            interleavedExchanges.run();
            if (threads.getCurrentThreadAllocatedBytes() == before) {
                break;
            }
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        interleavedExchanges.run();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(HeaderView.originTimeBits(reply)).isEqualTo(bits(receiveNanos[0] - SECOND + 90_000));
        assertThat(HeaderView.transmitTimeBits(reply)).isEqualTo(bits(receiveNanos[0] - SECOND + SENT_AFTER_NANOS));
        assertThat(allocated).isLessThan(1024);
    }
}
