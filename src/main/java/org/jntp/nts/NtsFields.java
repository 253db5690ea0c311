package org.jntp.nts;

import java.nio.ByteBuffer;
import org.jntp.protocol.ExtensionField;

/**
 * Writes the NTS extension fields into a packet buffer and reads the one whose body has structure,
 * the Authenticator (RFC 8915 §5.6). Fields are RFC 7822 fields: a 16-bit type, a 16-bit length
 * counting the 4-octet header, and a body zero-padded to a multiple of 4. All indexes are absolute;
 * the buffer's position and limit are left alone.
 */
public final class NtsFields {
    /** The fewest octets a Unique Identifier holds (RFC 8915 §5.3). */
    public static final int MIN_UNIQUE_IDENTIFIER_OCTETS = 32;
    /**
     * The nonce length below which an Authenticator must carry padding to make up the difference:
     * RFC 8915 §5.6's N_REQ, the lesser of 16 and AES-SIV's unlimited nonce length.
     */
    public static final int REQUIRED_NONCE_OCTETS = 16;
    /** The nonce length jntp writes: N_REQ, so that no additional padding is needed. */
    public static final int NONCE_OCTETS = REQUIRED_NONCE_OCTETS;

    private static final int LENGTHS_OCTETS = 4;

    private NtsFields() {}

    /** What reading an Authenticator field gives. */
    public sealed interface AuthenticatorParse {}

    /**
     * A well-formed Authenticator.
     *
     * @param nonce      the AEAD nonce
     * @param ciphertext the AEAD output: synthetic IV, then the encrypted extension fields
     */
    public record Authenticator(byte[] nonce, byte[] ciphertext) implements AuthenticatorParse {}

    /** The lengths in the body do not fit the field, or the nonce is short and not padded out. */
    public record MalformedAuthenticator() implements AuthenticatorParse {}

    /** The octets a field takes whose body holds {@code bodyOctets} before padding. */
    public static int fieldLength(int bodyOctets) {
        return ExtensionField.HEADER_LENGTH + padded(bodyOctets);
    }

    /** The octets an Authenticator with a {@link #NONCE_OCTETS}-octet nonce and this ciphertext takes. */
    public static int authenticatorLength(int ciphertextOctets) {
        return ExtensionField.HEADER_LENGTH + LENGTHS_OCTETS + padded(NONCE_OCTETS) + padded(ciphertextOctets);
    }

    /**
     * Writes a field of this type whose body is {@code length} octets of {@code source} from
     * {@code sourceIndex}, zero-padded; returns the index after it.
     */
    public static int put(ByteBuffer buf, int index, NtsFieldType type, ByteBuffer source, int sourceIndex,
            int length) {
        putHeader(buf, index, type, length);
        buf.put(index + ExtensionField.HEADER_LENGTH, source, sourceIndex, length);
        return zeroPad(buf, index + ExtensionField.HEADER_LENGTH + length);
    }

    /** Writes a field of this type holding {@code body}, zero-padded; returns the index after it. */
    public static int put(ByteBuffer buf, int index, NtsFieldType type, byte[] body) {
        putHeader(buf, index, type, body.length);
        buf.put(index + ExtensionField.HEADER_LENGTH, body);
        return zeroPad(buf, index + ExtensionField.HEADER_LENGTH + body.length);
    }

    /** Writes a Cookie Placeholder with a zero body of {@code cookieOctets}; returns the index after it. */
    public static int putPlaceholder(ByteBuffer buf, int index, int cookieOctets) {
        putHeader(buf, index, NtsFieldType.COOKIE_PLACEHOLDER, cookieOctets);
        return zeroPad(buf, index + ExtensionField.HEADER_LENGTH, padded(cookieOctets));
    }

    /**
     * Writes an Authenticator with this nonce (of {@link #NONCE_OCTETS} octets) and ciphertext;
     * returns the index after it.
     */
    public static int putAuthenticator(ByteBuffer buf, int index, byte[] nonce, byte[] ciphertext) {
        return putAuthenticator(buf, index, nonce, ciphertext, 0, ciphertext.length);
    }

