package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.cryptomator.siv.SivMode;
import org.junit.jupiter.api.Test;

/** jntp's AES-SIV against the siv-mode library's, beyond RFC 5297's two vectors ({@link AeadTest}). */
class AesSivTest {
    private static final SivMode REFERENCE = new SivMode();

    private static byte[] octets(Random random, int length) {
        byte[] octets = new byte[length];
        random.nextBytes(octets);
        return octets;
    }

    @Test
    void sealsAsTheReferenceImplementationForAnyLengthsAndKeys() {
        Random random = new Random(5297);
        byte[][] keys = new byte[12][];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = octets(random, Aead.KEY_OCTETS);
        }
        for (int round = 0; round < 2000; round++) {
            // a dozen keys in turn, more than a thread keeps keyed ciphers for
            byte[] key = keys[random.nextInt(keys.length)];
            byte[] nonce = octets(random, random.nextInt(33));
            byte[] plaintext = octets(random, random.nextInt(120));
            byte[] associatedData = octets(random, random.nextInt(300));
            byte[] macKey = java.util.Arrays.copyOfRange(key, 0, 16);
            byte[] ctrKey = java.util.Arrays.copyOfRange(key, 16, 32);

            byte[] sealed = Aead.encrypt(key, nonce, plaintext, associatedData);

            assertThat(sealed).isEqualTo(REFERENCE.encrypt(ctrKey, macKey, plaintext, associatedData, nonce));
            assertThat(Aead.decrypt(key, nonce, sealed, associatedData)).contains(plaintext);
        }
    }
}
