package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NtsFieldsTest {
    private final ByteBuffer buf = ByteBuffer.allocate(256);

    private static byte[] octets(int length, int seed) {
        byte[] octets = new byte[length];
        new Random(seed).nextBytes(octets);
        return octets;
    }

    private static String hex(ByteBuffer buf, int from, int to) {
        byte[] octets = new byte[to - from];
        buf.get(from, octets);
        return HexFormat.of().formatHex(octets);
    }

    @Test
    void writesFieldWithTypeLengthAndZeroPaddedBody() {
        int end = NtsFields.put(buf.put(6, (byte) 0x55), 0, NtsFieldType.COOKIE, new byte[] {1, 2, 3, 4, 5, 6});

        assertThat(end).isEqualTo(12);
        assertThat(hex(buf, 0, end)).isEqualTo("0204000c" + "010203040506" + "0000");
    }

    @Test
    void writesPlaceholderWithZeroBodyAsLongAsTheCookiePadded() {
        buf.put(5, (byte) 0x55);

        int end = NtsFields.putPlaceholder(buf, 0, 102);

        assertThat(end).isEqualTo(108);
        assertThat(hex(buf, 0, 4)).isEqualTo("0304006c");
        assertThat(hex(buf, 4, end)).matches("0+");
    }

    @Test
    void writesAuthenticatorAsRfc8915Section56LaysItOut() {
        int end = NtsFields.putAuthenticator(buf, 0, octets(16, 1), octets(18, 2));

        assertThat(end).isEqualTo(4 + 4 + 16 + 20);
        assertThat(hex(buf, 0, 8)).isEqualTo("0404002c" + "0010" + "0012");
        assertThat(hex(buf, 42, 44)).isEqualTo("0000");
        assertThat(NtsFields.authenticatorLength(18)).isEqualTo(end);
    }

    @Test
    void readsTheAuthenticatorItWrites() {
        byte[] nonce = octets(16, 3);
        byte[] ciphertext = octets(30, 4);
        int end = NtsFields.putAuthenticator(buf, 0, nonce, ciphertext);

        assertThat(NtsFields.readAuthenticator(buf, 0, end)).isInstanceOfSatisfying(NtsFields.Authenticator.class,
                authenticator -> {
                    assertThat(authenticator.nonce()).isEqualTo(nonce);
                    assertThat(authenticator.ciphertext()).isEqualTo(ciphertext);
                });
    }

    @Test
    void refusesAuthenticatorWhoseLengthsRunPastTheField() {
        int end = NtsFields.putAuthenticator(buf, 0, octets(16, 5), octets(16, 6));
        buf.put(7, (byte) 20);

        assertThat(NtsFields.readAuthenticator(buf, 0, end)).isInstanceOf(NtsFields.MalformedAuthenticator.class);
    }

    @Test
    void refusesCiphertextShorterThanTheSyntheticIv() {
        int end = NtsFields.putAuthenticator(buf, 0, octets(16, 7), octets(16, 8));
        buf.put(7, (byte) 12);

        assertThat(NtsFields.readAuthenticator(buf, 0, end)).isInstanceOf(NtsFields.MalformedAuthenticator.class);
    }

    @Test
    void refusesShortNonceWithoutAdditionalPadding() {
        // nonce 12, ciphertext 16, no padding after: 4 octets short of N_REQ
        buf.put(0, HexFormat.of().parseHex("04040024000c0010"));

        assertThat(NtsFields.readAuthenticator(buf, 0, 36)).isInstanceOf(NtsFields.MalformedAuthenticator.class);
    }

    @Test
    void readsShortNonceWithAsMuchAdditionalPaddingAsItLacks() {
        buf.put(0, HexFormat.of().parseHex("04040028000c0010"));

        assertThat(NtsFields.readAuthenticator(buf, 0, 40)).isInstanceOfSatisfying(NtsFields.Authenticator.class,
                authenticator -> assertThat(authenticator.nonce()).hasSize(12));
    }

    @Test
    void readsAnyOctetsWithoutThrowing() {
        Random garbage = new Random(8915);
        for (int round = 0; round < 5000; round++) {
            garbage.nextBytes(buf.array());
            int length = 4 + garbage.nextInt(buf.capacity() - 4);

            assertThat(NtsFields.readAuthenticator(buf, 0, length)).isNotNull();
        }
    }
}
