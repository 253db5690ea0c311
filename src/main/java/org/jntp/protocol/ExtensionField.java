package org.jntp.protocol;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An NTPv4 extension field (RFC 7822 §3): 16-bit field type, 16-bit length counting the 4-byte
 * header, the value and its zero padding, a multiple of 4 and at least 16.
 *
 * @param type field type, 0 to 65535
 * @param value the octets after the header, padding included; a multiple of 4, at least 12 long
 */
public record ExtensionField(int type, byte[] value) {
    /** Length of the type and length fields. */
    public static final int HEADER_LENGTH = 4;
    /** Smallest length of an extension field (RFC 7822 §3). */
    public static final int MIN_LENGTH = 16;
    /** Largest length the 16-bit length field can give while a multiple of 4. */
    public static final int MAX_LENGTH = 0xFFFC;

    /** Checks the sizes and copies the value. */
    public ExtensionField {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("field type not 16 bits: " + type);
        }
        int length = HEADER_LENGTH + value.length;
        if (length < MIN_LENGTH || length > MAX_LENGTH || length % 4 != 0) {
            throw new IllegalArgumentException("extension field length " + length
                    + " is not a multiple of 4 in " + MIN_LENGTH + ".." + MAX_LENGTH);
        }
        value = value.clone();
    }

    /** A field holding {@code data} zero-padded to a multiple of 4 and to the minimum length. */
    public static ExtensionField padded(int type, byte[] data) {
        int valueLength = Math.max(MIN_LENGTH - HEADER_LENGTH, (data.length + 3) & ~3);
        return new ExtensionField(type, Arrays.copyOf(data, valueLength));
    }

    /** The value octets, padding included (a copy). */
    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The length field: header, value and padding. */
    public int length() {
        return HEADER_LENGTH + value.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtensionField field && type == field.type && Arrays.equals(value, field.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("ExtensionField[type=0x%04x, value=%s]", type, HexFormat.of().formatHex(value));
    }
}
