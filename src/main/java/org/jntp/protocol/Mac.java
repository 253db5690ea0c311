package org.jntp.protocol;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The message authentication code after the header and extension fields (RFC 5905 §7.3,
 * Figure 8): a 32-bit key identifier and a digest (16 octets for MD5 and AES-CMAC, 20 for SHA-1).
 * With no digest it is a crypto-NAK: the server could not authenticate the request.
 *
 * @param keyId key identifier, unsigned 32 bits
 * @param digest the digest, a multiple of 4 octets; empty for a crypto-NAK
 */
public record Mac(int keyId, byte[] digest) {
    /** Length of the key identifier. */
    public static final int KEY_ID_LENGTH = 4;

    /** Checks the digest length and copies it. */
    public Mac {
        if (digest.length % 4 != 0) {
            throw new IllegalArgumentException("digest length " + digest.length + " is not a multiple of 4");
        }
        digest = digest.clone();
    }

    /** The crypto-NAK as servers send it: key identifier 0, no digest. */
    public static Mac cryptoNak() {
        return new Mac(0, new byte[0]);
    }

    /** True for a crypto-NAK (no digest). */
    public boolean isCryptoNak() {
        return digest.length == 0;
    }

    /** The digest (a copy). */
    @Override
    public byte[] digest() {
        return digest.clone();
    }

    /** Octets on the wire: key identifier and digest. */
    public int length() {
        return KEY_ID_LENGTH + digest.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Mac mac && keyId == mac.keyId && Arrays.equals(digest, mac.digest);
    }

    @Override
    public int hashCode() {
        return 31 * keyId + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "Mac[keyId=" + Integer.toUnsignedString(keyId) + ", digest=" + HexFormat.of().formatHex(digest) + "]";
    }
}
