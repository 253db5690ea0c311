package org.jntp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * MACs against values computed by NTPsec 1.2.2's {@code ntp.ntpc.mac} and OpenSSL 3.0
 * ({@code openssl dgst}, {@code openssl mac CMAC}) over the 48 octets 0, 1, ..., 47.
 */
class NtpMacTest {
    private static final byte[] MESSAGE = new byte[48];

    static {
        for (int i = 0; i < MESSAGE.length; i++) {
            MESSAGE[i] = (byte) i;
        }
    }

    private static SymmetricKey key(KeyType type, String ascii) {
        return new SymmetricKey(1, type, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static String digest(SymmetricKey key) {
        return HexFormat.of().formatHex(NtpMac.digest(key, MESSAGE, 0, MESSAGE.length));
    }

    @Test
    void md5IsTheDigestOfKeyThenMessage() {
        assertThat(digest(key(KeyType.MD5, "secret"))).isEqualTo("a03f32571504b4138d76d44a54fe953c");
    }

    @Test
    void sha1IsTheDigestOfKeyThenMessage() {
        assertThat(digest(key(KeyType.SHA1, "secret"))).isEqualTo("57dc9dda0a48d12289ffef427b0ec2057f998bfb");
    }

    @Test
    void sha256IsCutToTwentyOctets() {
        assertThat(digest(key(KeyType.SHA256, "secret"))).isEqualTo("ce1dc038bc01c5c15462660ca130990488d64772");
    }

    @Test
    void aesCmacOfASixteenOctetKey() {
        assertThat(digest(key(KeyType.AES128CMAC, "0123456789abcdef"))).isEqualTo("e8eaa929380416354cd485a5e9143f4e");
    }

    @Test
    void aesCmacPadsAShortKeyWithZerosAsNtpdDoes() {
        assertThat(digest(key(KeyType.AES128CMAC, "short"))).isEqualTo("5ca40667a0253a9970f1d654b5fa14d4");
    }

    @Test
    void aesCmacUsesTheFirstSixteenOctetsOfALongerKey() {
        SymmetricKey longKey = new SymmetricKey(1, KeyType.AES128CMAC,
                "0123456789abcdefXXXXXXXX".getBytes(StandardCharsets.US_ASCII));
        assertThat(digest(longKey)).isEqualTo("e8eaa929380416354cd485a5e9143f4e");
    }

    @Test
    void digestCoversOnlyTheRangeGiven() {
        byte[] framed = new byte[MESSAGE.length + 8];
        System.arraycopy(MESSAGE, 0, framed, 4, MESSAGE.length);
        SymmetricKey key = key(KeyType.MD5, "secret");
        assertThat(NtpMac.digest(key, framed, 4, MESSAGE.length)).isEqualTo(NtpMac.digest(key, MESSAGE, 0, 48));
    }

    @Test
    void verifiesItsOwnDigest() {
        SymmetricKey key = key(KeyType.SHA1, "secret");
        assertThat(NtpMac.verify(key, MESSAGE, 0, 48, NtpMac.digest(key, MESSAGE, 0, 48))).isTrue();
    }

    @Test
    void refusesADigestWithAnyBitFlipped() {
        Random random = new Random(4493);
        for (KeyType type : KeyType.values()) {
            SymmetricKey key = key(type, "secret");
            byte[] digest = NtpMac.digest(key, MESSAGE, 0, 48);
            for (int trial = 0; trial < 50; trial++) {
                byte[] forged = digest.clone();
                int bit = random.nextInt(forged.length * 8);
                forged[bit / 8] ^= (byte) (1 << (bit % 8));
                assertThat(NtpMac.verify(key, MESSAGE, 0, 48, forged)).as("%s bit %d", type, bit).isFalse();
            }
        }
    }

    @Test
    void refusesADigestOfAnotherLength() {
        SymmetricKey key = key(KeyType.SHA1, "secret");
        byte[] digest = NtpMac.digest(key, MESSAGE, 0, 48);
        assertThat(NtpMac.verify(key, MESSAGE, 0, 48, Arrays.copyOf(digest, 16))).isFalse();
    }

    @Test
    void refusesTheDigestOfAnotherKey() {
        byte[] digest = NtpMac.digest(key(KeyType.MD5, "secret"), MESSAGE, 0, 48);
        assertThat(NtpMac.verify(key(KeyType.MD5, "secreT"), MESSAGE, 0, 48, digest)).isFalse();
    }

    @Test
    void appendsKeyIdThenDigest() {
        SymmetricKey key = new SymmetricKey(0x1234, KeyType.MD5, "secret".getBytes(StandardCharsets.US_ASCII));
        byte[] signed = NtpMac.append(MESSAGE, 48, key);
        assertThat(HexFormat.of().formatHex(signed, 48, signed.length))
                .isEqualTo("00001234" + "a03f32571504b4138d76d44a54fe953c");
    }
}
