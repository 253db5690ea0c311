package org.jntp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jntp.nts.Aead;
import org.jntp.nts.CookieCodec;
import org.jntp.nts.KeNegotiation;
import org.jntp.nts.MasterKeyRing;
import org.jntp.nts.NtsClientExchange;
import org.jntp.nts.SessionKeys;
import org.jntp.protocol.HeaderView;
import org.jntp.protocol.KissCode;
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

/** NtpServer's answers to NTS requests (RFC 8915 §5.7), and to their fields while NTS is off. */
class NtsAnswerTest {
    private static final long NOW_NANOS = 1_795_681_550_123_456_789L;
    private static final IpAddress CLIENT = IpAddress.ipv4(0xC000_0207); // 192.0.2.7
    private static final NtpTimestamp CLIENT_TRANSMIT = NtpTimestamp.ofUnixNanos(NOW_NANOS - 3_000_000);
    private static final SystemVariables STRATUM_8 = new SystemVariables(LeapIndicator.NO_WARNING, 8, -24,
            1_500_000, 10_000_000, ReferenceId.ofAscii("LOCL").bits(), NOW_NANOS - 10_000_000_000L);
    private static final RestrictTable NO_RESTRICTIONS = RestrictTable.defaults();

    private final Random random = new Random(8915);
    private final MasterKeyRing ring = MasterKeyRing.create(NOW_NANOS / 1_000_000_000L, random);
    private final SessionKeys keys = sessionKeys(random);
    private final AtomicReference<Optional<MasterKeyRing>> masterKeys = new AtomicReference<>(Optional.of(ring));
    private final ServerCounters counters = new ServerCounters();
    private final NtpServer server = new NtpServer(() -> STRATUM_8, () -> NO_RESTRICTIONS,
            MruList.create(MruSettings.defaults(), DiscardSettings.defaults(), 1, 42),
            DiscardSettings.defaults().averageLog2(), counters, new NtsServing(masterKeys::get, random));
    private final ByteBuffer reply = ByteBuffer.allocate(1280);

    private static SessionKeys sessionKeys(Random random) {
        byte[] c2s = new byte[Aead.KEY_OCTETS];
        byte[] s2c = new byte[Aead.KEY_OCTETS];
        random.nextBytes(c2s);
        random.nextBytes(s2c);
        return new SessionKeys(KeNegotiation.AES_SIV_CMAC_256, c2s, s2c);
    }

    private static ByteBuffer header() {
        ByteBuffer packet = ByteBuffer.allocate(1280);
        NtpHeader.clientRequest(NtpHeader.VERSION, CLIENT_TRANSMIT).encode(packet);
        return packet.flip();
    }

    private ServerOutcome respond(ByteBuffer request) {
        return server.respond(request, CLIENT.mappedHigh(), CLIENT.mappedLow(), 40123, NOW_NANOS, 0, reply);
    }

    private NtpServer underNotrust() {
        RestrictTable notrust = RestrictTable.of(List.of(RestrictRule.restrict(RestrictTarget.Default.bothFamilies(),
                Set.of(RestrictFlag.NOTRUST))));
        return new NtpServer(() -> STRATUM_8, () -> notrust,
                MruList.create(MruSettings.defaults(), DiscardSettings.defaults(), 1, 42),
                DiscardSettings.defaults().averageLog2(), counters, new NtsServing(masterKeys::get, random));
    }

    @Test
    void notrustAnswersAnNtsAuthenticatedRequest() {
        ByteBuffer request = header();
        NtsClientExchange.writeRequest(request, CookieCodec.make(keys, ring, random), 0, keys, random);

        assertThat(underNotrust().respond(request, CLIENT.mappedHigh(), CLIENT.mappedLow(), 40123, NOW_NANOS, 0,
                reply)).isEqualTo(ServerOutcome.ANSWERED_NTS);
    }

    @Test
    void notrustRefusesARequestWhoseExtensionFieldsAreNotNts() {
        ByteBuffer request = ByteBuffer.allocate(NtpHeader.LENGTH + 28);
        NtpHeader.clientRequest(NtpHeader.VERSION, CLIENT_TRANSMIT).encode(request);
        // RFC 7822: a last extension field without a MAC after it is at least 28 octets
        request.putShort((short) 0x7777).putShort((short) 28).put(new byte[24]).flip();

        assertThat(underNotrust().respond(request, CLIENT.mappedHigh(), CLIENT.mappedLow(), 40123, NOW_NANOS, 0,
                reply)).isEqualTo(ServerOutcome.RESTRICTED);
    }

