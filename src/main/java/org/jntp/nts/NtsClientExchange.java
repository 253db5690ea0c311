package org.jntp.nts;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jntp.protocol.ExtensionField;
import org.jntp.protocol.HeaderView;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.NtpHeader;

/**
 * The client's side of NTS inside NTP (RFC 8915 §5.7): appends the NTS fields to a request whose
 * time header the caller has written, and checks the NTS fields of the reply. Whether the reply's
 * header answers the request (its origin timestamp) is the caller's check, as for any reply.
 */
public final class NtsClientExchange {
    /** Octets of the Unique Identifier jntp sends: RFC 8915's minimum, all random. */
    public static final int UNIQUE_IDENTIFIER_OCTETS = NtsFields.MIN_UNIQUE_IDENTIFIER_OCTETS;

    private static final int NTSN_BITS = KissCode.NTSN.referenceId().bits();

    private NtsClientExchange() {}

    /** What a reply's NTS fields show. */
    public sealed interface ReplyCheck {}

    /**
     * The reply is authentic.
     *
     * @param newCookies the cookies it carried encrypted, in order, each as its field's body
     */
    public record Authentic(List<byte[]> newCookies) implements ReplyCheck {}

    /**
     * An NTSN kiss-o'-death echoing our Unique Identifier: the server no longer opens our cookies, so
     * the client goes back to NTS-KE. It is not authenticated and cannot be: act on it only for the
     * request it answers.
     */
    public record NtsNak() implements ReplyCheck {}

    /** Not authentic: the reply must not be used. */
    public record Unauthentic(Reason reason) implements ReplyCheck {}

    /** Why a reply is not authentic. */
    public enum Reason {
        /** An extension field or the Authenticator does not add up. */
        MALFORMED,
        /** Not exactly one Unique Identifier, or not ours. */
        UNIQUE_IDENTIFIER_MISMATCH,
        /** No Authenticator, and not an NTS NAK. */
        NO_AUTHENTICATOR,
        /** The Authenticator does not verify under the S2C key. */
        AUTHENTICATION_FAILED
    }

    /** The octets a request with this cookie and this many placeholders takes. */
    public static int requestLength(int cookieOctets, int placeholders) {
        return NtpHeader.LENGTH + NtsFields.fieldLength(UNIQUE_IDENTIFIER_OCTETS)
                + (1 + placeholders) * NtsFields.fieldLength(cookieOctets) + NtsFields.authenticatorLength(Aead.TAG_OCTETS);
    }

    /**
     * Appends to the time header in {@code packet} (index 0 to 48) a fresh random Unique
     * Identifier, the cookie, {@code placeholders} Cookie Placeholders as long as the cookie (for
     * that many more cookies in the reply), and an Authenticator over all of it under the C2S key,
     * with an empty plaintext. Leaves the packet at position 0, limit its length.
     *
     * @return the Unique Identifier, to check the reply with
     * @throws IllegalArgumentException when the buffer has less room than {@link #requestLength}
     */
    public static byte[] writeRequest(ByteBuffer packet, byte[] cookie, int placeholders, SessionKeys keys,
            RandomGenerator random) {
        if (packet.capacity() < requestLength(cookie.length, placeholders)) {
            throw new IllegalArgumentException("no room for an NTS request of " + placeholders + " placeholders");
        }
        packet.limit(packet.capacity());
        byte[] uniqueId = new byte[UNIQUE_IDENTIFIER_OCTETS];
        random.nextBytes(uniqueId);
        int index = NtsFields.put(packet, NtpHeader.LENGTH, NtsFieldType.UNIQUE_IDENTIFIER, uniqueId);
        index = NtsFields.put(packet, index, NtsFieldType.COOKIE, cookie);
        for (int i = 0; i < placeholders; i++) {
            index = NtsFields.putPlaceholder(packet, index, cookie.length);
        }
        byte[] associatedData = new byte[index];
        packet.get(0, associatedData);
        byte[] nonce = new byte[NtsFields.NONCE_OCTETS];
        random.nextBytes(nonce);
        byte[] ciphertext = Aead.encrypt(keys.c2sKey(), nonce, new byte[0], associatedData);
        int end = NtsFields.putAuthenticator(packet, index, nonce, ciphertext);
        packet.position(0).limit(end);
        return uniqueId;
    }

