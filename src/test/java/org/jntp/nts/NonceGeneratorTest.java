package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NonceGeneratorTest {
    /** SP 800-38A F.5.5, CTR-AES256: key, initial counter block, first plaintext and ciphertext blocks. */
    private static final byte[] KEY = hex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4");
    private static final byte[] COUNTER = hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    private static final byte[] PLAINTEXT_1 = hex("6bc1bee22e409f96e93d7e117393172a");
    private static final byte[] CIPHERTEXT_1 = hex("601ec313775789a5b7a7f504bbf3d228");

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** A seed source that gives the SP 800-38A key, then its counter block. */
    private static SecureRandom vectorSeed() {
        return new SecureRandom() {
            private int draws;

            @Override
            public void nextBytes(byte[] bytes) {
                byte[] source = draws++ == 0 ? KEY : COUNTER;
                System.arraycopy(source, 0, bytes, 0, bytes.length);
            }
        };
    }

    @Test
    void drawsTheAes256CtrKeystreamOfItsSeed() {
        byte[] nonce = new byte[16];
        NonceGenerator.seededBy(vectorSeed()).nextBytes(nonce);

        byte[] keystream = new byte[16];
        for (int i = 0; i < 16; i++) {
            keystream[i] = (byte) (PLAINTEXT_1[i] ^ CIPHERTEXT_1[i]);
        }
        assertThat(nonce).isEqualTo(keystream);
    }

    @Test
    void overwritesWhateverTheArrayHeld() {
        byte[] zeros = new byte[16];
        byte[] ones = new byte[16];
        Arrays.fill(ones, (byte) 0xff);
        NonceGenerator.seededBy(vectorSeed()).nextBytes(zeros);
        NonceGenerator.seededBy(vectorSeed()).nextBytes(ones);

        assertThat(ones).isEqualTo(zeros);
    }

    @Test
    void nextLongIsTheNextEightOctetsBigEndian() {
        byte[] octets = new byte[8];
        NonceGenerator.seededBy(vectorSeed()).nextBytes(octets);

        assertThat(NonceGenerator.seededBy(vectorSeed()).nextLong()).isEqualTo(ByteBuffer.wrap(octets).getLong());
    }

    @Test
    void neverRepeatsANonce() {
        NonceGenerator generator = NonceGenerator.seededBy(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            byte[] nonce = new byte[16];
            generator.nextBytes(nonce);

            assertThat(seen.add(HexFormat.of().formatHex(nonce))).isTrue();
        }
    }

    @Test
    void generatorsSeededApartDrawApart() {
        byte[] first = new byte[16];
        byte[] second = new byte[16];
        NonceGenerator.seededBy(new SecureRandom()).nextBytes(first);
        NonceGenerator.seededBy(new SecureRandom()).nextBytes(second);

        assertThat(first).isNotEqualTo(second);
    }
}
