package org.jntp.nts;

import java.util.Arrays;
import java.util.Optional;
import javax.crypto.IllegalBlockSizeException;
import org.cryptomator.siv.SivMode;
import org.cryptomator.siv.UnauthenticCiphertextException;

/**
 * AEAD_AES_SIV_CMAC_256 (RFC 5297 §6, algorithm 15 of RFC 8915): a 32-octet key whose first half
 * keys the S2V CMAC and second half the CTR cipher; the nonce is the last S2V input, after the
 * associated data; the ciphertext is the 16-octet synthetic IV followed by the encrypted text.
 * These methods take a key used once or a few times (session keys); a key that seals and opens
 * many times (a master key) is faster as an {@link AeadKey}.
 */
public final class Aead {
    /** Octets of an AES-SIV-CMAC-256 key. */
    public static final int KEY_OCTETS = 32;
    /** Octets the ciphertext adds to the plaintext: the synthetic IV. */
    public static final int TAG_OCTETS = 16;

    /** siv-mode over block ciphers that expand each key once per operation, not at every CMAC reset. */
    private static final SivMode SIV = newSivMode();

    private Aead() {}

    /** Seals the plaintext; the associated data and the nonce are authenticated, not encrypted. */
    public static byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[]... associatedData) {
        checkKey(key);
        return encrypt(SIV, ctrKey(key), macKey(key), nonce, plaintext, associatedData);
    }

    /** The plaintext, or empty when the ciphertext, nonce or associated data is not what was sealed. */
    public static Optional<byte[]> decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[]... associatedData) {
        checkKey(key);
        return decrypt(SIV, ctrKey(key), macKey(key), nonce, ciphertext, associatedData);
    }

    /** A siv-mode whose AES cipher, one per thread, keeps its last two keys expanded. */
    static SivMode newSivMode() {
        return new SivMode(AesBlockCipher::new);
    }

    static byte[] encrypt(SivMode siv, byte[] ctrKey, byte[] macKey, byte[] nonce, byte[] plaintext,
            byte[][] associatedData) {
        return siv.encrypt(ctrKey, macKey, plaintext, inputs(nonce, associatedData));
    }

    static Optional<byte[]> decrypt(SivMode siv, byte[] ctrKey, byte[] macKey, byte[] nonce, byte[] ciphertext,
            byte[][] associatedData) {
        if (ciphertext.length < TAG_OCTETS) {
            return Optional.empty();
        }
        try {
            return Optional.of(siv.decrypt(ctrKey, macKey, ciphertext, inputs(nonce, associatedData)));
        } catch (UnauthenticCiphertextException | IllegalBlockSizeException e) {
            return Optional.empty();
        }
    }

    static byte[] macKey(byte[] key) {
        return Arrays.copyOfRange(key, 0, KEY_OCTETS / 2);
    }

    static byte[] ctrKey(byte[] key) {
        return Arrays.copyOfRange(key, KEY_OCTETS / 2, KEY_OCTETS);
    }

    static void checkKey(byte[] key) {
        if (key.length != KEY_OCTETS) {
            throw new IllegalArgumentException("an AES-SIV-CMAC-256 key has 32 octets, not " + key.length);
        }
    }

    private static byte[][] inputs(byte[] nonce, byte[][] associatedData) {
        byte[][] inputs = Arrays.copyOf(associatedData, associatedData.length + 1);
        inputs[associatedData.length] = nonce;
        return inputs;
    }
}
