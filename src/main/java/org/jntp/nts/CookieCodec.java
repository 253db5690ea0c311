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
    private static final int PLAINTEXT_OCTETS = KEYS_AT + 2 * Aead.KEY_OCTETS;
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
        MasterKey master = ring.current();
        byte[] nonce = new byte[NONCE_OCTETS];
        random.nextBytes(nonce);
        byte[] plaintext = new byte[PLAINTEXT_OCTETS];
        plaintext[0] = (byte) (keys.aeadAlgorithm() >>> 8);
        plaintext[1] = (byte) keys.aeadAlgorithm();
        System.arraycopy(keys.c2sKey(), 0, plaintext, KEYS_AT, Aead.KEY_OCTETS);
        System.arraycopy(keys.s2cKey(), 0, plaintext, KEYS_AT + Aead.KEY_OCTETS, Aead.KEY_OCTETS);
        byte[] sealed = master.aead().encrypt(nonce, plaintext);
        byte[] cookie = new byte[COOKIE_OCTETS];
        writeId(cookie, master.id());
        System.arraycopy(nonce, 0, cookie, ID_OCTETS, NONCE_OCTETS);
        System.arraycopy(sealed, 0, cookie, ID_OCTETS + NONCE_OCTETS, sealed.length);
        Arrays.fill(plaintext, (byte) 0);
        return cookie;
    }

    /** The session keys of a cookie, or why there are none; any bytes give a result. */
    public static Opening open(byte[] cookie, MasterKeyRing ring) {
        if (cookie.length != COOKIE_OCTETS) {
            return new Invalid();
        }
        Optional<MasterKey> master = ring.find(readId(cookie));
        if (master.isEmpty()) {
            return new UnknownKey();
        }
        byte[] nonce = Arrays.copyOfRange(cookie, ID_OCTETS, ID_OCTETS + NONCE_OCTETS);
        byte[] sealed = Arrays.copyOfRange(cookie, ID_OCTETS + NONCE_OCTETS, COOKIE_OCTETS);
        Optional<byte[]> plaintext = master.get().aead().decrypt(nonce, sealed);
        if (plaintext.isEmpty()) {
            return new Invalid();
        }
        byte[] opened = plaintext.get();
        int aeadAlgorithm = (opened[0] & 0xff) << 8 | opened[1] & 0xff;
        if (aeadAlgorithm != KeNegotiation.AES_SIV_CMAC_256) {
            return new Invalid();
        }
        return new Opened(new SessionKeys(aeadAlgorithm, Arrays.copyOfRange(opened, KEYS_AT, KEYS_AT + Aead.KEY_OCTETS),
                Arrays.copyOfRange(opened, KEYS_AT + Aead.KEY_OCTETS, PLAINTEXT_OCTETS)), ring.age(master.get()));
    }

    private static void writeId(byte[] cookie, int id) {
        cookie[0] = (byte) (id >>> 24);
        cookie[1] = (byte) (id >>> 16);
        cookie[2] = (byte) (id >>> 8);
        cookie[3] = (byte) id;
    }

    private static int readId(byte[] cookie) {
        return (cookie[0] & 0xff) << 24 | (cookie[1] & 0xff) << 16 | (cookie[2] & 0xff) << 8 | cookie[3] & 0xff;
    }
}
