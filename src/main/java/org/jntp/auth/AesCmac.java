package org.jntp.auth;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128-CMAC (RFC 4493) over the JDK's AES block cipher, which offers no CMAC of its own.
 */
final class AesCmac {
    static final int BLOCK = 16;
    private static final int RB = 0x87;

    private AesCmac() {}

    /**
     * The 16-octet CMAC of {@code length} octets of {@code data} from {@code offset}.
     *
     * @param key 16 octets
     */
    static byte[] mac(byte[] key, byte[] data, int offset, int length) {
        Cipher aes = cipher(key);
        byte[] subkey1 = doubled(encrypt(aes, new byte[BLOCK]));
        byte[] subkey2 = doubled(subkey1);
        int blocks = Math.max(1, (length + BLOCK - 1) / BLOCK);
        boolean complete = length > 0 && length % BLOCK == 0;
        byte[] x = new byte[BLOCK];
        for (int b = 0; b < blocks - 1; b++) {
            xor(x, data, offset + b * BLOCK, BLOCK);
            x = encrypt(aes, x);
        }
        int lastStart = (blocks - 1) * BLOCK;
        byte[] last = new byte[BLOCK];
        int lastLength = length - lastStart;
        System.arraycopy(data, offset + lastStart, last, 0, lastLength);
        if (complete) {
            xor(last, subkey1, 0, BLOCK);
        } else {
            last[lastLength] = (byte) 0x80;
            xor(last, subkey2, 0, BLOCK);
        }
        xor(x, last, 0, BLOCK);
        return encrypt(aes, x);
    }

    private static Cipher cipher(byte[] key) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return aes;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has AES", e);
        }
    }

    private static byte[] encrypt(Cipher aes, byte[] block) {
        try {
            return aes.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB/NoPadding takes whole blocks", e);
        }
    }

    /** The subkey step of RFC 4493 §2.3: shift left one bit, and fold the carry in with Rb. */
    private static byte[] doubled(byte[] block) {
        byte[] out = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            int next = i + 1 < BLOCK ? (block[i + 1] & 0xFF) >>> 7 : 0;
            out[i] = (byte) ((block[i] << 1) | next);
        }
        if ((block[0] & 0x80) != 0) {
            out[BLOCK - 1] ^= (byte) RB;
        }
        return out;
    }

    private static void xor(byte[] into, byte[] from, int fromOffset, int length) {
        for (int i = 0; i < length; i++) {
            into[i] ^= from[fromOffset + i];
        }
    }
}
