package org.jntp.nts;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-SIV-CMAC-256 (RFC 5297) under one key at a time: S2V over CMAC, then CTR, each run by the
 * JDK's AES in whole runs of blocks rather than a call per block. CMAC is a CBC-MAC, so one CBC
 * cipher, initialised once per key, chains through every S2V string: the block it last put out is
 * XORed into the first block of the next string, which is then enciphered as under a zero IV. The
 * CTR keystream is the counter blocks enciphered in one ECB call. That takes an NTS answer's four
 * AES-SIV operations from about 3 µs each (siv-mode, which calls the cipher once per block, stays
 * the tests' reference) to a fraction of that. Not thread-safe: callers keep one per thread.
 */
final class AesSiv {
    private static final int BLOCK = 16;
    private static final byte[] ZERO_BLOCK = new byte[BLOCK];
    /** CBC from a zero IV, as CMAC runs: one spec for every re-key, since the spec keeps its own copy. */
    private static final IvParameterSpec ZERO_IV = new IvParameterSpec(ZERO_BLOCK);
    /** RFC 4493's R_128: what a doubling that shifts a one out of the top bit XORs into the last octet. */
    private static final int R_128 = 0x87;
    /** Blocks read and written as two big-endian 64-bit halves: what dbl and the counter do arithmetic on. */
    private static final VarHandle HALF = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** The same in the machine's order, for XOR and comparison, which are the same in any order. */
    private static final VarHandle LANE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final Cipher mac = cipher("AES/CBC/NoPadding");
    private final Cipher ctr = cipher("AES/ECB/NoPadding");
    private final byte[] macKey = new byte[Aead.KEY_OCTETS / 2];
    private final byte[] ctrKey = new byte[Aead.KEY_OCTETS / 2];
    /** CMAC's subkeys K1 and K2 (RFC 4493 §2.3). */
    private final byte[] k1 = new byte[BLOCK];
    private final byte[] k2 = new byte[BLOCK];
    /** CMAC of the zero block, S2V's first value: the same for every operation under a key. */
    private final byte[] cmacOfZero = new byte[BLOCK];
    /** The CBC cipher's last output block, which the next string's first block is XORed with. */
    private final byte[] chain = new byte[BLOCK];
    private final byte[] s2v = new byte[BLOCK];
    /** The synthetic IV of what is being opened. */
    private final byte[] iv = new byte[BLOCK];
    private final byte[] block = new byte[BLOCK];
    /** The blocks a cipher call takes, and what it puts out: apart, since the JDK copies an input that overlaps its output. */
    private byte[] scratch = new byte[8 * BLOCK];
    private byte[] output = new byte[8 * BLOCK];
    private boolean keyed;
    private boolean ctrKeyed;

    /** Takes this 32-octet key for the operations that follow; the CTR half is expanded on first use. */
    void rekey(byte[] key) {
        Aead.checkKey(key);
        if (keyed && equalInConstantTime(key, 0, macKey) & equalInConstantTime(key, BLOCK, ctrKey)) {
            return;
        }
        System.arraycopy(key, 0, macKey, 0, BLOCK);
        System.arraycopy(key, BLOCK, ctrKey, 0, BLOCK);
        init(mac, macKey, ZERO_IV);
        Arrays.fill(chain, (byte) 0);
        keyed = true;
        ctrKeyed = false;
        System.arraycopy(ZERO_BLOCK, 0, scratch, 0, BLOCK);
        encipherChained(BLOCK, block);
        dbl(block, k1);
        dbl(k1, k2);
        cmac(ZERO_BLOCK, BLOCK, cmacOfZero);
    }

    /** The synthetic IV followed by the plaintext enciphered; the strings and the nonce are authenticated. */
    byte[] encrypt(byte[] nonce, byte[] plaintext, byte[][] associatedData) {
        begin(associatedData, nonce);
        byte[] sealed = new byte[BLOCK + plaintext.length];
        seal(plaintext, 0, plaintext.length, sealed, 0);
        return sealed;
    }

    /** The plaintext, or empty when the ciphertext, nonce or associated data is not what was sealed. */
    Optional<byte[]> decrypt(byte[] nonce, byte[] ciphertext, byte[][] associatedData) {
        requireKey();
        if (ciphertext.length < BLOCK) {
            return Optional.empty();
        }
        begin(associatedData, nonce);
        byte[] plaintext = new byte[ciphertext.length - BLOCK];
        return open(ciphertext, 0, ciphertext.length, plaintext, 0) ? Optional.of(plaintext) : Optional.empty();
    }

    private void begin(byte[][] associatedData, byte[] nonce) {
        begin();
        for (byte[] string : associatedData) {
            authenticate(string, 0, string.length);
        }
        authenticate(nonce, 0, nonce.length);
    }

    /**
     * Starts RFC 5297 §2.4's S2V for a {@link #seal} or an {@link #open}: the strings given to
     * {@code authenticate} next, in order, are the associated data and then the nonce.
     */
    void begin() {
        requireKey();
        System.arraycopy(cmacOfZero, 0, s2v, 0, BLOCK);
    }

    /** The next S2V string: {@code length} octets of {@code string} from {@code offset}. */
    void authenticate(byte[] string, int offset, int length) {
        System.arraycopy(string, offset, scratch(blocksOf(length)), 0, length);
        addCmacOfScratch(length);
    }

    /** The next S2V string: {@code length} octets of {@code string} from {@code index}. */
    void authenticate(ByteBuffer string, int index, int length) {
        string.get(index, scratch(blocksOf(length)), 0, length);
        addCmacOfScratch(length);
    }

    /**
     * Ends the S2V with {@code length} octets of plaintext from {@code offset} and writes the
     * synthetic IV and the ciphertext, {@code 16 + length} octets, at {@code out[outOffset]}. The
     * plaintext may be the very octets the ciphertext goes to: it is enciphered in place.
     */
    void seal(byte[] plaintext, int offset, int length, byte[] out, int outOffset) {
        finishS2v(plaintext, offset, length);
        ctr(s2v, plaintext, offset, length, out, outOffset + BLOCK);
        System.arraycopy(s2v, 0, out, outOffset, BLOCK);
    }

    /**
     * Ends the S2V for {@code length} octets at {@code sealed[offset]}, a synthetic IV and a
     * ciphertext, and writes the plaintext, {@code length - 16} octets, at {@code out[outOffset]}.
     * Whether it is authentic; if not, the plaintext written is zeroed.
     */
    boolean open(byte[] sealed, int offset, int length, byte[] out, int outOffset) {
        if (length < BLOCK) {
            return false;
        }
        System.arraycopy(sealed, offset, iv, 0, BLOCK);
        ctr(iv, sealed, offset + BLOCK, length - BLOCK, out, outOffset);
        finishS2v(out, outOffset, length - BLOCK);
        if (!equalInConstantTime(iv, 0, s2v)) {
            Arrays.fill(out, outOffset, outOffset + length - BLOCK, (byte) 0);
            return false;
        }
        return true;
    }

    /** RFC 5297 §2.4's last step: the plaintext, XORed into the end of D or padded and XORed with dbl(D). */
    private void finishS2v(byte[] plaintext, int offset, int length) {
        if (length >= BLOCK) {
            byte[] t = scratch(blocksOf(length));
            System.arraycopy(plaintext, offset, t, 0, length);
            xorInto(t, length - BLOCK, s2v);
            cmac(t, length, s2v);
        } else {
            dbl(s2v, block);
            byte[] t = scratch(BLOCK);
            Arrays.fill(t, 0, BLOCK, (byte) 0);
            System.arraycopy(plaintext, offset, t, 0, length);
            t[length] = (byte) 0x80;
            xorInto(t, 0, block);
            cmac(t, BLOCK, s2v);
        }
    }

    /** D = dbl(D) xor CMAC(string), the string being the first {@code length} octets of the scratch buffer. */
    private void addCmacOfScratch(int length) {
        dbl(s2v, s2v);
        cmac(scratch, length, block);
        xorInto(s2v, 0, block);
    }

    /** Octets in the whole blocks that hold {@code length} octets, and at least one block. */
    private static int blocksOf(int length) {
        return Math.max(1, (length + BLOCK - 1) / BLOCK) * BLOCK;
    }

    /**
     * RFC 4493's CMAC of {@code length} octets of {@code message} into {@code tag}. The message is
     * copied into the scratch buffer whole, its last block completed with the subkey, the chain
     * undone in its first block, and the lot enciphered in one CBC call.
     */
    private void cmac(byte[] message, int length, byte[] tag) {
        int octets = blocksOf(length);
        byte[] buffer = message == scratch ? message : scratch(octets);
        if (buffer != message) {
            System.arraycopy(message, 0, buffer, 0, length);
        }
        int last = octets - BLOCK;
        if (length == octets) {
            xorInto(buffer, last, k1);
        } else {
            Arrays.fill(buffer, length, octets, (byte) 0);
            buffer[length] = (byte) 0x80;
            xorInto(buffer, last, k2);
        }
        encipherChained(octets, tag);
    }

    /**
     * CBC under the MAC key, as from a zero IV, of the first {@code octets} of the scratch buffer:
     * the chain is undone in its first block; the last block out goes to {@code last} and is the next chain.
     */
    private void encipherChained(int octets, byte[] last) {
        xorInto(scratch, 0, chain);
        update(mac, octets);
        System.arraycopy(output, octets - BLOCK, chain, 0, BLOCK);
        System.arraycopy(output, octets - BLOCK, last, 0, BLOCK);
    }

    /** RFC 5297 §2.5's CTR under the synthetic IV {@code v}, with its two bits cleared as §2.5 says. */
    private void ctr(byte[] v, byte[] in, int inOffset, int length, byte[] out, int outOffset) {
        if (length == 0) {
            return;
        }
        if (!ctrKeyed) {
            init(ctr, ctrKey, null);
            ctrKeyed = true;
        }
        int octets = blocksOf(length);
        byte[] keystream = scratch(octets);
        long high = (long) HALF.get(v, 0);
        long low = (long) HALF.get(v, 8) & 0x7fff_ffff_7fff_ffffL;
        for (int at = 0; at < octets; at += BLOCK) {
            HALF.set(keystream, at, high);
            HALF.set(keystream, at + 8, low);
            if (++low == 0) {
                high++;
            }
        }
        update(ctr, octets);
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            LANE.set(out, outOffset + i, (long) LANE.get(in, inOffset + i) ^ (long) LANE.get(output, i));
        }
        for (; i < length; i++) {
            out[outOffset + i] = (byte) (in[inOffset + i] ^ output[i]);
        }
    }

    /** RFC 5297's dbl: a shift left by one bit of the 128-bit string, with R_128 folded back in. */
    private static void dbl(byte[] in, byte[] out) {
        long high = (long) HALF.get(in, 0);
        long low = (long) HALF.get(in, 8);
        HALF.set(out, 0, high << 1 | low >>> 63);
        HALF.set(out, 8, low << 1 ^ (high >> 63 & R_128));
    }

    private static void xorInto(byte[] target, int offset, byte[] block) {
        LANE.set(target, offset, (long) LANE.get(target, offset) ^ (long) LANE.get(block, 0));
        LANE.set(target, offset + 8, (long) LANE.get(target, offset + 8) ^ (long) LANE.get(block, 8));
    }

    /** Whether the block at {@code offset} equals {@code block}, in a time that tells nothing of where they differ. */
    private static boolean equalInConstantTime(byte[] bytes, int offset, byte[] block) {
        long difference = (long) LANE.get(bytes, offset) ^ (long) LANE.get(block, 0);
        difference |= (long) LANE.get(bytes, offset + 8) ^ (long) LANE.get(block, 8);
        return difference == 0;
    }

    private byte[] scratch(int octets) {
        if (scratch.length < octets) {
            scratch = new byte[Math.max(octets, 2 * scratch.length)];
            output = new byte[scratch.length];
        }
        return scratch;
    }

    private void requireKey() {
        if (!keyed) {
            throw new IllegalStateException("AES-SIV used before a key was given");
        }
    }

    /** Enciphers the first {@code octets} of the scratch buffer into the output; whole blocks, so all come out. */
    private void update(Cipher cipher, int octets) {
        try {
            if (cipher.update(scratch, 0, octets, output, 0) != octets) {
                throw new IllegalStateException("AES held back blocks of a whole-block input");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES refused a whole-block input in a buffer that fits it", e);
        }
    }

    private static void init(Cipher cipher, byte[] key, IvParameterSpec iv) {
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), iv);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES refused a 16-octet key", e);
        }
    }

    private static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has " + transformation, e);
        }
    }
}
