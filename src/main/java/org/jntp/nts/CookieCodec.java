package org.jntp.nts;

import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * NTS cookies in the format RFC 8915 §6 suggests: the master key id (4 octets), a nonce (16
 * octets), and the AES-SIV-CMAC-256 sealing under that master key and nonce of the session's AEAD
 * algorithm id (2 octets), two zero octets, C2S key and S2C key, with no associated data: 104
 * octets in all.
 */
public final class CookieCodec {
    private static final int ID_OCTETS = 4;
    private static final int NONCE_OCTETS = 16;
    /**
     * The AEAD id, two zero octets and the keys: the padding makes the cookie a multiple of 4 octets
     * long, as NTP extension fields are and as chrony requires of cookies (it drops any other).
     */
    private static final int KEYS_AT = 4;
    static final int PLAINTEXT_OCTETS = KEYS_AT + 2 * Aead.KEY_OCTETS;
    /** Octets of a cookie this codec makes. */
    public static final int COOKIE_OCTETS = ID_OCTETS + NONCE_OCTETS + Aead.TAG_OCTETS + PLAINTEXT_OCTETS;

    private CookieCodec() {}

    /** What opening a cookie gives. */
    public sealed interface Opening {}

    /** The session keys the cookie carries, and which of the ring's keys opened it. */
    public record Opened(SessionKeys keys, MasterKeyRing.Age masterKey) implements Opening {}

    /** The cookie names no master key the ring holds: too old, or from another server. */
    public record UnknownKey() implements Opening {}

    /** The cookie is not one this server made: wrong length, or it fails authentication. */
    public record Invalid() implements Opening {}

    /** A cookie carrying these session keys, sealed under the ring's current key. */
    public static byte[] make(SessionKeys keys, MasterKeyRing ring, RandomGenerator random) {
        byte[] nonce = new byte[NONCE_OCTETS];
        random.nextBytes(nonce);
        byte[] cookie = new byte[COOKIE_OCTETS];
        make(keys, ring, nonce, cookie, 0);
        return cookie;
    }

    /**
     * Writes a cookie carrying these session keys, sealed under the ring's current key and this
     * fresh 16-octet nonce, at {@code out[offset]}: {@link #COOKIE_OCTETS} octets. The keys are laid
     * out where their ciphertext goes and enciphered in place, so no copy of them is left.
     */
    static void make(SessionKeys keys, MasterKeyRing ring, byte[] nonce, byte[] out, int offset) {
        MasterKey master = ring.current();
        writeId(out, offset, master.id());
        int nonceAt = offset + ID_OCTETS;
        System.arraycopy(nonce, 0, out, nonceAt, NONCE_OCTETS);
        int sealedAt = nonceAt + NONCE_OCTETS;
        int plaintextAt = sealedAt + Aead.TAG_OCTETS;
        out[plaintextAt] = (byte) (keys.aeadAlgorithm() >>> 8);
        out[plaintextAt + 1] = (byte) keys.aeadAlgorithm();
        out[plaintextAt + 2] = 0;
        out[plaintextAt + 3] = 0;
        System.arraycopy(keys.c2sKey(), 0, out, plaintextAt + KEYS_AT, Aead.KEY_OCTETS);
        System.arraycopy(keys.s2cKey(), 0, out, plaintextAt + KEYS_AT + Aead.KEY_OCTETS, Aead.KEY_OCTETS);
        AesSiv siv = master.aead().siv();
        siv.begin();
        siv.authenticate(out, nonceAt, NONCE_OCTETS);
        siv.seal(out, plaintextAt, PLAINTEXT_OCTETS, out, sealedAt);
    }

    /** The session keys of a cookie, or why there are none; any bytes give a result. */
    public static Opening open(byte[] cookie, MasterKeyRing ring) {
        if (cookie.length != COOKIE_OCTETS) {
            return new Invalid();
        }
        return open(cookie, ring, new byte[PLAINTEXT_OCTETS]);
    }

    /**
     * The session keys of the cookie in the first {@link #COOKIE_OCTETS} octets of {@code cookie},
     * or why there are none, opened in {@code work} (at least {@link #PLAINTEXT_OCTETS} octets),
     * which is zeroed afterwards.
     */
    static Opening open(byte[] cookie, MasterKeyRing ring, byte[] work) {
        Optional<MasterKey> master = ring.find(readId(cookie));
        if (master.isEmpty()) {
            return new UnknownKey();
        }
        AesSiv siv = master.get().aead().siv();
        siv.begin();
        siv.authenticate(cookie, ID_OCTETS, NONCE_OCTETS);
        if (!siv.open(cookie, ID_OCTETS + NONCE_OCTETS, Aead.TAG_OCTETS + PLAINTEXT_OCTETS, work, 0)) {
            return new Invalid();
        }
        int aeadAlgorithm = (work[0] & 0xff) << 8 | work[1] & 0xff;
        Opening opening = aeadAlgorithm != KeNegotiation.AES_SIV_CMAC_256 ? new Invalid()
                : new Opened(new SessionKeys(aeadAlgorithm, Arrays.copyOfRange(work, KEYS_AT, KEYS_AT + Aead.KEY_OCTETS),
                        Arrays.copyOfRange(work, KEYS_AT + Aead.KEY_OCTETS, PLAINTEXT_OCTETS)), ring.age(master.get()));
        Arrays.fill(work, 0, PLAINTEXT_OCTETS, (byte) 0);
        return opening;
    }

    private static void writeId(byte[] cookie, int offset, int id) {
        cookie[offset] = (byte) (id >>> 24);
        cookie[offset + 1] = (byte) (id >>> 16);
        cookie[offset + 2] = (byte) (id >>> 8);
        cookie[offset + 3] = (byte) id;
    }

    private static int readId(byte[] cookie) {
        return (cookie[0] & 0xff) << 24 | (cookie[1] & 0xff) << 16 | (cookie[2] & 0xff) << 8 | cookie[3] & 0xff;
    }
}
