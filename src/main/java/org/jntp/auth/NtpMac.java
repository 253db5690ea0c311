package org.jntp.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The message authentication code of NTP and its control messages, as ntpd 4.2.8 computes it
 * ({@code make_mac}): the digest of the key's octets followed by the message for MD5, SHA1 and
 * SHA256; AES-128-CMAC of the message under the key, zero-padded or cut to 16 octets, for
 * AES128CMAC; every result cut to 20 octets. On the wire the MAC is the key identifier (4 octets)
 * and that digest.
 */
public final class NtpMac {
    /** Octets of the key identifier that starts a MAC. */
    public static final int KEY_ID_LENGTH = 4;

    private NtpMac() {}

    /** The digest of {@code length} octets of {@code message} from {@code offset}, as sent. */
    public static byte[] digest(SymmetricKey key, byte[] message, int offset, int length) {
        byte[] full = switch (key.type()) {
            case MD5 -> hash("MD5", key, message, offset, length);
            case SHA1 -> hash("SHA-1", key, message, offset, length);
            case SHA256 -> hash("SHA-256", key, message, offset, length);
            case AES128CMAC -> AesCmac.mac(Arrays.copyOf(key.secretUncopied(), AesCmac.BLOCK), message, offset,
                    length);
        };
        return full.length > KeyType.MAX_DIGEST_LENGTH ? Arrays.copyOf(full, KeyType.MAX_DIGEST_LENGTH) : full;
    }

    /**
     * Whether {@code digest} is the digest of the message under the key. The comparison takes the
     * same time wherever the digests differ ({@link MessageDigest#isEqual}), so that a forger
     * learns nothing from how fast a wrong guess is refused.
     */
    public static boolean verify(SymmetricKey key, byte[] message, int offset, int length, byte[] digest) {
        return MessageDigest.isEqual(digest(key, message, offset, length), digest);
    }

    /**
     * The message with the MAC of its first {@code length} octets appended: key identifier, then
     * digest. The caller pads the message first where the protocol asks (8 octets for mode 6).
     */
    public static byte[] append(byte[] message, int length, SymmetricKey key) {
        byte[] digest = digest(key, message, 0, length);
        ByteBuffer signed = ByteBuffer.allocate(length + KEY_ID_LENGTH + digest.length);
        signed.put(message, 0, length).putInt(key.keyId()).put(digest);
        return signed.array();
    }

    private static byte[] hash(String algorithm, SymmetricKey key, byte[] message, int offset, int length) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
        md.update(key.secretUncopied());
        md.update(message, offset, length);
        return md.digest();
    }
}
