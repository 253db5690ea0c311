package org.jntp.nts;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * One thread's AES ciphers, each keyed with one of the keys it used last. Keying a JDK cipher costs
 * about as much as all the blocks of an NTS packet; the master key that opens and seals every cookie
 * then stays keyed, while session keys, used twice each per request, pass through. Least recently
 * used first out.
 */
final class KeyedCiphers {
    private static final int SLOTS = 8;
    private static final ThreadLocal<KeyedCiphers> THREAD = ThreadLocal.withInitial(KeyedCiphers::new);

    /** Most recently used first. */
    private final byte[][] keys = new byte[SLOTS][];
    private final Cipher[] ciphers = new Cipher[SLOTS];

    private KeyedCiphers() {}

    /** The calling thread's AES-ECB encryption cipher keyed with {@code key}. */
    static Cipher forKey(byte[] key) {
        return THREAD.get().cipher(key);
    }

    private Cipher cipher(byte[] key) {
        int slot = 0;
        while (slot < SLOTS - 1 && keys[slot] != null && !Arrays.equals(keys[slot], key)) {
            slot++;
        }
        Cipher cipher = ciphers[slot];
        if (keys[slot] == null || !Arrays.equals(keys[slot], key)) {
            cipher = cipher == null ? newCipher() : cipher;
            init(cipher, key);
            keys[slot] = key.clone();
        }
        byte[] slotKey = keys[slot];
        System.arraycopy(keys, 0, keys, 1, slot);
        System.arraycopy(ciphers, 0, ciphers, 1, slot);
        keys[0] = slotKey;
        ciphers[0] = cipher;
        return cipher;
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/ECB/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has AES", e);
        }
    }

    private static void init(Cipher cipher, byte[] key) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an AES-128 key", e);
        }
    }
}
