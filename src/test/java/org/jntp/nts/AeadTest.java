package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The test vectors of RFC 5297 appendix A, and what a change to any input does. */
class AeadTest {
    private static final byte[] KEY_A1 = hex("fffefdfc fbfaf9f8 f7f6f5f4 f3f2f1f0 f0f1f2f3 f4f5f6f7 f8f9fafb fcfdfeff");
    private static final byte[] AD_A1 = hex("10111213 14151617 18191a1b 1c1d1e1f 20212223 24252627");
    private static final byte[] PLAINTEXT_A1 = hex("11223344 55667788 99aabbcc ddee");
    private static final byte[] CIPHERTEXT_A1 = hex("85632d07 c6e8f37f 950acd32 0a2ecc93 40c02b96 90c4dc04 daef7f6a fe5c");

    private static final byte[] KEY_A2 = hex("7f7e7d7c 7b7a7978 77767574 73727170 40414243 44454647 48494a4b 4c4d4e4f");
    private static final byte[] AD1_A2 = hex("00112233 44556677 8899aabb ccddeeff deaddada deaddada ffeeddcc bbaa9988"
            + " 77665544 33221100");
    private static final byte[] AD2_A2 = hex("10203040 50607080 90a0");
    private static final byte[] NONCE_A2 = hex("09f91102 9d74e35b d84156c5 635688c0");
    private static final byte[] PLAINTEXT_A2 = hex("74686973 20697320 736f6d65 20706c61 696e7465 78742074 6f20656e"
            + " 63727970 74207573 696e6720 5349562d 414553");
    private static final byte[] CIPHERTEXT_A2 = hex("7bdb6e3b 432667eb 06f4d14b ff2fbd0f cb900f2f ddbe4043 26601965"
            + " c889bf17 dba77ceb 094fa663 b7a3f748 ba8af829 ea64ad54 4a272e9c 485b62a3 fd5c0d");

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void encryptsDeterministicVectorWithItsHeaderAsTheOnlyInput() {
        assertThat(Aead.encrypt(KEY_A1, AD_A1, PLAINTEXT_A1)).isEqualTo(CIPHERTEXT_A1);
    }

    @Test
    void decryptsDeterministicVector() {
        assertThat(Aead.decrypt(KEY_A1, AD_A1, CIPHERTEXT_A1)).hasValue(PLAINTEXT_A1);
    }

    @Test
    void encryptsNonceVectorWithNonceAfterAssociatedData() {
        assertThat(Aead.encrypt(KEY_A2, NONCE_A2, PLAINTEXT_A2, AD1_A2, AD2_A2)).isEqualTo(CIPHERTEXT_A2);
    }

    @Test
    void decryptsNonceVector() {
        assertThat(Aead.decrypt(KEY_A2, NONCE_A2, CIPHERTEXT_A2, AD1_A2, AD2_A2)).hasValue(PLAINTEXT_A2);
    }

    @Test
    void refusesChangedCiphertext() {
        byte[] changed = CIPHERTEXT_A2.clone();
        changed[changed.length - 1] ^= 1;

        assertThat(Aead.decrypt(KEY_A2, NONCE_A2, changed, AD1_A2, AD2_A2)).isEmpty();
    }

    @Test
    void refusesChangedAssociatedData() {
        assertThat(Aead.decrypt(KEY_A2, NONCE_A2, CIPHERTEXT_A2, AD2_A2, AD1_A2)).isEmpty();
    }

    @Test
    void refusesOtherNonce() {
        byte[] nonce = NONCE_A2.clone();
        nonce[0] ^= 1;

        assertThat(Aead.decrypt(KEY_A2, nonce, CIPHERTEXT_A2, AD1_A2, AD2_A2)).isEmpty();
    }

    @Test
    void refusesCiphertextShorterThanTheTag() {
        assertThat(Aead.decrypt(KEY_A2, NONCE_A2, new byte[15])).isEmpty();
    }

    @Test
    void sealsEmptyPlaintextIntoTagAlone() {
        byte[] sealed = Aead.encrypt(KEY_A2, NONCE_A2, new byte[0]);

        assertThat(sealed).hasSize(Aead.TAG_OCTETS);
        assertThat(Aead.decrypt(KEY_A2, NONCE_A2, sealed)).hasValue(new byte[0]);
    }
}
