package org.jntp.nts;

import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;
import org.jntp.protocol.NtpHeader;

/**
 * The server's side of NTS inside NTP (RFC 8915 §5.7): checks a client request's NTS fields and
 * writes the NTS fields of the reply after a time header the caller has written. The request must
 * be one {@link org.jntp.protocol.NtpPacket#check} found well formed with extension fields.
 *
 * <p>One per server thread, not thread-safe: it keeps the arrays a request's cookie is opened in
 * and a reply's cookies are sealed in, so that an NTS answer allocates little beyond the JDK's AES
 * key schedules (young collections had taken a tenth of a server's time per NTS answer).
 */
public final class NtsServerExchange {
    /** Octets of a Cookie field holding one of our cookies: {@link CookieCodec#COOKIE_OCTETS}, padded. */
    private static final int COOKIE_FIELD_OCTETS = NtsFields.fieldLength(CookieCodec.COOKIE_OCTETS);

    /** The request's cookie, copied out of it. */
    private final byte[] cookie = new byte[CookieCodec.COOKIE_OCTETS];
    /** The cookie's plaintext while it is read, zeroed after. */
    private final byte[] cookiePlaintext = new byte[CookieCodec.PLAINTEXT_OCTETS];
    private final byte[] nonce = new byte[NtsFields.NONCE_OCTETS];
    /** An Authenticator's synthetic IV and its plaintext, opened or to be sealed; grows to the longest. */
    private byte[] sealed = new byte[Aead.TAG_OCTETS + COOKIE_FIELD_OCTETS];

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
    public Verdict verify(ByteBuffer request, MasterKeyRing ring) {
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

    private Verdict verify(ByteBuffer request, NtsFieldScan.Fields fields, MasterKeyRing ring) {
        if (!(NtsFields.readAuthenticator(request, fields.authenticatorIndex(), fields.authenticatorLength())
                instanceof NtsFields.Authenticator authenticator)) {
            return new Malformed();
        }
        CookieCodec.Opening opening = ourCookie(request, fields.cookieIndex(), fields.cookieOctets())
                ? CookieCodec.open(cookie, ring, cookiePlaintext) : new CookieCodec.Invalid();
        return switch (opening) {
            case CookieCodec.UnknownKey _ -> new Nak(fields.uniqueIdIndex(), fields.uniqueIdOctets(), true);
            case CookieCodec.Invalid _ -> new Nak(fields.uniqueIdIndex(), fields.uniqueIdOctets(), false);
            case CookieCodec.Opened opened -> authentic(request, fields.authenticatorIndex(), authenticator,
                    opened.keys())
                    ? new Verified(opened.keys(), opened.masterKey(), fields.uniqueIdIndex(),
                            fields.uniqueIdOctets(), 1 + fields.placeholders())
                    : new Unauthentic(opened.masterKey());
        };
    }

    /** Whether the Authenticator seals the request before it under the C2S key. */
    private boolean authentic(ByteBuffer request, int authenticatorIndex, NtsFields.Authenticator authenticator,
            SessionKeys keys) {
        byte[] ciphertext = authenticator.ciphertext();
        AesSiv siv = Aead.keyed(keys.c2sKey());
        siv.begin();
        siv.authenticate(request, 0, authenticatorIndex);
        siv.authenticate(authenticator.nonce(), 0, authenticator.nonce().length);
        return siv.open(ciphertext, 0, ciphertext.length, sealed(ciphertext.length), 0);
    }

    /**
     * Copies the cookie in a Cookie field's body, if it can be one of ours: exactly our cookie's
     * length, or that followed by the zero padding RFC 7822 puts after a body whose length is not a
     * multiple of 4.
     */
    private boolean ourCookie(ByteBuffer request, int index, int octets) {
        if (octets != CookieCodec.COOKIE_OCTETS && octets != NtsFields.padded(CookieCodec.COOKIE_OCTETS)) {
            return false;
        }
        for (int i = CookieCodec.COOKIE_OCTETS; i < octets; i++) {
            if (request.get(index + i) != 0) {
                return false;
            }
        }
        request.get(index, cookie);
        return true;
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
    public int writeReply(ByteBuffer request, Verified verified, int maxLength, ByteBuffer reply,
            MasterKeyRing ring, RandomGenerator random) {
        reply.limit(reply.capacity());
        int index = NtsFields.put(reply, NtpHeader.LENGTH, NtsFieldType.UNIQUE_IDENTIFIER, request,
                verified.uniqueIdIndex(), verified.uniqueIdOctets());
        int room = maxLength - index - NtsFields.authenticatorLength(Aead.TAG_OCTETS);
        int cookies = Math.clamp(room / COOKIE_FIELD_OCTETS, 0, verified.cookiesWanted());
        int plaintextOctets = cookies * COOKIE_FIELD_OCTETS;
        byte[] out = sealed(Aead.TAG_OCTETS + plaintextOctets);
        for (int at = Aead.TAG_OCTETS; at < Aead.TAG_OCTETS + plaintextOctets; at += COOKIE_FIELD_OCTETS) {
            random.nextBytes(nonce);
            CookieCodec.make(verified.keys(), ring, nonce,
                    out, NtsFields.putHeader(out, at, NtsFieldType.COOKIE, CookieCodec.COOKIE_OCTETS));
        }
        random.nextBytes(nonce);
        AesSiv siv = Aead.keyed(verified.keys().s2cKey());
        siv.begin();
        siv.authenticate(reply, 0, index);
        siv.authenticate(nonce, 0, nonce.length);
        siv.seal(out, Aead.TAG_OCTETS, plaintextOctets, out, 0);
        int end = NtsFields.putAuthenticator(reply, index, nonce, out, 0, Aead.TAG_OCTETS + plaintextOctets);
        reply.position(0).limit(end);
        return cookies;
    }

    /** The work array for {@code octets} sealed octets, grown if it is shorter. */
    private byte[] sealed(int octets) {
        if (sealed.length < octets) {
            sealed = new byte[octets];
        }
        return sealed;
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
