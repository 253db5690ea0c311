package org.jntp.nts;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Random octets for what an NTS server sends in the clear: the Authenticator's nonce and the nonce
 * of each fresh cookie (RFC 8915 §5.6, §6). They are the AES-256-CTR keystream under a key and a
 * starting counter drawn once from a {@link SecureRandom}: SP 800-90A's CTR_DRBG without its
 * per-request re-keying, one JDK cipher update a draw where the JDK's DRBG takes a hash
 * derivation or a key expansion.
 *
 * <p>Why that is enough for these nonces: to anyone without the key the keystream cannot be told
 * from random octets, so a cookie's nonce links it to no other cookie; the counter never repeats,
 * so the keystream blocks of one generator all differ, and two generators (threads, restarts) have
 * independent keys. What the CTR_DRBG's re-keying adds, backtracking resistance,
 * protects past outputs after a compromise of the state: these outputs were sent in the clear, and
 * whoever reads this state reads the master keys beside it. Not for keys; not thread-safe: one per
 * server thread.
 */
public final class NonceGenerator implements RandomGenerator {
    private static final int KEY_OCTETS = 32;
    private static final int BLOCK_OCTETS = 16;

    private final Cipher keystream;
    private final byte[] block = new byte[Long.BYTES];

    private NonceGenerator(Cipher keystream) {
        this.keystream = keystream;
    }

    /** A generator keyed from {@code seed}. */
    public static NonceGenerator seededBy(SecureRandom seed) {
        byte[] key = new byte[KEY_OCTETS];
        byte[] counter = new byte[BLOCK_OCTETS];
        seed.nextBytes(key);
        seed.nextBytes(counter);
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
            return new NonceGenerator(cipher);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has AES/CTR/NoPadding with 256-bit keys", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Fills {@code bytes} with keystream: enciphering zeros in place gives the keystream itself. */
    @Override
    public void nextBytes(byte[] bytes) {
        Arrays.fill(bytes, (byte) 0);
        try {
            keystream.update(bytes, 0, bytes.length, bytes, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("CTR output is as long as its input", e);
        }
    }

    @Override
    public long nextLong() {
        nextBytes(block);
        long value = 0;
        for (byte b : block) {
            value = value << 8 | (b & 0xff);
        }
        return value;
    }
}