    /**
     * Writes an Authenticator with this nonce (of {@link #NONCE_OCTETS} octets) and the {@code length}
     * octets of ciphertext at {@code ciphertext[offset]}; returns the index after it.
     */
    static int putAuthenticator(ByteBuffer buf, int index, byte[] nonce, byte[] ciphertext, int offset, int length) {
        if (nonce.length != NONCE_OCTETS) {
            throw new IllegalArgumentException("jntp writes nonces of " + NONCE_OCTETS + " octets");
        }
        putU16(buf, index, NtsFieldType.AUTHENTICATOR.code());
        putU16(buf, index + 2, authenticatorLength(length));
        putU16(buf, index + 4, nonce.length);
        putU16(buf, index + 6, length);
        int at = index + ExtensionField.HEADER_LENGTH + LENGTHS_OCTETS;
        buf.put(at, nonce);
        at = zeroPad(buf, at + nonce.length);
        buf.put(at, ciphertext, offset, length);
        return zeroPad(buf, at + length);
    }

    /**
     * Writes the header of a field of this type whose body of {@code bodyOctets}, a multiple of 4,
     * the caller puts right after it; returns the index of the body.
     */
    static int putHeader(byte[] buf, int offset, NtsFieldType type, int bodyOctets) {
        int length = fieldLength(bodyOctets);
        buf[offset] = (byte) (type.code() >>> 8);
        buf[offset + 1] = (byte) type.code();
        buf[offset + 2] = (byte) (length >>> 8);
        buf[offset + 3] = (byte) length;
        return offset + ExtensionField.HEADER_LENGTH;
    }

    /**
     * Reads the Authenticator field at {@code index}, {@code fieldLength} octets long, header
     * included. Any octets give a result: the nonce and ciphertext lengths must fit the field with
     * their padding, the ciphertext must hold at least the synthetic IV, and a nonce shorter than
     * {@link #REQUIRED_NONCE_OCTETS} must be followed by as much additional padding as it lacks.
     */
    public static AuthenticatorParse readAuthenticator(ByteBuffer buf, int index, int fieldLength) {
        int bodyOctets = fieldLength - ExtensionField.HEADER_LENGTH;
        if (bodyOctets < LENGTHS_OCTETS) {
            return new MalformedAuthenticator();
        }
        int nonceOctets = u16(buf, index + 4);
        int ciphertextOctets = u16(buf, index + 6);
        int used = LENGTHS_OCTETS + padded(nonceOctets) + padded(ciphertextOctets);
        int additionalPadding = Math.max(0, REQUIRED_NONCE_OCTETS - nonceOctets);
        if (ciphertextOctets < Aead.TAG_OCTETS || used + additionalPadding > bodyOctets) {
            return new MalformedAuthenticator();
        }
        int at = index + ExtensionField.HEADER_LENGTH + LENGTHS_OCTETS;
        byte[] nonce = new byte[nonceOctets];
        buf.get(at, nonce);
        byte[] ciphertext = new byte[ciphertextOctets];
        buf.get(at + padded(nonceOctets), ciphertext);
        return new Authenticator(nonce, ciphertext);
    }

    /** The field type at {@code index}. */
    static int type(ByteBuffer buf, int index) {
        return u16(buf, index);
    }

    /** The field length at {@code index}, header and padding included. */
    static int length(ByteBuffer buf, int index) {
        return u16(buf, index + 2);
    }

    static int padded(int octets) {
        return (octets + 3) & ~3;
    }

    private static void putHeader(ByteBuffer buf, int index, NtsFieldType type, int bodyOctets) {
        putU16(buf, index, type.code());
        putU16(buf, index + 2, fieldLength(bodyOctets));
    }

    /** Zeroes from {@code index} to the next multiple of 4 and returns that. */
    private static int zeroPad(ByteBuffer buf, int index) {
        return zeroPad(buf, index, padded(index) - index);
    }

    private static int zeroPad(ByteBuffer buf, int index, int octets) {
        for (int i = 0; i < octets; i++) {
            buf.put(index + i, (byte) 0);
        }
        return index + octets;
    }

    private static int u16(ByteBuffer buf, int index) {
        return (buf.get(index) & 0xff) << 8 | buf.get(index + 1) & 0xff;
    }

    private static void putU16(ByteBuffer buf, int index, int value) {
        buf.put(index, (byte) (value >>> 8));
        buf.put(index + 1, (byte) value);
    }
}
