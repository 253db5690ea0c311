package org.jntp.nts;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jntp.protocol.NtpHeader;

/**
 * The server's side of NTS inside NTP (RFC 8915 §5.7): checks a client request's NTS fields and
 * writes the NTS fields of the reply after a time header the caller has written. The request must
 * be one {@link org.jntp.protocol.NtpPacket#check} found well formed with extension fields.
 */
public final class NtsServerExchange {
    /** Octets of a Cookie field holding one of our cookies: {@link CookieCodec#COOKIE_OCTETS}, padded. */
    private static final int COOKIE_FIELD_OCTETS = NtsFields.fieldLength(CookieCodec.COOKIE_OCTETS);

    private NtsServerExchange() {}

    /** What a request's NTS fields call for. */
    public sealed interface Verdict {}

    /** No NTS field: answer as a plain request (RFC 7822: unknown fields are ignored). */
    public record NotNts() implements Verdict {}

    /**
     * NTS fields not as RFC 8915 §5.7 has a client send them: not exactly one Unique Identifier of
     * 32 octets or more and one Cookie before one Authenticator, placeholders of another length than
     * the cookie, or a malformed Authenticator. Dropped.
     */
    public record Malformed() implements Verdict {}

    /**
     * The cookie does not open: answer with an NTS NAK.
     *
     * @param keyNotHeld whether the cookie names a master key the ring does not hold (rotated out,
     *                   or another server's), rather than not being one of ours at all
     */
    public record Nak(int uniqueIdIndex, int uniqueIdOctets, boolean keyNotHeld) implements Verdict {}

    /** The cookie opened, with {@code masterKey}, but the Authenticator does not verify under its C2S key: dropped. */
    public record Unauthentic(MasterKeyRing.Age masterKey) implements Verdict {}

    /**
     * An authentic request.
     *
     * @param keys           the session keys its cookie carried
     * @param masterKey      which master key opened the cookie
     * @param uniqueIdIndex  where the Unique Identifier's body is in the request
     * @param uniqueIdOctets its length
     * @param cookiesWanted  one, plus one per Cookie Placeholder
     */
    public record Verified(SessionKeys keys, MasterKeyRing.Age masterKey, int uniqueIdIndex, int uniqueIdOctets,
            int cookiesWanted) implements Verdict {}

    /** Checks the NTS fields of the request (index 0 to its limit) against the master keys. */
    public static Verdict verify(ByteBuffer request, MasterKeyRing ring) {
        return switch (NtsFieldScan.scan(request, request.limit())) {
            case NtsFieldScan.Malformed _ -> new Malformed();
            case NtsFieldScan.Fields fields when fields.none() -> new NotNts();
            case NtsFieldScan.Fields fields when !wellFormed(fields) -> new Malformed();
            case NtsFieldScan.Fields fields -> verify(request, fields, ring);
        };
    }

    private static boolean wellFormed(NtsFieldScan.Fields fields) {
        return fields.uniqueIds() == 1 && fields.uniqueIdOctets() >= NtsFields.MIN_UNIQUE_IDENTIFIER_OCTETS
                && fields.cookies() == 1 && fields.placeholdersFitCookie() && fields.authenticatorIndex() >= 0;
    }

    private static Verdict verify(ByteBuffer request, NtsFieldScan.Fields fields, MasterKeyRing ring) {
        if (!(NtsFields.readAuthenticator(request, fields.authenticatorIndex(), fields.authenticatorLength())
                instanceof NtsFields.Authenticator authenticator)) {
            return new Malformed();
        }
        Optional<byte[]> cookie = ourCookie(request, fields.cookieIndex(), fields.cookieOctets());
        CookieCodec.Opening opening = cookie.isPresent() ? CookieCodec.open(cookie.get(), ring)
                : new CookieCodec.Invalid();
        return switch (opening) {
            case CookieCodec.UnknownKey _ -> new Nak(fields.uniqueIdIndex(), fields.uniqueIdOctets(), true);
            case CookieCodec.Invalid _ -> new Nak(fields.uniqueIdIndex(), fields.uniqueIdOctets(), false);
            case CookieCodec.Opened opened -> {
                byte[] associatedData = new byte[fields.authenticatorIndex()];
                request.get(0, associatedData);
                yield Aead.decrypt(opened.keys().c2sKey(), authenticator.nonce(), authenticator.ciphertext(),
                        associatedData).isPresent()
                        ? new Verified(opened.keys(), opened.masterKey(), fields.uniqueIdIndex(),
                                fields.uniqueIdOctets(), 1 + fields.placeholders())
                        : new Unauthentic(opened.masterKey());
            }
        };
    }

