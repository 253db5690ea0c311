package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jntp.nts.Rfc5297Vector.*;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.cryptomator.siv.SivMode;
import org.junit.jupiter.api.Test;

/**
 * Our AES-SIV against siv-mode's, the reference: every length of plaintext and associated data
 * around the block boundaries, keys changed and kept, and the RFC 5297 vectors.
 */
class AesSivTest {
    private static final SivMode REFERENCE = new SivMode();

    private final AesSiv siv = new AesSiv();

    private static byte[] bytes(Random random, int octets) {
        byte[] bytes = new byte[octets];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] reference(byte[] key, byte[] nonce, byte[] plaintext, byte[]... associatedData) {
        byte[][] inputs = Arrays.copyOf(associatedData, associatedData.length + 1);
        inputs[associatedData.length] = nonce;
        return REFERENCE.encrypt(Arrays.copyOfRange(key, 16, 32), Arrays.copyOfRange(key, 0, 16), plaintext, inputs);
    }

    @Test
    void sealsTheRfc5297NonceVector() {
        siv.rekey(KEY_A2);

        assertThat(siv.encrypt(NONCE_A2, PLAINTEXT_A2, new byte[][] {AD1_A2, AD2_A2})).isEqualTo(CIPHERTEXT_A2);
    }

    @Test
    void sealsAsTheReferenceDoesForEveryLengthAroundTheBlockBoundaries() {
        Random random = new Random(5297);
        byte[] key = bytes(random, 32);
        siv.rekey(key);
        for (int plaintextOctets = 0; plaintextOctets <= 50; plaintextOctets++) {
            for (int adOctets = 0; adOctets <= 50; adOctets++) {
                byte[] nonce = bytes(random, 16);
                byte[] plaintext = bytes(random, plaintextOctets);
                byte[] associatedData = bytes(random, adOctets);

                byte[] sealed = siv.encrypt(nonce, plaintext, new byte[][] {associatedData});

                assertThat(sealed).isEqualTo(reference(key, nonce, plaintext, associatedData));
                assertThat(siv.decrypt(nonce, sealed, new byte[][] {associatedData})).hasValue(plaintext);
            }
        }
    }

    @Test
    void sealsPlaintextsLongEnoughForTheCounterToCarryAsTheReferenceDoes() {
        Random random = new Random(8915);
        byte[] key = bytes(random, 32);
        byte[] nonce = bytes(random, 16);
        byte[] plaintext = bytes(random, 257 * 16 + 3);
        siv.rekey(key);
        for (int round = 0; round < 200; round++) {
            byte[] sealed = siv.encrypt(nonce, plaintext, new byte[0][]);

            assertThat(sealed).isEqualTo(reference(key, nonce, plaintext));
            nonce[0]++;
        }
    }

    @Test
    void sealsUnderWhicheverKeyItWasLastGiven() {
        Random random = new Random(4493);
        byte[][] keys = {bytes(random, 32), bytes(random, 32), bytes(random, 32)};
        for (int round = 0; round < 300; round++) {
            byte[] key = keys[random.nextInt(keys.length)];
            byte[] nonce = bytes(random, 16);
            byte[] plaintext = bytes(random, random.nextInt(140));
            byte[] first = bytes(random, random.nextInt(100));
            byte[] second = bytes(random, random.nextInt(100));
            siv.rekey(key);

            byte[] sealed = siv.encrypt(nonce, plaintext, new byte[][] {first, second});

            assertThat(sealed).isEqualTo(reference(key, nonce, plaintext, first, second));
        }
    }

    @Test
    void opensOnlyWhatWasSealedUnderItsKey() {
        Random random = new Random(7822);
        byte[] key = bytes(random, 32);
        byte[] other = bytes(random, 32);
        byte[] nonce = bytes(random, 16);
        byte[] sealed = reference(key, nonce, bytes(random, 40));
        siv.rekey(other);

        assertThat(siv.decrypt(nonce, sealed, new byte[0][])).isEmpty();
    }

    @Test
    void refusesEveryChangedOctetOfTheCiphertext() {
        siv.rekey(KEY_A2);
        for (int i = 0; i < CIPHERTEXT_A2.length; i++) {
            byte[] changed = CIPHERTEXT_A2.clone();
            changed[i] ^= 0x40;

            assertThat(siv.decrypt(NONCE_A2, changed, new byte[][] {AD1_A2, AD2_A2})).as("octet %d", i).isEmpty();
        }
    }

    @Test
    void sealsInPlaceAsTheReferenceDoes() {
        Random random = new Random(8915);
        byte[] key = bytes(random, 32);
        byte[] nonce = bytes(random, 16);
        byte[] plaintext = bytes(random, 68);
        byte[] buffer = new byte[4 + 16 + plaintext.length];
        System.arraycopy(plaintext, 0, buffer, 20, plaintext.length);
        siv.rekey(key);

        siv.begin();
        siv.authenticate(nonce, 0, nonce.length);
        siv.seal(buffer, 20, plaintext.length, buffer, 4);

        assertThat(Arrays.copyOfRange(buffer, 4, buffer.length)).isEqualTo(reference(key, nonce, plaintext));
    }

    @Test
    void authenticatesAStringInABufferAsTheSameOctetsInAnArray() {
        Random random = new Random(5297);
        byte[] key = bytes(random, 32);
        byte[] nonce = bytes(random, 16);
        byte[] plaintext = bytes(random, 33);
        byte[] packet = bytes(random, 230);
        siv.rekey(key);
        byte[] sealed = new byte[16 + plaintext.length];

        siv.begin();
        siv.authenticate(ByteBuffer.wrap(packet), 10, 200);
        siv.authenticate(nonce, 0, nonce.length);
        siv.seal(plaintext, 0, plaintext.length, sealed, 0);

        assertThat(sealed).isEqualTo(reference(key, nonce, plaintext, Arrays.copyOfRange(packet, 10, 210)));
    }

    @Test
    void opensIntoPartOfAnArrayAndZeroesWhatItOpenedWhenItIsNotAuthentic() {
        Random random = new Random(7822);
        byte[] key = bytes(random, 32);
        byte[] nonce = bytes(random, 16);
        byte[] plaintext = bytes(random, 40);
        byte[] sealed = reference(key, nonce, plaintext);
        siv.rekey(key);
        byte[] out = new byte[8 + plaintext.length];

        siv.begin();
        siv.authenticate(nonce, 0, nonce.length);
        assertThat(siv.open(sealed, 0, sealed.length, out, 8)).isTrue();
        assertThat(Arrays.copyOfRange(out, 8, out.length)).isEqualTo(plaintext);

        sealed[sealed.length - 1] ^= 1;
        siv.begin();
        siv.authenticate(nonce, 0, nonce.length);
        assertThat(siv.open(sealed, 0, sealed.length, out, 8)).isFalse();
        assertThat(out).containsOnly(0);
    }

    @Test
    void refusesToWorkBeforeItHasAKey() {
        assertThatThrownBy(() -> siv.encrypt(NONCE_A2, PLAINTEXT_A2, new byte[0][]))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAKeyOfAnotherLength() {
        assertThatThrownBy(() -> siv.rekey(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
