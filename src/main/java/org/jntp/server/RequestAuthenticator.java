package org.jntp.server;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Supplier;
import org.jntp.auth.KeyRing;
import org.jntp.auth.NtpMac;
import org.jntp.auth.SymmetricKey;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.PacketShape;

/**
 * Symmetric-key authentication of time requests (RFC 5905 §7.3), as ntpd's receive() judges a
 * request's MAC and fast_xmit() signs the reply: a request signed with a trusted key whose MAC
 * verifies is answered with a MAC of the same key; one signed with a key we do not have or do not
 * trust gets a crypto-NAK (key identifier 0, no digest), so that its client knows to look at its
 * keys; one whose MAC is wrong is dropped, as a forgery is.
 *
 * <p>One per server thread: it keeps the key of the last authentic request, and a scratch copy of
 * the datagram for the digest, which wants an array where the datagram may be off-heap. A request
 * without a MAC costs one comparison and allocates nothing.
 */
final class RequestAuthenticator {
    /** What a request's MAC says. */
    enum Verdict {
        /** No MAC. */
        NONE,
        /** A trusted key's MAC that verifies: sign the reply with {@link #sign}. */
        AUTHENTIC,
        /** A MAC of a key we do not have or do not trust: answer with {@link #appendCryptoNak}. */
        UNKNOWN_KEY,
        /** A trusted key's MAC that does not verify, or of the wrong length: drop the request. */
        BAD_MAC,
        /** A crypto-NAK, which only a server sends: ntpd refuses it as a request. */
        CRYPTO_NAK
    }

    private static final int MAC_OFFSET = NtpHeader.LENGTH;

    private final Supplier<KeyRing> keys;
    private final byte[] scratch = new byte[MAC_OFFSET + NtpMac.KEY_ID_LENGTH + 64];
    private SymmetricKey key;

    /** @param keys the keys in force, read once per signed request (the keys file may be reloaded) */
    RequestAuthenticator(Supplier<KeyRing> keys) {
        this.keys = keys;
    }

    /**
     * Judges the MAC of a request of this shape (from index 0 to its limit). Requests with
     * extension fields are left to whoever handles those, and judged as having no MAC here.
     */
    Verdict authenticate(ByteBuffer request, PacketShape shape) {
        return switch (shape) {
            case VALID_WITH_MAC -> verify(request);
            case VALID_WITH_CRYPTO_NAK -> Verdict.CRYPTO_NAK;
            case VALID, VALID_WITH_EXTENSIONS, CONTROL_OR_PRIVATE, TOO_SHORT, UNSUPPORTED_VERSION,
                 LENGTH_NOT_MULTIPLE_OF_4, BAD_EXTENSION_LENGTH, TRUNCATED_EXTENSION, BAD_MAC_LENGTH -> Verdict.NONE;
        };
    }

    private Verdict verify(ByteBuffer request) {
        int length = request.limit();
        int digestLength = length - MAC_OFFSET - NtpMac.KEY_ID_LENGTH;
        if (length > scratch.length) {
            return Verdict.BAD_MAC;
        }
        int keyId = request.getInt(MAC_OFFSET);
        KeyRing ring = keys.get();
        Optional<SymmetricKey> found = ring.key(keyId);
        if (found.isEmpty() || !ring.isTrusted(keyId)) {
            return Verdict.UNKNOWN_KEY;
        }
        if (found.get().type().digestLength() != digestLength) {
            return Verdict.BAD_MAC;
        }
        request.get(0, scratch, 0, length);
        byte[] expected = NtpMac.digest(found.get(), scratch, 0, MAC_OFFSET);
        if (!equalInConstantTime(expected, scratch, MAC_OFFSET + NtpMac.KEY_ID_LENGTH)) {
            return Verdict.BAD_MAC;
        }
        key = found.get();
        return Verdict.AUTHENTIC;
    }

    /**
     * Whether {@code expected} is at {@code offset} of {@code actual}, looking at every octet
     * whatever differs, so that a forger learns nothing from how fast a guess is refused.
     */
    private static boolean equalInConstantTime(byte[] expected, byte[] actual, int offset) {
        int difference = 0;
        for (int i = 0; i < expected.length; i++) {
            difference |= expected[i] ^ actual[offset + i];
        }
        return difference == 0;
    }

    /**
     * Appends to a finished 48-octet reply the MAC of the key the last {@link Verdict#AUTHENTIC}
     * request was signed with: as long as that request, never longer.
     */
    void sign(ByteBuffer reply) {
        reply.get(0, scratch, 0, NtpHeader.LENGTH);
        byte[] digest = NtpMac.digest(key, scratch, 0, NtpHeader.LENGTH);
        reply.limit(NtpHeader.LENGTH + NtpMac.KEY_ID_LENGTH + digest.length);
        reply.putInt(NtpHeader.LENGTH, key.keyId());
        reply.put(NtpHeader.LENGTH + NtpMac.KEY_ID_LENGTH, digest);
    }

    /** Appends a crypto-NAK, key identifier 0 and no digest, to a finished 48-octet reply. */
    static void appendCryptoNak(ByteBuffer reply) {
        reply.limit(NtpHeader.LENGTH + NtpMac.KEY_ID_LENGTH);
        reply.putInt(NtpHeader.LENGTH, 0);
    }
}
