package org.jntp.nts;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;

/**
 * AES-SIV (RFC 5297) with two AES-128 keys over the JDK's AES, which the JIT runs on the CPU's AES
 * instructions: S2V, the CMAC chain over the inputs (§2.4), gives the synthetic IV, and AES-CTR from
 * that IV (§2.5) encrypts. The ciphers come keyed from {@link KeyedCiphers}.
 */
final class AesSiv {
    static final int BLOCK = 16;
    private static final int RB = 0x87;

    private AesSiv() {}

    /** The synthetic IV followed by the ciphertext. */
    static byte[] seal(byte[] macKey, byte[] ctrKey, byte[] plaintext, byte[][] inputs) {
        byte[] iv = s2v(macKey, inputs, plaintext, plaintext.length);
        byte[] sealed = new byte[BLOCK + plaintext.length];
        System.arraycopy(iv, 0, sealed, 0, BLOCK);
        ctr(ctrKey, iv, plaintext, 0, sealed, BLOCK, plaintext.length);
        return sealed;
    }

    /** The plaintext, or empty when the synthetic IV does not match. */
    static Optional<byte[]> open(byte[] macKey, byte[] ctrKey, byte[] sealed, byte[][] inputs) {
        byte[] iv = Arrays.copyOf(sealed, BLOCK);
        byte[] plaintext = new byte[sealed.length - BLOCK];
        ctr(ctrKey, iv, sealed, BLOCK, plaintext, 0, plaintext.length);
        byte[] expected = s2v(macKey, inputs, plaintext, plaintext.length);
        if (!MessageDigest.isEqual(iv, expected)) {
            Arrays.fill(plaintext, (byte) 0);
            return Optional.empty();
        }
        return Optional.of(plaintext);
    }

    /** RFC 5297 §2.4's S2V over the inputs then the plaintext. */
    private static byte[] s2v(byte[] macKey, byte[][] inputs, byte[] plaintext, int length) {
        Cipher aes = KeyedCiphers.forKey(macKey);
        byte[] subkey1 = doubled(encryptBlock(aes, new byte[BLOCK]));
        byte[] subkey2 = doubled(subkey1);
        byte[] d = cmac(aes, subkey1, subkey2, new byte[BLOCK], 0, BLOCK);
        for (byte[] input : inputs) {
            d = doubled(d);
            xor(d, cmac(aes, subkey1, subkey2, input, 0, input.length), 0);
        }
        byte[] t;
        if (length >= BLOCK) {
            t = Arrays.copyOf(plaintext, length);
            for (int i = 0; i < BLOCK; i++) {
                t[length - BLOCK + i] ^= d[i];
            }
        } else {
            t = doubled(d);
            for (int i = 0; i < length; i++) {
                t[i] ^= plaintext[i];
            }
            t[length] ^= (byte) 0x80;
        }
        return cmac(aes, subkey1, subkey2, t, 0, t.length);
    }

    /** RFC 4493's CMAC with the subkeys of the key the cipher holds. */
    private static byte[] cmac(Cipher aes, byte[] subkey1, byte[] subkey2, byte[] data, int offset, int length) {
        int blocks = Math.max(1, (length + BLOCK - 1) / BLOCK);
        byte[] x = new byte[BLOCK];
        for (int b = 0; b < blocks - 1; b++) {
            xor(x, data, offset + b * BLOCK);
            encryptInPlace(aes, x);
        }
        int lastStart = (blocks - 1) * BLOCK;
        int lastLength = length - lastStart;
        for (int i = 0; i < lastLength; i++) {
            x[i] ^= data[offset + lastStart + i];
        }
        if (length > 0 && lastLength == BLOCK) {
            xor(x, subkey1, 0);
        } else {
            x[lastLength] ^= (byte) 0x80;
            xor(x, subkey2, 0);
        }
        encryptInPlace(aes, x);
        return x;
    }

    /** AES-CTR from the IV with bits 63 and 31 cleared (RFC 5297 §2.5), all keystream blocks in one call. */
    private static void ctr(byte[] ctrKey, byte[] iv, byte[] in, int inOffset, byte[] out, int outOffset,
            int length) {
        if (length == 0) {
            return;
        }
        int blocks = (length + BLOCK - 1) / BLOCK;
        byte[] counters = new byte[blocks * BLOCK];
        byte[] counter = iv.clone();
        counter[8] &= 0x7f;
        counter[12] &= 0x7f;
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(counter, 0, counters, b * BLOCK, BLOCK);
            increment(counter);
        }
        Cipher aes = KeyedCiphers.forKey(ctrKey);
        try {
            aes.doFinal(counters, 0, counters.length, counters, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB/NoPadding takes whole blocks", e);
        }
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = (byte) (in[inOffset + i] ^ counters[i]);
        }
    }

    private static void increment(byte[] counter) {
        for (int i = BLOCK - 1; i >= 0; i--) {
            if (++counter[i] != 0) {
                return;
            }
        }
    }

    private static byte[] encryptBlock(Cipher aes, byte[] block) {
        encryptInPlace(aes, block);
        return block;
    }

    private static void encryptInPlace(Cipher aes, byte[] block) {
        try {
            aes.doFinal(block, 0, BLOCK, block, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB/NoPadding takes whole blocks", e);
        }
    }

    /** RFC 5297's dbl: shift left one bit, folding the carry in with Rb. */
    private static byte[] doubled(byte[] block) {
        byte[] out = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            int next = i + 1 < BLOCK ? (block[i + 1] & 0xff) >>> 7 : 0;
            out[i] = (byte) (block[i] << 1 | next);
        }
        if ((block[0] & 0x80) != 0) {
            out[BLOCK - 1] ^= (byte) RB;
        }
        return out;
    }

    private static void xor(byte[] into, byte[] from, int fromOffset) {
        for (int i = 0; i < BLOCK; i++) {
            into[i] ^= from[fromOffset + i];
        }
    }
}
