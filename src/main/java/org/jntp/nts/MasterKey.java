package org.jntp.nts;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A server master key that seals cookies, named by the 32-bit id each cookie starts with. It keeps
 * its AES-SIV ciphers ready ({@link AeadKey}) as every NTS request opens and seals a cookie with it;
 * equality is the id's and the key's.
 */
public final class MasterKey {
    private final int id;
    private final byte[] key;
    private final AeadKey aead;

    /** Checks the key is an AES-SIV-CMAC-256 key and keeps a copy. */
    public MasterKey(int id, byte[] key) {
        if (key.length != Aead.KEY_OCTETS) {
            throw new IllegalArgumentException("a master key has 32 octets, not " + key.length);
        }
        this.id = id;
        this.key = key.clone();
        this.aead = new AeadKey(key);
    }

    /** A fresh key with a fresh id. */
    public static MasterKey generate(RandomGenerator random) {
        byte[] key = new byte[Aead.KEY_OCTETS];
        random.nextBytes(key);
        return new MasterKey(random.nextInt(), key);
    }

    /** The id cookies sealed under this key start with. */
    public int id() {
        return id;
    }

    /** A copy of the key. */
    public byte[] key() {
        return key.clone();
    }

    /** The key ready to seal and open cookies. */
    AeadKey aead() {
        return aead;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MasterKey that && id == that.id && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "MasterKey[id " + Integer.toHexString(id) + ", key hidden]";
    }
}
