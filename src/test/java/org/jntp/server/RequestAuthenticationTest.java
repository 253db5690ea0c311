package org.jntp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jntp.auth.KeyRing;
import org.jntp.auth.KeyType;
import org.jntp.auth.NtpMac;
import org.jntp.auth.SymmetricKey;
import org.jntp.protocol.HeaderView;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
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

/** The server's side of symmetric-key authentication (RFC 5905 §7.3, ntpd's receive() and fast_xmit()). */
class RequestAuthenticationTest {
    private static final long NOW_NANOS = 1_795_681_550_123_456_789L;
    private static final IpAddress CLIENT = IpAddress.ipv4(0xC000_0207);
    private static final SystemVariables STRATUM_2 = new SystemVariables(LeapIndicator.NO_WARNING, 2, -24,
            1_500_000, 10_000_000, ReferenceId.ofAscii("GPS").bits(), NOW_NANOS - 1_000_000_000L);
    private static final SymmetricKey MD5_KEY = key(1, KeyType.MD5, "jntp-md5-secret");
    private static final SymmetricKey SHA1_KEY = key(2, KeyType.SHA1, "jntp-sha1-secret");
    private static final SymmetricKey UNTRUSTED_KEY = key(3, KeyType.MD5, "not-trusted");

    private final AtomicReference<KeyRing> keys = new AtomicReference<>(
            KeyRing.of(List.of(MD5_KEY, SHA1_KEY, UNTRUSTED_KEY), Set.of(1, 2)));
    private final ServerCounters counters = new ServerCounters();
    private final ByteBuffer reply = ByteBuffer.allocate(1280);
    private NtpServer server = serverWith(RestrictTable.defaults());

    private static SymmetricKey key(int id, KeyType type, String secret) {
        return new SymmetricKey(id, type, secret.getBytes(StandardCharsets.US_ASCII));
    }

    private NtpServer serverWith(RestrictTable table) {
        MruList mru = MruList.create(MruSettings.defaults(), DiscardSettings.defaults(), 1, 42);
        return new NtpServer(() -> STRATUM_2, () -> table, mru, DiscardSettings.defaults().averageLog2(), counters,
                keys::get);
    }

    private static byte[] request() {
        ByteBuffer buf = ByteBuffer.allocate(NtpHeader.LENGTH);
        NtpHeader.clientRequest(4, NtpTimestamp.ofUnixNanos(NOW_NANOS - 3_000_000)).encode(buf);
        return buf.array();
    }

    private static ByteBuffer signed(SymmetricKey key) {
        return ByteBuffer.wrap(NtpMac.append(request(), NtpHeader.LENGTH, key));
    }

    private ServerOutcome respond(ByteBuffer request) {
        return server.respond(request, CLIENT.mappedHigh(), CLIENT.mappedLow(), 40123, NOW_NANOS, 0, reply);
    }

    private byte[] replyBytes() {
        byte[] bytes = new byte[reply.limit()];
        reply.get(0, bytes);
        return bytes;
    }

    private boolean replyVerifies(SymmetricKey key) {
        byte[] bytes = replyBytes();
        byte[] digest = new byte[bytes.length - NtpHeader.LENGTH - NtpMac.KEY_ID_LENGTH];
        System.arraycopy(bytes, NtpHeader.LENGTH + NtpMac.KEY_ID_LENGTH, digest, 0, digest.length);
        return reply.getInt(NtpHeader.LENGTH) == key.keyId()
                && NtpMac.verify(key, bytes, 0, NtpHeader.LENGTH, digest);
    }

    @Test
    void signsTheReplyToAnAuthenticMd5RequestWithTheSameKey() {
        ByteBuffer request = signed(MD5_KEY);

        assertThat(respond(request)).isEqualTo(ServerOutcome.ANSWERED_AUTHENTICATED);
        assertThat(reply.limit()).isEqualTo(request.limit());
        assertThat(replyVerifies(MD5_KEY)).isTrue();
    }

    @Test
    void signsTheReplyToAnAuthenticSha1RequestWithTheSameKey() {
        ByteBuffer request = signed(SHA1_KEY);

        assertThat(respond(request)).isEqualTo(ServerOutcome.ANSWERED_AUTHENTICATED);
        assertThat(reply.limit()).isEqualTo(NtpHeader.LENGTH + 24);
        assertThat(replyVerifies(SHA1_KEY)).isTrue();
    }

    @Test
    void stampsTheTransmitTimeOfASignedReplyBeforeSigningIt() {
        respond(signed(MD5_KEY));

        assertThat(HeaderView.transmitTimeBits(reply)).isNotZero()
                .isNotEqualTo(HeaderView.receiveTimeBits(reply));
        assertThat(HeaderView.mode(reply)).isEqualTo(Mode.SERVER);
    }