    @Test
    void answersAuthenticRequestWithAnAuthenticTimeReply() {
        ByteBuffer request = header();
        byte[] uniqueId = NtsClientExchange.writeRequest(request, CookieCodec.make(keys, ring, random), 2, keys, random);

        assertThat(respond(request)).isEqualTo(ServerOutcome.ANSWERED_NTS);

        assertThat(HeaderView.mode(reply)).isEqualTo(Mode.SERVER);
        assertThat(HeaderView.stratum(reply)).isEqualTo(8);
        assertThat(HeaderView.originTimeBits(reply)).isEqualTo(CLIENT_TRANSMIT.bits());
        assertThat(HeaderView.transmitTimeBits(reply)).isNotEqualTo(HeaderView.receiveTimeBits(reply));
        assertThat(reply.limit()).isLessThanOrEqualTo(request.limit());
        assertThat(NtsClientExchange.checkReply(reply, uniqueId, keys)).isInstanceOfSatisfying(
                NtsClientExchange.Authentic.class, authentic -> assertThat(authentic.newCookies()).hasSize(3));
    }

    @Test
    void answersAReplayedRequestAgainWithFreshCookiesAndNoMoreOctets() {
        ByteBuffer captured = header();
        byte[] uniqueId = NtsClientExchange.writeRequest(captured, CookieCodec.make(keys, ring, random), 1, keys, random);
        List<byte[]> cookies = new ArrayList<>();

        for (int copy = 0; copy < 2; copy++) {
            assertThat(respond(captured.duplicate())).isEqualTo(ServerOutcome.ANSWERED_NTS);
            assertThat(reply.limit()).isLessThanOrEqualTo(captured.limit());
            NtsClientExchange.Authentic authentic = (NtsClientExchange.Authentic) NtsClientExchange.checkReply(reply,
                    uniqueId, keys);
            cookies.addAll(authentic.newCookies());
        }

        assertThat(cookies).hasSize(4);
        assertThat(cookies.stream().map(HexFormat.of()::formatHex).distinct()).hasSize(4);
    }

    @Test
    void countsAnNtsAnswerAmongTheAnswers() {
        ByteBuffer request = header();
        NtsClientExchange.writeRequest(request, CookieCodec.make(keys, ring, random), 0, keys, random);

        respond(request);

        assertThat(counters.get(Counter.NTS_ANSWERED)).isOne();
        assertThat(counters.get(Counter.ANSWERED)).isOne();
    }

    @Test
    void answersCookieItCannotOpenWithAnNtsnKissEchoingTheUniqueIdentifier() {
        ByteBuffer request = header();
        MasterKeyRing otherServer = MasterKeyRing.create(0, new Random(1));
        byte[] uniqueId = NtsClientExchange.writeRequest(request, CookieCodec.make(keys, otherServer, random), 0, keys,
                random);

        assertThat(respond(request)).isEqualTo(ServerOutcome.NTS_NAK);

        assertThat(HeaderView.stratum(reply)).isEqualTo(NtpHeader.STRATUM_KISS);
        assertThat(HeaderView.referenceIdBits(reply)).isEqualTo(KissCode.NTSN.referenceId().bits());
        assertThat(HeaderView.originTimeBits(reply)).isEqualTo(CLIENT_TRANSMIT.bits());
        assertThat(NtsClientExchange.checkReply(reply, uniqueId, keys)).isEqualTo(new NtsClientExchange.NtsNak());
        assertThat(counters.get(Counter.NTS_NAK_SENT)).isOne();
    }

    @Test
    void dropsAndCountsRequestWhoseAuthenticatorFails() {
        ByteBuffer request = header();
        NtsClientExchange.writeRequest(request, CookieCodec.make(keys, ring, random), 0, sessionKeys(random), random);

        assertThat(respond(request)).isEqualTo(ServerOutcome.NTS_UNAUTHENTIC);
        assertThat(counters.get(Counter.NTS_AUTH_FAILED)).isOne();
        assertThat(counters.get(Counter.ANSWERED)).isZero();
    }

    @Test
    void dropsAndCountsRequestWhoseNtsFieldsAreMalformed() {
        ByteBuffer request = ByteBuffer.allocate(NtpHeader.LENGTH + 36);
        NtpHeader.clientRequest(NtpHeader.VERSION, CLIENT_TRANSMIT).encode(request);
        // a Unique Identifier alone: no Cookie, no Authenticator
        request.putShort((short) 0x0104).putShort((short) 36).put(new byte[32]).flip();

        assertThat(respond(request)).isEqualTo(ServerOutcome.NTS_MALFORMED);
        assertThat(counters.get(Counter.NTS_MALFORMED)).isOne();
        assertThat(counters.get(Counter.BAD_FORMAT)).isZero();
    }

