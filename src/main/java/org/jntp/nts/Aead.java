package org.jntp.nts;

import java.util.Optional;

/**
 * AEAD_AES_SIV_CMAC_256 (RFC 5297 §6, algorithm 15 of RFC 8915): a 32-octet key whose first half
 * keys the S2V CMAC and second half the CTR cipher; the nonce is the last S2V input, after the
 * associated data; the ciphertext is the 16-octet synthetic IV followed by the encrypted text.
 * These methods take a key used once or a few times (session keys); a key that seals and opens
 * many times (a master key) is faster as an {@link AeadKey}, which expands it once.
 */
public final class Aead {
    /** Octets of an AES-SIV-CMAC-256 key. */
    public static final int KEY_OCTETS = 32;
    /** Octets the ciphertext adds to the plaintext: the synthetic IV. */
    public static final int TAG_OCTETS = 16;

    /** One per thread, re-keyed for each operation. */
    private static final ThreadLocal<AesSiv> SIV = ThreadLocal.withInitial(AesSiv::new);

    private Aead() {}

    /** Seals the plaintext; the associated data and the nonce are authenticated, not encrypted. */
    public static byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[]... associatedData) {
        return keyed(key).encrypt(nonce, plaintext, associatedData);
    }

    /** The plaintext, or empty when the ciphertext, nonce or associated data is not what was sealed. */
    public static Optional<byte[]> decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[]... associatedData) {
        return keyed(key).decrypt(nonce, ciphertext, associatedData);
    }

    /** This thread's AES-SIV under {@code key}, for operations on parts of arrays and buffers. */
    static AesSiv keyed(byte[] key) {
        AesSiv siv = SIV.get();
        siv.rekey(key);
        return siv;
    }

    static void checkKey(byte[] key) {
        if (key.length != KEY_OCTETS) {
            throw new IllegalArgumentException("an AES-SIV-CMAC-256 key has 32 octets, not " + key.length);
        }
    }
}
