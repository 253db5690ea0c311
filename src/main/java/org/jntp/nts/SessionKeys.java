package org.jntp.nts;

import java.util.Arrays;

/**
 * The keys of one NTS association (RFC 8915 §5.1): the AEAD algorithm, the client-to-server key
 * and the server-to-client key, each as long as the algorithm's key.
 */
public record SessionKeys(int aeadAlgorithm, byte[] c2s, byte[] s2c) {
    /** Checks the keys are AES-SIV-CMAC-256 keys and keeps copies. */
    public SessionKeys {
        if (aeadAlgorithm != KeNegotiation.AES_SIV_CMAC_256) {
            throw new IllegalArgumentException("AEAD algorithm " + aeadAlgorithm + " is not implemented");
        }
        if (c2s.length != Aead.KEY_OCTETS || s2c.length != Aead.KEY_OCTETS) {
            throw new IllegalArgumentException("AES-SIV-CMAC-256 session keys have 32 octets");
        }
        c2s = c2s.clone();
        s2c = s2c.clone();
    }

    @Override
    public byte[] c2s() {
        return c2s.clone();
    }

    @Override
    public byte[] s2c() {
        return s2c.clone();
    }

    /** The client-to-server key itself, not a copy, for this package's AEAD calls and cookies, which only read it. */
    byte[] c2sKey() {
        return c2s;
    }

    /** The server-to-client key itself, not a copy, for this package's AEAD calls and cookies, which only read it. */
    byte[] s2cKey() {
        return s2c;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionKeys that && aeadAlgorithm == that.aeadAlgorithm
                && Arrays.equals(c2s, that.c2s) && Arrays.equals(s2c, that.s2c);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * aeadAlgorithm + Arrays.hashCode(c2s)) + Arrays.hashCode(s2c);
    }

    @Override
    public String toString() {
        return "SessionKeys[aead " + aeadAlgorithm + ", keys hidden]";
    }
}
