package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A prepared key seals and opens exactly as {@link Aead} does, warm or cold, on any thread. */
class AeadKeyTest {
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
