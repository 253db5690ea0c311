package org.jntp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.access.DiscardSettings;
import org.jntp.server.access.IpAddress;
import org.jntp.server.access.MruList;
import org.jntp.server.access.MruSettings;
import org.jntp.server.access.RestrictFlag;
import org.jntp.server.access.RestrictRule;
import org.jntp.server.access.RestrictTable;
import org.jntp.server.access.RestrictTarget;
import org.junit.jupiter.api.Test;

/**
 * The attacks on the server in the attack catalogue that other tests do not already show, run
 * against {@link NtpServer} directly. The rest are listed in SECURITY.md with the test that shows
 * each: mode 7 monlist, mode 6 mrulist without a nonce, {@code noquery}, strangers' symmetric
 * active packets.
 */
class ServerAttackCatalogueTest {
    private static final long NOW_NANOS = 1_795_681_550_123_456_789L;
    private static final IpAddress CLIENT = IpAddress.ipv4(0xC000_0207);
    private static final int CLIENT_PORT = 40123;
    private static final SystemVariables STRATUM_2 = new SystemVariables(LeapIndicator.NO_WARNING, 2, -24, 1_500_000,
            10_000_000, ReferenceId.ofAscii("GPS").bits(), NOW_NANOS - 10_000_000_000L);
    private static final int REQUESTS = 20_000;
    private static final int LARGEST_REQUEST_BYTES = 1_200;

    private final ServerCounters counters = new ServerCounters();
    private final ByteBuffer reply = ByteBuffer.allocate(1280);

    private NtpServer server(RestrictFlag... flags) {
        RestrictTable table = RestrictTable.of(List.of(RestrictRule.restrict(RestrictTarget.Default.bothFamilies(),
                Set.of(flags))));
        MruList mru = MruList.create(MruSettings.defaults(), DiscardSettings.defaults(), 1, 42);
        return new NtpServer(() -> STRATUM_2, () -> table, mru, DiscardSettings.defaults().averageLog2(), counters);
    }

    private static ByteBuffer clientHeader(int bytes) {
        ByteBuffer request = ByteBuffer.allocate(bytes);
        NtpHeader.clientRequest(4, NtpTimestamp.ofUnixNanos(NOW_NANOS - 3_000_000)).encode(request);
        return request.position(0);
    }

    private ServerOutcome respond(NtpServer server, ByteBuffer request, long monoNanos) {
        return server.respond(request, CLIENT.mappedHigh(), CLIENT.mappedLow(), CLIENT_PORT, NOW_NANOS + monoNanos,
                monoNanos, reply);
    }

    /** A client request followed by one extension field header: type, then a length in bytes. */
    private static ByteBuffer withExtensionField(int totalBytes, int type, int length) {
        ByteBuffer request = clientHeader(totalBytes);
        request.putShort(NtpHeader.LENGTH, (short) type).putShort(NtpHeader.LENGTH + 2, (short) length);
        return request;
    }

    private void assertDroppedAndCounted(ByteBuffer request) {
        assertThat(respond(server(), request, 0)).isEqualTo(ServerOutcome.BAD_FORMAT);
        assertThat(counters.get(Counter.BAD_FORMAT)).isEqualTo(1);
    }

    @Test
    void dropsAndCountsAnExtensionFieldRunningPastTheDatagram() {
        assertDroppedAndCounted(withExtensionField(NtpHeader.LENGTH + 16, 0x0104, 0xFFF0));
    }

    @Test
    void dropsAndCountsAnExtensionFieldOfLengthZero() {
        assertDroppedAndCounted(withExtensionField(NtpHeader.LENGTH + 16, 0x0104, 0));
    }

    @Test
    void dropsAndCountsAnExtensionFieldWhoseLengthIsNotAWholeNumberOfWords() {
        assertDroppedAndCounted(withExtensionField(NtpHeader.LENGTH + 16, 0x0104, 6));
    }

    @Test
    void dropsAndCountsARequestTruncatedInsideItsExtensionField() {
        assertDroppedAndCounted(clientHeader(NtpHeader.LENGTH + 2));
    }

    @Test
    void answersAnOversizedRequestWithAPlainHeaderOnly() {
        ByteBuffer oversized = withExtensionField(LARGEST_REQUEST_BYTES, 0x0104, LARGEST_REQUEST_BYTES - NtpHeader.LENGTH);

        assertThat(respond(server(), oversized, 0)).isEqualTo(ServerOutcome.ANSWERED);
        assertThat(reply.remaining()).isEqualTo(NtpHeader.LENGTH);
    }

    /** A request of one of four shapes: bare, a MAC, one well-formed extension field, or random bytes after the header. */
    private static ByteBuffer anyRequest(Random random) {
        int tailBytes = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextBoolean() ? 20 : 24;
            case 2 -> 16 + 4 * random.nextInt((LARGEST_REQUEST_BYTES - NtpHeader.LENGTH - 16) / 4);
            default -> random.nextInt(LARGEST_REQUEST_BYTES - NtpHeader.LENGTH + 1);
        };
        ByteBuffer request = clientHeader(NtpHeader.LENGTH + tailBytes);
        byte[] tail = new byte[tailBytes];
        random.nextBytes(tail);
        request.put(NtpHeader.LENGTH, tail);
        if (tailBytes > 24 && tailBytes % 4 == 0) {
            request.putShort(NtpHeader.LENGTH, (short) 0x0104).putShort(NtpHeader.LENGTH + 2, (short) tailBytes);
        }
        if (random.nextInt(8) == 0) {
            request.put(0, (byte) random.nextInt(256));
        }
        return request;
    }

    /**
     * Property: whatever arrives (up to 1200 bytes: bare, with a MAC, with an extension field, with
     * garbage, now and then with any first byte) and whatever the server answers (time, a crypto-NAK,
     * or a RATE kiss-o'-death to a client polling every 10 ms), no reply is longer than its request.
     */
    @Test
    void neverRepliesWithMoreBytesThanTheRequestWhateverArrives() {
        NtpServer server = server(RestrictFlag.LIMITED, RestrictFlag.KOD);
        Random random = new Random(8);
        Map<ServerOutcome, Integer> outcomes = new EnumMap<>(ServerOutcome.class);
        for (int i = 0; i < REQUESTS; i++) {
            ByteBuffer request = anyRequest(random);
            int bytes = request.limit();

            ServerOutcome outcome = respond(server, request, i * 10_000_000L);

            outcomes.merge(outcome, 1, Integer::sum);
            if (outcome.replies()) {
                assertThat(reply.remaining()).as("reply to %d bytes, %s", bytes, outcome).isLessThanOrEqualTo(bytes);
            }
        }
        assertThat(outcomes).as("the loop reached both kinds of reply")
                .containsKeys(ServerOutcome.ANSWERED, ServerOutcome.KISS_OF_DEATH);
    }
}
