package org.jntp.nts;

import java.util.Optional;

/**
 * An AES-SIV-CMAC-256 key ({@link Aead}) made ready to seal and open many times, as a master key
 * does for every NTS request: each thread that uses it gets its own {@link AesSiv} keyed once, so
 * the key's AES schedules and CMAC subkeys are worked out once per thread, not per operation. They
 * live as long as this object: a key dropped from use takes them with it. Thread-safe.
 */
final class AeadKey {
    private final ThreadLocal<AesSiv> siv;

    /** Prepares this 32-octet key; keeps a copy. */
    AeadKey(byte[] key) {
        Aead.checkKey(key);
        byte[] copy = key.clone();
        siv = ThreadLocal.withInitial(() -> {
            AesSiv keyed = new AesSiv();
            keyed.rekey(copy);
            return keyed;
        });
    }

    /** This thread's AES-SIV under this key, for operations on parts of arrays and buffers. */
    AesSiv siv() {
        return siv.get();
    }

    /** Seals the plaintext; the associated data and the nonce are authenticated, not encrypted. */
    byte[] encrypt(byte[] nonce, byte[] plaintext, byte[]... associatedData) {
        return siv.get().encrypt(nonce, plaintext, associatedData);
    }

    /** The plaintext, or empty when the ciphertext, nonce or associated data is not what was sealed. */
    Optional<byte[]> decrypt(byte[] nonce, byte[] ciphertext, byte[]... associatedData) {
        return siv.get().decrypt(nonce, ciphertext, associatedData);
    }
}
