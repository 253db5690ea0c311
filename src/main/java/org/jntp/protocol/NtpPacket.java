package org.jntp.protocol;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An NTP time packet (RFC 5905 §7.3): header, NTPv4 extension fields (RFC 7822) and an optional
 * MAC. The constructor admits only packets that {@link #parse} reads back as they are: versions 1
 * to 4, no control or private mode, extension fields only in NTPv4, an NTPv4 MAC of 4, 20 or 24
 * octets, and a last extension field long enough not to pass for a MAC (RFC 7822 §7.5: at least
 * 28 octets when no MAC follows).
 *
 * @param header the 48-byte header
 * @param extensionFields extension fields in wire order
 * @param mac the MAC or crypto-NAK, if any
 */
public record NtpPacket(NtpHeader header, List<ExtensionField> extensionFields, Optional<Mac> mac) {

    /** Checks the packet can be sent and read back unchanged. */
    public NtpPacket {
        Objects.requireNonNull(header, "header");
        extensionFields = List.copyOf(extensionFields);
        Objects.requireNonNull(mac, "mac");
        int version = header.version();
        if (version < NtpHeader.MIN_VERSION || version > NtpHeader.VERSION) {
            throw new IllegalArgumentException("unsupported version " + version);
        }
        if (header.mode() == Mode.CONTROL || header.mode() == Mode.PRIVATE) {
            throw new IllegalArgumentException("mode " + header.mode() + " does not carry a time packet");
        }
        int macLength = mac.map(Mac::length).orElse(0);
        if (version < NtpHeader.VERSION) {
            if (!extensionFields.isEmpty()) {
                throw new IllegalArgumentException("NTPv" + version + " packets carry no extension fields");
            }
        } else {
            if (!PacketCheck.isV4MacLength(macLength)) {
                throw new IllegalArgumentException("NTPv4 MAC of " + macLength + " octets");
            }
            if (!extensionFields.isEmpty()
                    && !PacketCheck.extensionFieldFollows(version, extensionFields.getLast().length() + macLength)) {
                throw new IllegalArgumentException("last extension field too short to tell from a MAC");
            }
        }
    }

    /** A packet of just a header. */
    public static NtpPacket of(NtpHeader header) {
        return new NtpPacket(header, List.of(), Optional.empty());
    }

    /** Octets on the wire. */
    public int length() {
        int length = NtpHeader.LENGTH + mac.map(Mac::length).orElse(0);
        for (ExtensionField field : extensionFields) {
            length += field.length();
        }
        return length;
    }

    /**
     * Writes the packet at the buffer's position and advances it.
     *
     * @throws BufferOverflowException if fewer than {@link #length()} bytes remain; nothing is written then
     */
    public void encode(ByteBuffer buf) {
        if (buf.remaining() < length()) {
            throw new BufferOverflowException();
        }
        header.encode(buf);
        for (ExtensionField field : extensionFields) {
            Wire.putU16(buf, buf.position(), field.type());
            Wire.putU16(buf, buf.position() + 2, field.length());
            buf.position(buf.position() + ExtensionField.HEADER_LENGTH);
            buf.put(field.value());
        }
        mac.ifPresent(m -> {
            Wire.putInt(buf, buf.position(), m.keyId());
            buf.position(buf.position() + Mac.KEY_ID_LENGTH);
            buf.put(m.digest());
        });
    }

    /**
     * Reads a datagram: all bytes from the buffer's position to its limit. On success the position
     * moves to the limit; when malformed it stays where it was. Never throws on bad input.
     */
    public static ParseResult parse(ByteBuffer buf) {
        return switch (PacketCheck.shape(buf, buf.position(), buf.remaining())) {
            case VALID, VALID_WITH_MAC, VALID_WITH_CRYPTO_NAK, VALID_WITH_EXTENSIONS ->
                    new ParseResult.Parsed(read(buf));
            case CONTROL_OR_PRIVATE -> new ParseResult.Malformed(ParseError.CONTROL_OR_PRIVATE_MODE);
            case TOO_SHORT -> new ParseResult.Malformed(ParseError.TOO_SHORT);
            case UNSUPPORTED_VERSION -> new ParseResult.Malformed(ParseError.UNSUPPORTED_VERSION);
            case LENGTH_NOT_MULTIPLE_OF_4 -> new ParseResult.Malformed(ParseError.LENGTH_NOT_MULTIPLE_OF_4);
            case BAD_EXTENSION_LENGTH -> new ParseResult.Malformed(ParseError.BAD_EXTENSION_LENGTH);
            case TRUNCATED_EXTENSION -> new ParseResult.Malformed(ParseError.TRUNCATED_EXTENSION);
            case BAD_MAC_LENGTH -> new ParseResult.Malformed(ParseError.BAD_MAC_LENGTH);
        };
    }

    /**
     * The shape of the {@code length}-byte datagram at index 0 of the buffer, without allocating:
     * the server's first look at a request. The position is ignored; {@code length} must not
     * exceed the limit.
     */
    public static PacketShape check(ByteBuffer buf, int length) {
        return PacketCheck.shape(buf, 0, length);
    }

    /** Reads a datagram whose shape is valid. */
    private static NtpPacket read(ByteBuffer buf) {
        NtpHeader header = NtpHeader.decode(buf);
        List<ExtensionField> fields = new ArrayList<>();
        while (PacketCheck.extensionFieldFollows(header.version(), buf.remaining())) {
            int type = Wire.u16(buf, buf.position());
            byte[] value = new byte[Wire.u16(buf, buf.position() + 2) - ExtensionField.HEADER_LENGTH];
            buf.position(buf.position() + ExtensionField.HEADER_LENGTH).get(value);
            fields.add(new ExtensionField(type, value));
        }
        Optional<Mac> mac = Optional.empty();
        if (buf.hasRemaining()) {
            int keyId = Wire.getInt(buf, buf.position());
            byte[] digest = new byte[buf.remaining() - Mac.KEY_ID_LENGTH];
            buf.position(buf.position() + Mac.KEY_ID_LENGTH).get(digest);
            mac = Optional.of(new Mac(keyId, digest));
        }
        return new NtpPacket(header, fields, mac);
    }
}
