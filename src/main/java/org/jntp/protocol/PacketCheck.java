package org.jntp.protocol;

import java.nio.ByteBuffer;

/**
 * The structural rules of a time packet, shared by {@link NtpPacket#check} and
 * {@link NtpPacket#parse}. After the header, RFC 7822 §7.5 (as ntpd, NTPsec and chrony apply it)
 * tells a MAC from an extension field by the octets left: more than 24 start an extension field,
 * 24 or fewer are the MAC (20 or 24 octets) or a crypto-NAK (4). NTPv3 and older have no extension
 * fields: whatever follows their header is the MAC.
 */
final class PacketCheck {
    /** Key identifier and a 160-bit digest: the longest MAC an NTPv4 packet may carry. */
    private static final int MAX_V4_MAC_LENGTH = 24;

    private static final int CRYPTO_NAK_LENGTH = 4;
    private static final int MD5_MAC_LENGTH = 20;

    private PacketCheck() {}

    static PacketShape shape(ByteBuffer buf, int offset, int length) {
        if (length < 1) {
            return PacketShape.TOO_SHORT;
        }
        int first = Wire.u8(buf, offset);
        int mode = first & 0x7;
        if (mode == Mode.CONTROL.code() || mode == Mode.PRIVATE.code()) {
            return PacketShape.CONTROL_OR_PRIVATE;
        }
        int version = (first >>> 3) & 0x7;
        if (version < NtpHeader.MIN_VERSION || version > NtpHeader.VERSION) {
            return PacketShape.UNSUPPORTED_VERSION;
        }
        if (length < NtpHeader.LENGTH) {
            return PacketShape.TOO_SHORT;
        }
        if (length % 4 != 0) {
            return PacketShape.LENGTH_NOT_MULTIPLE_OF_4;
        }
        int position = offset + NtpHeader.LENGTH;
        int end = offset + length;
        boolean extended = false;
        while (extensionFieldFollows(version, end - position)) {
            int fieldLength = Wire.u16(buf, position + 2);
            if (fieldLength < ExtensionField.MIN_LENGTH || fieldLength % 4 != 0) {
                return PacketShape.BAD_EXTENSION_LENGTH;
            }
            if (fieldLength > end - position) {
                return PacketShape.TRUNCATED_EXTENSION;
            }
            position += fieldLength;
            extended = true;
        }
        int macLength = end - position;
        if (version == NtpHeader.VERSION && !isV4MacLength(macLength)) {
            return PacketShape.BAD_MAC_LENGTH;
        }
        if (extended) {
            return PacketShape.VALID_WITH_EXTENSIONS;
        }
        return switch (macLength) {
            case 0 -> PacketShape.VALID;
            case CRYPTO_NAK_LENGTH -> PacketShape.VALID_WITH_CRYPTO_NAK;
            default -> PacketShape.VALID_WITH_MAC;
        };
    }

    /** True when the octets left after the header or an extension field start another extension field. */
    static boolean extensionFieldFollows(int version, int remaining) {
        return version == NtpHeader.VERSION && remaining > MAX_V4_MAC_LENGTH;
    }

    /** True for what may follow the extension fields of an NTPv4 packet: nothing, a crypto-NAK or a MAC. */
    static boolean isV4MacLength(int length) {
        return length == 0 || length == CRYPTO_NAK_LENGTH || length == MD5_MAC_LENGTH || length == MAX_V4_MAC_LENGTH;
    }
}
