package org.jntp.nts;

import java.util.Optional;
import org.cryptomator.siv.SivMode;

/**
 * An AES-SIV-CMAC-256 key ({@link Aead}) made ready to seal and open many times, as a master key
 * does for every NTS request: its halves split once, and a siv-mode of its own whose AES cipher,
 * one per thread, only ever sees this key's two halves and so keeps both expanded. The ciphers
 * live as long as this object: a key dropped from use takes them with it. Thread-safe.
 */
final class AeadKey {
    private final byte[] ctrKey;
    private final byte[] macKey;
    private final SivMode siv = Aead.newSivMode();

    /** Prepares this 32-octet key; keeps copies of its halves. */
    AeadKey(byte[] key) {
        Aead.checkKey(key);
        ctrKey = Aead.ctrKey(key);
        macKey = Aead.macKey(key);
    }

    /** Seals the plaintext; the associated data and the nonce are authenticated, not encrypted. */
    byte[] encrypt(byte[] nonce, byte[] plaintext, byte[]... associatedData) {
        return Aead.encrypt(siv, ctrKey, macKey, nonce, plaintext, associatedData);
    }

    /** The plaintext, or empty when the ciphertext, nonce or associated data is not what was sealed. */
    Optional<byte[]> decrypt(byte[] nonce, byte[] ciphertext, byte[]... associatedData) {
        return Aead.decrypt(siv, ctrKey, macKey, nonce, ciphertext, associatedData);
    }
}
