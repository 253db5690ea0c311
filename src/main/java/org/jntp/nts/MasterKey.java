package org.jntp.nts;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** A server master key that seals cookies, named by the 32-bit id each cookie starts with. */
public record MasterKey(int id, byte[] key) {
    /** Checks the key is an AES-SIV-CMAC-256 key and keeps a copy. */
    public MasterKey {
        if (key.length != Aead.KEY_OCTETS) {
            throw new IllegalArgumentException("a master key has 32 octets, not " + key.length);
        }
        key = key.clone();
    }

    /** A fresh key with a fresh id. */
    public static MasterKey generate(RandomGenerator random) {
        byte[] key = new byte[Aead.KEY_OCTETS];
        random.nextBytes(key);
        return new MasterKey(random.nextInt(), key);
    }

    @Override
    public byte[] key() {
        return key.clone();
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