    /**
     * Checks the NTS fields of a reply (index 0 to its limit) to the request sent with
     * {@code uniqueId}; any octets give a result.
     */
    public static ReplyCheck checkReply(ByteBuffer reply, byte[] uniqueId, SessionKeys keys) {
        if (reply.limit() < NtpHeader.LENGTH) {
            return new Unauthentic(Reason.MALFORMED);
        }
        return switch (NtsFieldScan.scan(reply, reply.limit())) {
            case NtsFieldScan.Malformed _ -> new Unauthentic(Reason.MALFORMED);
            case NtsFieldScan.Fields fields when !echoes(reply, fields, uniqueId) ->
                    new Unauthentic(Reason.UNIQUE_IDENTIFIER_MISMATCH);
            case NtsFieldScan.Fields fields when fields.authenticatorIndex() < 0 ->
                    isNak(reply) ? new NtsNak() : new Unauthentic(Reason.NO_AUTHENTICATOR);
            case NtsFieldScan.Fields fields -> authenticate(reply, fields, keys);
        };
    }

    private static boolean echoes(ByteBuffer reply, NtsFieldScan.Fields fields, byte[] uniqueId) {
        if (fields.uniqueIds() != 1 || fields.uniqueIdOctets() != NtsFields.padded(uniqueId.length)) {
            return false;
        }
        return reply.slice(fields.uniqueIdIndex(), uniqueId.length).equals(ByteBuffer.wrap(uniqueId));
    }

    private static boolean isNak(ByteBuffer reply) {
        return HeaderView.stratum(reply) == NtpHeader.STRATUM_KISS && HeaderView.referenceIdBits(reply) == NTSN_BITS;
    }

    private static ReplyCheck authenticate(ByteBuffer reply, NtsFieldScan.Fields fields, SessionKeys keys) {
        if (!(NtsFields.readAuthenticator(reply, fields.authenticatorIndex(), fields.authenticatorLength())
                instanceof NtsFields.Authenticator authenticator)) {
            return new Unauthentic(Reason.MALFORMED);
        }
        byte[] associatedData = new byte[fields.authenticatorIndex()];
        reply.get(0, associatedData);
        Optional<byte[]> plaintext = Aead.decrypt(keys.s2cKey(), authenticator.nonce(), authenticator.ciphertext(),
                associatedData);
        if (plaintext.isEmpty()) {
            return new Unauthentic(Reason.AUTHENTICATION_FAILED);
        }
        return cookiesIn(ByteBuffer.wrap(plaintext.get()));
    }

    /**
     * The cookies among the encrypted fields. These were sealed by the server, so a field that does
     * not add up is the server's error; the reply is refused rather than half read.
     */
    private static ReplyCheck cookiesIn(ByteBuffer fields) {
        List<byte[]> cookies = new ArrayList<>();
        int index = 0;
        while (index < fields.limit()) {
            if (fields.limit() - index < ExtensionField.HEADER_LENGTH) {
                return new Unauthentic(Reason.MALFORMED);
            }
            int length = NtsFields.length(fields, index);
            if (length < ExtensionField.HEADER_LENGTH || length % 4 != 0 || length > fields.limit() - index) {
                return new Unauthentic(Reason.MALFORMED);
            }
            if (NtsFields.type(fields, index) == NtsFieldType.COOKIE.code()) {
                byte[] cookie = new byte[length - ExtensionField.HEADER_LENGTH];
                fields.get(index + ExtensionField.HEADER_LENGTH, cookie);
                cookies.add(cookie);
            }
            index += length;
        }
        return new Authentic(List.copyOf(cookies));
    }
}
