package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.nts.Rfc5297Vector.*;

import org.junit.jupiter.api.Test;

/** The test vectors of RFC 5297 appendix A, and what a change to any input does. */
class AeadTest {
    private static final byte[] KEY_A1 = hex("fffefdfc fbfaf9f8 f7f6f5f4 f3f2f1f0 f0f1f2f3 f4f5f6f7 f8f9fafb fcfdfeff");
    private static final byte[] AD_A1 = hex("10111213 14151617 18191a1b 1c1d1e1f 20212223 24252627");
    private static final byte[] PLAINTEXT_A1 = hex("11223344 55667788 99aabbcc ddee");
    private static final byte[] CIPHERTEXT_A1 = hex("85632d07 c6e8f37f 950acd32 0a2ecc93 40c02b96 90c4dc04 daef7f6a fe5c");

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
