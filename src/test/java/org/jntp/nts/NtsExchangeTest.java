package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.jntp.protocol.NtpHeader;
import org.junit.jupiter.api.Test;

/** A client request through the server's check and reply and back through the client's check (RFC 8915 §5.7). */
class NtsExchangeTest {
    private final NtsServerExchange exchange = new NtsServerExchange();
    private final NtsTestPackets nts = new NtsTestPackets(8915);

    private ByteBuffer answer(ByteBuffer request) {
        NtsServerExchange.Verified verified = (NtsServerExchange.Verified) exchange.verify(request, nts.ring);
        ByteBuffer reply = NtsTestPackets.replyHeader();
        exchange.writeReply(request, verified, request.limit(), reply, nts.ring, nts.random);
        return reply;
    }

    private static ByteBuffer copy(ByteBuffer packet) {
        ByteBuffer copy = ByteBuffer.allocate(packet.limit());
        copy.put(0, packet, 0, packet.limit());
        return copy;
    }

    @Test
    void clientGetsAuthenticReplyWithOneCookieThatOpensToItsSessionKeys() {
        NtsTestPackets.Sent sent = nts.request(0);

        NtsClientExchange.ReplyCheck check = NtsClientExchange.checkReply(answer(sent.packet()), sent.uniqueId(), nts.keys);

        assertThat(check).isInstanceOf(NtsClientExchange.Authentic.class);
        List<byte[]> cookies = ((NtsClientExchange.Authentic) check).newCookies();
        assertThat(cookies).hasSize(1);
        byte[] padded = cookies.getFirst();
        byte[] cookie = java.util.Arrays.copyOf(padded, CookieCodec.COOKIE_OCTETS);
        assertThat(CookieCodec.open(cookie, nts.ring))
                .isEqualTo(new CookieCodec.Opened(nts.keys, MasterKeyRing.Age.CURRENT));
    }

    @Test
    void serverVerifiesRequestAndCountsOneCookieWantedPerPlaceholderAndOneMore() {
        NtsTestPackets.Sent sent = nts.request(3);

        assertThat(exchange.verify(sent.packet(), nts.ring))
                .isInstanceOfSatisfying(NtsServerExchange.Verified.class, verified -> {
                    assertThat(verified.keys()).isEqualTo(nts.keys);
                    assertThat(verified.cookiesWanted()).isEqualTo(4);
                });
    }

    @Test
    void cookieFromAReplyOpensAtTheServerInTheNextRequest() {
        NtsTestPackets.Sent first = nts.request(0);
        byte[] cookie = ((NtsClientExchange.Authentic) NtsClientExchange.checkReply(answer(first.packet()),
                first.uniqueId(), nts.keys)).newCookies().getFirst();
        ByteBuffer next = NtsTestPackets.headerOnly();
        NtsClientExchange.writeRequest(next, cookie, 0, nts.keys, nts.random);

        assertThat(exchange.verify(next, nts.ring)).isInstanceOf(NtsServerExchange.Verified.class);
    }

    @Test
    void replyCarriesOneFreshCookiePerPlaceholderAndOneMore() {
        for (int placeholders = 0; placeholders < CookieJar.CAPACITY; placeholders++) {
            NtsTestPackets.Sent sent = nts.request(placeholders);

            NtsClientExchange.ReplyCheck check =
                    NtsClientExchange.checkReply(answer(sent.packet()), sent.uniqueId(), nts.keys);

            assertThat(((NtsClientExchange.Authentic) check).newCookies()).hasSize(placeholders + 1);
        }
    }

    @Test
    void replyIsNeverLongerThanItsRequest() {
        Random seeds = new Random(7822);
        for (int round = 0; round < 200; round++) {
            ByteBuffer request = nts.request(seeds.nextInt(CookieJar.CAPACITY)).packet();

            assertThat(answer(request).limit()).isLessThanOrEqualTo(request.limit());
        }
    }

    @Test
    void replyToARequestWithoutPlaceholdersIsExactlyAsLongAsIt() {
        ByteBuffer request = nts.request(0).packet();

        assertThat(answer(request).limit()).isEqualTo(request.limit());
    }

    @Test
    void serverSendsFewerCookiesWhenPlaceholdersLeaveNoRoom() {
        ByteBuffer request = nts.request(2).packet();
        NtsServerExchange.Verified verified = (NtsServerExchange.Verified) exchange.verify(request, nts.ring);
        ByteBuffer reply = NtsTestPackets.replyHeader();
        int oneCookieShort = request.limit() - NtsFields.fieldLength(CookieCodec.COOKIE_OCTETS);

        exchange.writeReply(request, verified, oneCookieShort, reply, nts.ring, nts.random);

        assertThat(reply.limit()).isLessThanOrEqualTo(oneCookieShort);
    }