    @Test
    void countsEveryCookieSealedInAnNtsAnswer() {
        ByteBuffer request = header();
        NtsClientExchange.writeRequest(request, CookieCodec.make(keys, ring, random), 3, keys, random);

        respond(request);

        assertThat(counters.get(Counter.NTS_COOKIE_MADE)).isEqualTo(4);
    }

    @Test
    void countsACookieOpenedWithTheCurrentMasterKey() {
        ByteBuffer request = header();
        NtsClientExchange.writeRequest(request, CookieCodec.make(keys, ring, random), 0, keys, random);

        respond(request);

        assertThat(counters.get(Counter.NTS_COOKIE_OPENED_CURRENT)).isOne();
        assertThat(counters.get(Counter.NTS_COOKIE_OPENED_PREVIOUS)).isZero();
    }

    @Test
    void countsACookieOpenedWithThePreviousMasterKey() {
        ByteBuffer request = header();
        NtsClientExchange.writeRequest(request, CookieCodec.make(keys, ring, random), 0, keys, random);
        masterKeys.set(Optional.of(ring.rotate(NOW_NANOS / 1_000_000_000L, random)));

        respond(request);

        assertThat(counters.get(Counter.NTS_COOKIE_OPENED_PREVIOUS)).isOne();
        assertThat(counters.get(Counter.NTS_COOKIE_OPENED_CURRENT)).isZero();
    }

    @Test
    void countsTheCookieOfARequestWhoseAuthenticatorFailsAsOpened() {
        ByteBuffer request = header();
        NtsClientExchange.writeRequest(request, CookieCodec.make(keys, ring, random), 0, sessionKeys(random), random);

        respond(request);

        assertThat(counters.get(Counter.NTS_COOKIE_OPENED_CURRENT)).isOne();
    }

    @Test
    void countsACookieUnderAMasterKeyRotatedOutAsKeyNotHeld() {
        ByteBuffer request = header();
        NtsClientExchange.writeRequest(request, CookieCodec.make(keys, ring, random), 0, keys, random);
        long now = NOW_NANOS / 1_000_000_000L;
        masterKeys.set(Optional.of(ring.rotate(now, random).rotate(now, random)));

        respond(request);

        assertThat(counters.get(Counter.NTS_COOKIE_KEY_NOT_HELD)).isOne();
        assertThat(counters.get(Counter.NTS_COOKIE_INVALID)).isZero();
    }

    @Test
    void countsAnAlteredCookieAsInvalid() {
        ByteBuffer request = header();
        byte[] cookie = CookieCodec.make(keys, ring, random);
        cookie[cookie.length - 1] ^= 1;
        NtsClientExchange.writeRequest(request, cookie, 0, keys, random);

        respond(request);

        assertThat(counters.get(Counter.NTS_COOKIE_INVALID)).isOne();
        assertThat(counters.get(Counter.NTS_COOKIE_KEY_NOT_HELD)).isZero();
    }

    @Test
    void answersNtsFieldsWithAPlainReplyWhileNtsIsOff() {
        masterKeys.set(Optional.empty());
        ByteBuffer request = header();
        NtsClientExchange.writeRequest(request, CookieCodec.make(keys, ring, random), 0, keys, random);

        assertThat(respond(request)).isEqualTo(ServerOutcome.ANSWERED);
        assertThat(reply.limit()).isEqualTo(NtpHeader.LENGTH);
    }

    @Test
    void answersAPlainRequestPlainlyWhileNtsIsOn() {
        assertThat(respond(header())).isEqualTo(ServerOutcome.ANSWERED);
        assertThat(reply.limit()).isEqualTo(NtpHeader.LENGTH);
    }

    @Test
    void answersPlainRequestsWithoutAllocatingWhileNtsIsOn() {
        ByteBuffer request = header();
        long allocated = Allocations.afterWarmUp(times -> answer(request, times));

        // One object per request would be at least 1.6 MB; the JIT's own transitions may cost a few bytes.
        assertThat(allocated).isLessThan(1024);
    }

    private void answer(ByteBuffer request, int times) {
        for (int i = 0; i < times; i++) {
            respond(request);
        }
    }

    @Test
    void answersNtsFieldsOfASymmetricActivePacketAsIfAbsent() {
        ByteBuffer request = header();
        NtsClientExchange.writeRequest(request, CookieCodec.make(keys, ring, random), 0, keys, random);
        HeaderView.putLeapVersionMode(request, LeapIndicator.NO_WARNING, NtpHeader.VERSION, Mode.SYMMETRIC_ACTIVE);

        assertThat(respond(request)).isEqualTo(ServerOutcome.ANSWERED);
        assertThat(reply.limit()).isEqualTo(NtpHeader.LENGTH);
    }
}
