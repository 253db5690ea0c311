package org.jntp.nts;

import java.util.Arrays;
import java.util.Optional;

/**
 * AEAD_AES_SIV_CMAC_256 (RFC 5297 §6, algorithm 15 of RFC 8915): a 32-octet key whose first half
 * keys the S2V CMAC and second half the CTR cipher; the nonce is the last S2V input, after the
 * associated data; the ciphertext is the 16-octet synthetic IV followed by the encrypted text.
 */
public final class Aead {
    /** Octets of an AES-SIV-CMAC-256 key. */
    public static final int KEY_OCTETS = 32;
    /** Octets the ciphertext adds to the plaintext: the synthetic IV. */
    public static final int TAG_OCTETS = 16;

    private Aead() {}

    /** Seals the plaintext; the associated data and the nonce are authenticated, not encrypted. */
    public static byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[]... associatedData) {
        checkKey(key);
        return AesSiv.seal(macKey(key), ctrKey(key), plaintext, inputs(nonce, associatedData));
    }

    /** The plaintext, or empty when the ciphertext, nonce or associated data is not what was sealed. */
    public static Optional<byte[]> decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[]... associatedData) {
        checkKey(key);
        if (ciphertext.length < TAG_OCTETS) {
            return Optional.empty();
        }
        return AesSiv.open(macKey(key), ctrKey(key), ciphertext, inputs(nonce, associatedData));
    }

    private static byte[][] inputs(byte[] nonce, byte[][] associatedData) {
        byte[][] inputs = Arrays.copyOf(associatedData, associatedData.length + 1);
        inputs[associatedData.length] = nonce;
        return inputs;
    }

    private static byte[] macKey(byte[] key) {
        return Arrays.copyOfRange(key, 0, KEY_OCTETS / 2);
    }

    private static byte[] ctrKey(byte[] key) {
        return Arrays.copyOfRange(key, KEY_OCTETS / 2, KEY_OCTETS);
    }

    private static void checkKey(byte[] key) {
        if (key.length != KEY_OCTETS) {
            throw new IllegalArgumentException("an AES-SIV-CMAC-256 key has 32 octets, not " + key.length);
        }
    }
}