    @Test
    void serverFindsNoRequestAuthenticWithAnyOneByteChanged() {
        ByteBuffer request = nts.request(1).packet();
        for (int i = 0; i < request.limit(); i++) {
            ByteBuffer tampered = copy(request);
            tampered.put(i, (byte) (tampered.get(i) ^ 0x01));

            assertThat(exchange.verify(tampered, nts.ring)).as("octet %d changed", i)
                    .isNotInstanceOf(NtsServerExchange.Verified.class);
        }
    }

    @Test
    void clientFindsNoReplyAuthenticWithAnyOneByteChanged() {
        NtsTestPackets.Sent sent = nts.request(1);
        ByteBuffer reply = answer(sent.packet());
        for (int i = 0; i < reply.limit(); i++) {
            ByteBuffer tampered = copy(reply);
            tampered.put(i, (byte) (tampered.get(i) ^ 0x80));

            assertThat(NtsClientExchange.checkReply(tampered, sent.uniqueId(), nts.keys)).as("octet %d changed", i)
                    .isInstanceOf(NtsClientExchange.Unauthentic.class);
        }
    }

    @Test
    void clientRefusesAReplyUnderAnotherSessionsKeys() {
        NtsTestPackets.Sent sent = nts.request(0);
        SessionKeys others = new NtsTestPackets(1).keys;

        assertThat(NtsClientExchange.checkReply(answer(sent.packet()), sent.uniqueId(), others))
                .isEqualTo(new NtsClientExchange.Unauthentic(NtsClientExchange.Reason.AUTHENTICATION_FAILED));
    }

    @Test
    void clientRefusesAReplyToAnotherRequest() {
        NtsTestPackets.Sent sent = nts.request(0);
        ByteBuffer replyToOther = answer(nts.request(0).packet());

        assertThat(NtsClientExchange.checkReply(replyToOther, sent.uniqueId(), nts.keys))
                .isEqualTo(new NtsClientExchange.Unauthentic(NtsClientExchange.Reason.UNIQUE_IDENTIFIER_MISMATCH));
    }

    @Test
    void clientRefusesAPlainReply() {
        NtsTestPackets.Sent sent = nts.request(0);
        ByteBuffer plain = NtsTestPackets.replyHeader();

        assertThat(NtsClientExchange.checkReply(plain, sent.uniqueId(), nts.keys))
                .isEqualTo(new NtsClientExchange.Unauthentic(NtsClientExchange.Reason.UNIQUE_IDENTIFIER_MISMATCH));
    }

    @Test
    void serverNaksACookieOfAMasterKeyItNoLongerHas() {
        ByteBuffer request = nts.request(0).packet();
        MasterKeyRing twiceRotated = nts.ring.rotate(1, nts.random).rotate(2, nts.random);

        assertThat(exchange.verify(request, twiceRotated)).isInstanceOf(NtsServerExchange.Nak.class);
    }

    @Test
    void clientTakesAnNtsnKissEchoingItsUniqueIdentifierAsNak() {
        NtsTestPackets.Sent sent = nts.request(0);
        MasterKeyRing otherServer = new NtsTestPackets(2).ring;
        NtsServerExchange.Nak nak = (NtsServerExchange.Nak) exchange.verify(sent.packet(), otherServer);
        ByteBuffer reply = NtsTestPackets.replyHeader();
        reply.put(1, (byte) NtpHeader.STRATUM_KISS);
        reply.putInt(12, org.jntp.protocol.KissCode.NTSN.referenceId().bits());

        NtsServerExchange.writeNak(sent.packet(), nak, reply);

        assertThat(reply.limit()).isLessThan(sent.packet().limit());
        assertThat(NtsClientExchange.checkReply(reply, sent.uniqueId(), nts.keys))
                .isEqualTo(new NtsClientExchange.NtsNak());
    }

    @Test
    void serverDropsARequestWhoseAuthenticatorIsUnderAnotherKey() {
        ByteBuffer packet = NtsTestPackets.headerOnly();
        NtsClientExchange.writeRequest(packet, nts.cookie(), 0, new NtsTestPackets(3).keys, nts.random);

        assertThat(exchange.verify(packet, nts.ring)).isInstanceOf(NtsServerExchange.Unauthentic.class);
    }

    @Test
    void serverTakesARequestWithoutNtsFieldsAsPlain() {
        assertThat(exchange.verify(NtsTestPackets.headerOnly(), nts.ring))
                .isInstanceOf(NtsServerExchange.NotNts.class);
    }
}
