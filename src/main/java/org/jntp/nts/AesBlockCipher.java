package org.jntp.nts;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.cryptomator.siv.org.bouncycastle.crypto.BlockCipher;
import org.cryptomator.siv.org.bouncycastle.crypto.CipherParameters;
import org.cryptomator.siv.org.bouncycastle.crypto.DataLengthException;
import org.cryptomator.siv.org.bouncycastle.crypto.params.KeyParameter;

/**
 * The AES block function for siv-mode's S2V (CMAC) and CTR, over the JDK's AES/ECB/NoPadding, that
 * keeps the last two keys it was given, each in a cipher of its own. AES-SIV alternates between its
 * MAC key and its CTR key, and siv-mode's own adapter re-initialises its cipher (a key expansion,
 * most of an operation's time) at every {@link #reset}, several times an operation: this one
 * expands a key when it first enciphers a block under it, and only if it is neither of the last
 * two, so that a key that seals many times (a master key, {@link AeadKey}) is expanded once, and
 * the CTR key of an empty plaintext (an NTS request's Authenticator) never. A reset costs nothing,
 * as ECB over whole blocks keeps no state from one block to the next. Keys are compared in
 * constant time. Encryption only: CMAC and CTR use no other direction. Not thread-safe; siv-mode
 * keeps one per thread.
 */
final class AesBlockCipher implements BlockCipher {
    private static final int BLOCK_OCTETS = 16;

    private final Cipher[] ciphers = {newCipher(), newCipher()};
    private final byte[][] keys = new byte[2][];
    private final boolean[] expanded = new boolean[2];
    private int active;

    @Override
    public void init(boolean forEncryption, CipherParameters params) {
        if (!forEncryption || !(params instanceof KeyParameter keyParameter)) {
            throw new IllegalArgumentException("AES-SIV encrypts blocks under a KeyParameter, and nothing else");
        }
        byte[] key = keyParameter.getKey();
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("not an AES key: " + key.length + " octets");
        }
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != null && equalInConstantTime(keys[slot], key)) {
                active = slot;
                return;
            }
        }
        int older = 1 - active;
        if (keys[older] == null || keys[older].length != key.length) {
            keys[older] = new byte[key.length];
        }
        System.arraycopy(key, 0, keys[older], 0, key.length);
        expanded[older] = false;
        active = older;
    }

    @Override
    public String getAlgorithmName() {
        return "AES";
    }

    @Override
    public int getBlockSize() {
        return BLOCK_OCTETS;
    }

    @Override
    public int processBlock(byte[] in, int inOff, byte[] out, int outOff) {
        if (keys[active] == null) {
            throw new IllegalStateException("AES block cipher not initialised");
        }
        if (in.length - inOff < BLOCK_OCTETS || out.length - outOff < BLOCK_OCTETS) {
            throw new DataLengthException("a block is " + BLOCK_OCTETS + " octets");
        }
        try {
            if (!expanded[active]) {
                ciphers[active].init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys[active], "AES"));
                expanded[active] = true;
            }
            return ciphers[active].update(in, inOff, BLOCK_OCTETS, out, outOff);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("an AES key of a length AES takes was refused", e);
        } catch (ShortBufferException e) {
            throw new DataLengthException("a block is " + BLOCK_OCTETS + " octets");
        }
    }

    /** Nothing to do: each block is enciphered on its own. */
    @Override
    public void reset() {
        // ECB keeps nothing between whole blocks
    }

    /** Whether two keys are equal, in a time that depends on their lengths only, which are no secret. */
    private static boolean equalInConstantTime(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < a.length; i++) {
            difference |= a[i] ^ b[i];
        }
        return difference == 0;
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/ECB/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has AES/ECB/NoPadding", e);
        }
    }
}