    @Test
    void answersARequestOfAnUnknownKeyWithACryptoNak() {
        SymmetricKey unknown = key(77, KeyType.MD5, "who knows");

        assertThat(respond(signed(unknown))).isEqualTo(ServerOutcome.ANSWERED);
        assertThat(reply.limit()).isEqualTo(NtpHeader.LENGTH + 4);
        assertThat(reply.getInt(NtpHeader.LENGTH)).isZero();
        assertThat(counters.get(Counter.AUTHENTICATION_FAILED)).isEqualTo(1);
    }

    @Test
    void answersARequestOfAnUntrustedKeyWithACryptoNak() {
        assertThat(respond(signed(UNTRUSTED_KEY))).isEqualTo(ServerOutcome.ANSWERED);
        assertThat(reply.limit()).isEqualTo(NtpHeader.LENGTH + 4);
        assertThat(reply.getInt(NtpHeader.LENGTH)).isZero();
    }

    @Test
    void dropsARequestWhoseMacDoesNotVerifyAndCountsIt() {
        ByteBuffer forged = signed(MD5_KEY);
        forged.put(forged.limit() - 1, (byte) (forged.get(forged.limit() - 1) ^ 1));

        assertThat(respond(forged)).isEqualTo(ServerOutcome.AUTHENTICATION_FAILED);
        assertThat(counters.get(Counter.AUTHENTICATION_FAILED)).isEqualTo(1);
    }

    @Test
    void dropsARequestWhoseMacHasTheWrongLengthForItsKey() {
        ByteBuffer request = ByteBuffer.allocate(NtpHeader.LENGTH + 24);
        request.put(request()).putInt(MD5_KEY.keyId()).put(new byte[20]).flip();

        assertThat(respond(request)).isEqualTo(ServerOutcome.AUTHENTICATION_FAILED);
    }

    @Test
    void dropsARequestWhoseHeaderWasChangedAfterSigning() {
        ByteBuffer altered = signed(MD5_KEY);
        altered.put(2, (byte) 10);

        assertThat(respond(altered)).isEqualTo(ServerOutcome.AUTHENTICATION_FAILED);
    }

    @Test
    void readsTheKeysInForceForEachRequest() {
        keys.set(KeyRing.empty());

        respond(signed(MD5_KEY));

        assertThat(reply.limit()).isEqualTo(NtpHeader.LENGTH + 4);
    }

    @Test
    void notrustRefusesARequestWithoutAMac() {
        server = serverWith(notrust());

        assertThat(respond(ByteBuffer.wrap(request()))).isEqualTo(ServerOutcome.RESTRICTED);
    }

    @Test
    void notrustAnswersAnAuthenticRequest() {
        server = serverWith(notrust());

        assertThat(respond(signed(MD5_KEY))).isEqualTo(ServerOutcome.ANSWERED_AUTHENTICATED);
        assertThat(replyVerifies(MD5_KEY)).isTrue();
    }

    @Test
    void refusesARequestCarryingACryptoNakAsNtpdDoes() {
        ByteBuffer request = ByteBuffer.allocate(NtpHeader.LENGTH + 4);
        request.put(request()).putInt(0).flip();

        assertThat(respond(request)).isEqualTo(ServerOutcome.RESTRICTED);
    }

    private static RestrictTable notrust() {
        return RestrictTable.of(List.of(RestrictRule.restrict(RestrictTarget.Default.bothFamilies(),
                Set.of(RestrictFlag.NOTRUST))));
    }

    @Test
    void neverSignsNorAnswersLongerThanARequestWithARandomMac() {
        Random random = new Random(7);
        int[] keyIds = {0, 1, 2, 3, 77};
        for (int i = 0; i < 2000; i++) {
            int digestLength = random.nextBoolean() ? 16 : 20;
            byte[] digest = new byte[digestLength];
            random.nextBytes(digest);
            ByteBuffer request = ByteBuffer.allocate(NtpHeader.LENGTH + 4 + digestLength);
            request.put(request()).putInt(keyIds[random.nextInt(keyIds.length)]).put(digest).flip();

            ServerOutcome outcome = respond(request);

            assertThat(outcome).isNotEqualTo(ServerOutcome.ANSWERED_AUTHENTICATED);
            if (outcome.replies()) {
                assertThat(reply.limit()).isLessThanOrEqualTo(request.limit());
            }
        }
    }

    @Test
    void answersUnsignedRequestsWithoutAllocatingWhileKeysAreConfigured() {
        ByteBuffer request = ByteBuffer.wrap(request());
        long allocated = Allocations.afterWarmUp(times -> answer(request, times));

        assertThat(allocated).isLessThan(1024);
    }

    private void answer(ByteBuffer request, int times) {
        for (int i = 0; i < times; i++) {
            respond(request);
        }
    }
}
