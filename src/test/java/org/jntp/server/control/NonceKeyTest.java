package org.jntp.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.jntp.protocol.NtpTimestamp;
import org.junit.jupiter.api.Test;

class NonceKeyTest {
    private static final long NOW_NANOS = 1_795_675_902_000_000_000L;
    private static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.ofLiteral("192.0.2.9"), 40123);
    private static final NonceKey KEY = new NonceKey("a secret of 32 octets, not more!".getBytes());

    @Test
    void writesTheTimestampAndTheDerivedWordAs24HexDigits() {
        assertThat(KEY.issue(CLIENT, NOW_NANOS)).matches("[0-9a-f]{24}")
                .startsWith(String.format("%016x", NtpTimestamp.bitsOfUnixNanos(NOW_NANOS)));
    }

    @Test
    void acceptsItsNonceFromTheSameAddressAndPortWithin16Seconds() {
        String nonce = KEY.issue(CLIENT, NOW_NANOS);

        assertThat(KEY.accepts(nonce, CLIENT, NOW_NANOS)).isTrue();
        assertThat(KEY.accepts(nonce, CLIENT, NOW_NANOS + NonceKey.VALID_NANOS - 1_000_000)).isTrue();
    }

    @Test
    void refusesItsNonceAfter16Seconds() {
        String nonce = KEY.issue(CLIENT, NOW_NANOS);

        assertThat(KEY.accepts(nonce, CLIENT, NOW_NANOS + NonceKey.VALID_NANOS)).isFalse();
    }

    @Test
    void refusesANonceFromTheFuture() {
        String nonce = KEY.issue(CLIENT, NOW_NANOS + 1_000_000_000L);

        assertThat(KEY.accepts(nonce, CLIENT, NOW_NANOS)).isFalse();
    }

    @Test
    void refusesANonceIssuedToAnotherAddressOrPort() {
        String nonce = KEY.issue(CLIENT, NOW_NANOS);

        assertThat(KEY.accepts(nonce, new InetSocketAddress(InetAddress.ofLiteral("192.0.2.10"), 40123), NOW_NANOS))
                .isFalse();
        assertThat(KEY.accepts(nonce, new InetSocketAddress(CLIENT.getAddress(), 40124), NOW_NANOS)).isFalse();
    }

    @Test
    void refusesANonceOfAnotherKey() {
        String nonce = new NonceKey(new byte[32]).issue(CLIENT, NOW_NANOS);

        assertThat(KEY.accepts(nonce, CLIENT, NOW_NANOS)).isFalse();
    }

    @Test
    void refusesWhatIsNot24HexDigits() {
        String nonce = KEY.issue(CLIENT, NOW_NANOS);

        assertThat(KEY.accepts(nonce.substring(1), CLIENT, NOW_NANOS)).isFalse();
        assertThat(KEY.accepts(nonce + "0", CLIENT, NOW_NANOS)).isFalse();
        assertThat(KEY.accepts("zz" + nonce.substring(2), CLIENT, NOW_NANOS)).isFalse();
        assertThat(KEY.accepts("", CLIENT, NOW_NANOS)).isFalse();
    }
}
