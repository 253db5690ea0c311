package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.nts.Rfc5297Vector.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A prepared key seals and opens exactly as {@link Aead} does, warm or cold, on any thread. */
class AeadKeyTest {

    private static byte[] bytes(Random random, int octets) {
        byte[] bytes = new byte[octets];
        random.nextBytes(bytes);
        return bytes;
    }

    @Test
    void sealsTheRfc5297NonceVectorEveryTime() {
        AeadKey key = new AeadKey(KEY_A2);
        for (int round = 0; round < 3; round++) {
            assertThat(key.encrypt(NONCE_A2, PLAINTEXT_A2, AD1_A2, AD2_A2)).isEqualTo(CIPHERTEXT_A2);
        }
    }

    @Test
    void opensTheRfc5297NonceVectorEveryTime() {
        AeadKey key = new AeadKey(KEY_A2);
        for (int round = 0; round < 3; round++) {
            assertThat(key.decrypt(NONCE_A2, CIPHERTEXT_A2, AD1_A2, AD2_A2)).hasValue(PLAINTEXT_A2);
        }
    }

    @Test
    void refusesChangedCiphertext() {
        byte[] changed = CIPHERTEXT_A2.clone();
        changed[20] ^= 1;

        assertThat(new AeadKey(KEY_A2).decrypt(NONCE_A2, changed, AD1_A2, AD2_A2)).isEmpty();
    }

    @Test
    void keepsItsOwnCopyOfTheKey() {
        byte[] octets = KEY_A2.clone();
        AeadKey key = new AeadKey(octets);
        octets[0] ^= 1;

        assertThat(key.encrypt(NONCE_A2, PLAINTEXT_A2, AD1_A2, AD2_A2)).isEqualTo(CIPHERTEXT_A2);
    }

    @Test
    void sealsAsAeadDoesWhileOtherKeysAreUsedInBetween() {
        Random random = new Random(8915);
        byte[][] octets = {bytes(random, 32), bytes(random, 32)};
        AeadKey[] keys = {new AeadKey(octets[0]), new AeadKey(octets[1])};
        for (int round = 0; round < 300; round++) {
            int which = random.nextInt(2);
            byte[] nonce = bytes(random, 16);
            byte[] plaintext = bytes(random, random.nextInt(120));
            byte[] associatedData = bytes(random, random.nextInt(200));
            byte[] sessionKey = bytes(random, 32);
            byte[] sealed = keys[which].encrypt(nonce, plaintext, associatedData);

            assertThat(Aead.decrypt(sessionKey, nonce, Aead.encrypt(sessionKey, nonce, plaintext))).hasValue(plaintext);
            assertThat(sealed).isEqualTo(Aead.encrypt(octets[which], nonce, plaintext, associatedData));
            assertThat(keys[which].decrypt(nonce, sealed, associatedData)).hasValue(plaintext);
        }
    }

    @Test
    void threadsSealingWithOneKeyAtOnceEachGetWhatOneThreadAloneGets() throws InterruptedException {
        Random random = new Random(4460);
        AeadKey key = new AeadKey(bytes(random, 32));
        int threads = 4;
        int rounds = 2_000;
        byte[][] nonces = new byte[rounds][];
        byte[][] plaintexts = new byte[rounds][];
        byte[][] expected = new byte[rounds][];
        for (int i = 0; i < rounds; i++) {
            nonces[i] = bytes(random, 16);
            plaintexts[i] = bytes(random, 68);
            expected[i] = key.encrypt(nonces[i], plaintexts[i]);
        }
        AtomicInteger wrong = new AtomicInteger();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 97;
            started.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < rounds; i++) {
                    int at = (i + offset) % rounds;
                    byte[] sealed = key.encrypt(nonces[at], plaintexts[at]);
                    boolean opened = key.decrypt(nonces[at], sealed).map(p -> Arrays.equals(p, plaintexts[at]))
                            .orElse(false);
                    if (!Arrays.equals(sealed, expected[at]) || !opened) {
                        wrong.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : started) {
            thread.join();
        }

        assertThat(wrong).hasValue(0);
    }
}
