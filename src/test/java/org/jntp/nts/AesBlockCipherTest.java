package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.cryptomator.siv.org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class AesBlockCipherTest {
    /** FIPS 197 appendix C.1, AES-128. */
    private static final byte[] FIPS_KEY = hex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] FIPS_PLAINTEXT = hex("00112233445566778899aabbccddeeff");
    private static final byte[] FIPS_CIPHERTEXT = hex("69c4e0d86a7b0430d8cdb78070b4c55a");

    private final AesBlockCipher cipher = new AesBlockCipher();

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private byte[] encipher(byte[] block) {
        byte[] out = new byte[16];
        cipher.processBlock(block, 0, out, 0);
        return out;
    }

    private static byte[] reference(byte[] key, byte[] block) throws Exception {
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        return ecb.doFinal(block);
    }

    @Test
    void enciphersTheFips197Vector() {
        cipher.init(true, new KeyParameter(FIPS_KEY));

        assertThat(encipher(FIPS_PLAINTEXT)).isEqualTo(FIPS_CIPHERTEXT);
    }

    @Test
    void enciphersUnderWhicheverOfThreeKeysItWasLastGiven() throws Exception {
        Random random = new Random(5297);
        byte[][] keys = new byte[3][16];
        for (byte[] key : keys) {
            random.nextBytes(key);
        }
        for (int round = 0; round < 500; round++) {
            byte[] key = keys[random.nextInt(keys.length)];
            byte[] block = new byte[16];
            random.nextBytes(block);

            cipher.init(true, new KeyParameter(key));

            assertThat(encipher(block)).isEqualTo(reference(key, block));
        }
    }

    @Test
    void keepsItsKeyOverAReset() {
        cipher.init(true, new KeyParameter(FIPS_KEY));
        cipher.reset();

        assertThat(encipher(FIPS_PLAINTEXT)).isEqualTo(FIPS_CIPHERTEXT);
    }

    @Test
    void keepsItsOwnCopyOfTheKey() {
        byte[] key = FIPS_KEY.clone();
        KeyParameter parameter = new KeyParameter(key);
        cipher.init(true, parameter);
        parameter.getKey()[0] ^= 1;

        assertThat(encipher(FIPS_PLAINTEXT)).isEqualTo(FIPS_CIPHERTEXT);
    }

    @Test
    void refusesToDecipher() {
        assertThatThrownBy(() -> cipher.init(false, new KeyParameter(FIPS_KEY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesKeyOfALengthAesDoesNotTake() {
        assertThatThrownBy(() -> cipher.init(true, new KeyParameter(new byte[20])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToEncipherBeforeItHasAKey() {
        assertThatThrownBy(() -> encipher(FIPS_PLAINTEXT)).isInstanceOf(IllegalStateException.class);
    }
}
