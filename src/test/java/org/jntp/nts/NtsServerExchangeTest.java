package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.jntp.protocol.NtpHeader;
import org.junit.jupiter.api.Test;

/** The request rules of RFC 8915 §5.7 the server enforces, on requests built field by field. */
class NtsServerExchangeTest {
    private static final int UNKNOWN_TYPE = 0x2005;

    private final NtsServerExchange exchange = new NtsServerExchange();
    private final NtsTestPackets nts = new NtsTestPackets(5297);
    private final ByteBuffer packet = NtsTestPackets.headerOnly().limit(1280);
    private int index = NtpHeader.LENGTH;

    private NtsServerExchangeTest uniqueId(int octets) {
        byte[] id = new byte[octets];
        nts.random.nextBytes(id);
        index = NtsFields.put(packet, index, NtsFieldType.UNIQUE_IDENTIFIER, id);
        return this;
    }

    private NtsServerExchangeTest cookie() {
        index = NtsFields.put(packet, index, NtsFieldType.COOKIE, nts.cookie());
        return this;
    }

    private NtsServerExchangeTest placeholder(int octets) {
        index = NtsFields.putPlaceholder(packet, index, octets);
        return this;
    }

    private NtsServerExchangeTest unknownField() {
        byte[] body = new byte[12];
        nts.random.nextBytes(body);
        index = NtsFields.put(packet, index, NtsFieldType.UNIQUE_IDENTIFIER, body);
        packet.put(index - 16, (byte) (UNKNOWN_TYPE >>> 8)).put(index - 15, (byte) UNKNOWN_TYPE);
        return this;
    }

    /** The Authenticator over everything so far, under the session's C2S key. */
    private NtsServerExchangeTest authenticator() {
        byte[] associatedData = new byte[index];
        packet.get(0, associatedData);
        byte[] nonce = new byte[NtsFields.NONCE_OCTETS];
        nts.random.nextBytes(nonce);
        index = NtsFields.putAuthenticator(packet, index, nonce,
                Aead.encrypt(nts.keys.c2s(), nonce, new byte[0], associatedData));
        return this;
    }

    private NtsServerExchange.Verdict verify() {
        packet.limit(index);
        return exchange.verify(packet, nts.ring);
    }

    @Test
    void verifiesRequestWithAnUnknownFieldAmongTheAuthenticatedOnes() {
        assertThat(uniqueId(32).unknownField().cookie().authenticator().verify())
                .isInstanceOf(NtsServerExchange.Verified.class);
    }

    @Test
    void ignoresFieldsAfterTheAuthenticatorEvenNtsOnes() {
        assertThat(uniqueId(32).cookie().authenticator().unknownField().uniqueId(32).cookie().verify())
                .isInstanceOf(NtsServerExchange.Verified.class);
    }

    @Test
    void verifiesUniqueIdentifierLongerThan32Octets() {
        assertThat(uniqueId(64).cookie().authenticator().verify()).isInstanceOf(NtsServerExchange.Verified.class);
    }

    @Test
    void dropsUniqueIdentifierShorterThan32Octets() {
        assertThat(uniqueId(28).cookie().authenticator().verify()).isInstanceOf(NtsServerExchange.Malformed.class);
    }

    @Test
    void dropsRequestWithTwoUniqueIdentifiers() {
        assertThat(uniqueId(32).uniqueId(32).cookie().authenticator().verify())
                .isInstanceOf(NtsServerExchange.Malformed.class);
    }

    @Test
    void dropsRequestWithoutUniqueIdentifier() {
        assertThat(cookie().authenticator().verify()).isInstanceOf(NtsServerExchange.Malformed.class);
    }

    @Test
    void dropsRequestWithTwoCookies() {
        assertThat(uniqueId(32).cookie().cookie().authenticator().verify())
                .isInstanceOf(NtsServerExchange.Malformed.class);
    }

    @Test
    void dropsRequestWithoutCookie() {
        assertThat(uniqueId(32).placeholder(CookieCodec.COOKIE_OCTETS).authenticator().verify())
                .isInstanceOf(NtsServerExchange.Malformed.class);
    }

    @Test
    void dropsRequestWithoutAuthenticator() {
        assertThat(uniqueId(32).cookie().verify()).isInstanceOf(NtsServerExchange.Malformed.class);
    }

    @Test
    void dropsPlaceholderOfAnotherLengthThanTheCookie() {
        assertThat(uniqueId(32).cookie().placeholder(CookieCodec.COOKIE_OCTETS + 8).authenticator().verify())
                .isInstanceOf(NtsServerExchange.Malformed.class);
    }

    @Test
    void naksCookieThatIsNotOneOfOurs() {
        byte[] foreign = new byte[100];
        nts.random.nextBytes(foreign);
        uniqueId(32);
        index = NtsFields.put(packet, index, NtsFieldType.COOKIE, foreign);

        assertThat(authenticator().verify()).isInstanceOf(NtsServerExchange.Nak.class);
    }

    @Test
    void takesRequestWithOnlyUnknownFieldsAsPlain() {
        assertThat(unknownField().unknownField().verify()).isInstanceOf(NtsServerExchange.NotNts.class);
    }
}