    /**
     * The cookie in a Cookie field's body, if it can be one of ours: exactly our cookie's length, or
     * that followed by the zero padding RFC 7822 puts after a body whose length is not a multiple of 4.
     */
    private static Optional<byte[]> ourCookie(ByteBuffer request, int index, int octets) {
        if (octets != CookieCodec.COOKIE_OCTETS && octets != NtsFields.padded(CookieCodec.COOKIE_OCTETS)) {
            return Optional.empty();
        }
        for (int i = CookieCodec.COOKIE_OCTETS; i < octets; i++) {
            if (request.get(index + i) != 0) {
                return Optional.empty();
            }
        }
        byte[] cookie = new byte[CookieCodec.COOKIE_OCTETS];
        request.get(index, cookie);
        return Optional.of(cookie);
    }

    /**
     * Appends to the time header in {@code reply} (index 0 to 48) the Unique Identifier echoed and
     * an Authenticator sealing, under the S2C key and a fresh nonce, as many fresh cookies as the
     * request wanted and {@code maxLength} leaves room for: a reply is never longer than its request,
     * so placeholders make the room. Leaves the reply at position 0, limit its length, and returns
     * how many cookies it sealed.
     *
     * @param request   the request {@link #verify} found authentic
     * @param maxLength the request's length, which the reply must not exceed
     */
    public static int writeReply(ByteBuffer request, Verified verified, int maxLength, ByteBuffer reply,
            MasterKeyRing ring, RandomGenerator random) {
        reply.limit(reply.capacity());
        int index = NtsFields.put(reply, NtpHeader.LENGTH, NtsFieldType.UNIQUE_IDENTIFIER, request,
                verified.uniqueIdIndex(), verified.uniqueIdOctets());
        int room = maxLength - index - NtsFields.authenticatorLength(Aead.TAG_OCTETS);
        int cookies = Math.clamp(room / COOKIE_FIELD_OCTETS, 0, verified.cookiesWanted());
        ByteBuffer plaintext = ByteBuffer.allocate(cookies * COOKIE_FIELD_OCTETS);
        int at = 0;
        for (int i = 0; i < cookies; i++) {
            at = NtsFields.put(plaintext, at, NtsFieldType.COOKIE, CookieCodec.make(verified.keys(), ring, random));
        }
        byte[] associatedData = new byte[index];
        reply.get(0, associatedData);
        byte[] nonce = new byte[NtsFields.NONCE_OCTETS];
        random.nextBytes(nonce);
        byte[] ciphertext = Aead.encrypt(verified.keys().s2cKey(), nonce, plaintext.array(), associatedData);
        int end = NtsFields.putAuthenticator(reply, index, nonce, ciphertext);
        reply.position(0).limit(end);
        return cookies;
    }

    /**
     * Appends to the NTSN kiss-o'-death header in {@code reply} (index 0 to 48) the request's Unique
     * Identifier, and nothing else: no cookie, no Authenticator (RFC 8915 §5.7). Leaves the reply at
     * position 0, limit its length.
     */
    public static void writeNak(ByteBuffer request, Nak nak, ByteBuffer reply) {
        reply.limit(reply.capacity());
        int end = NtsFields.put(reply, NtpHeader.LENGTH, NtsFieldType.UNIQUE_IDENTIFIER, request,
                nak.uniqueIdIndex(), nak.uniqueIdOctets());
        reply.position(0).limit(end);
    }
}
