package org.jntp.protocol.control;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;

/**
 * The 12-octet header of a control message (mode 6): leap indicator, version and mode; the
 * Response, Error and More bits and the opcode; sequence; status; association ID; the offset and
 * count of this fragment's data. Fields hold raw wire values, so every header can be read.
 *
 * @param leap leap indicator; ntpd ignores it in requests and sends the system's in responses
 * @param version version number, 0 to 7
 * @param response R bit: set in responses
 * @param error E bit: set in error responses, whose status carries a {@link ControlError}
 * @param more M bit: set in every fragment of a response but the last
 * @param opcode operation code, 0 to 31 (see {@link ControlOpcode})
 * @param sequence request sequence number, echoed in the response, 0 to 65535
 * @param status system or peer status word (see {@link SystemStatus}, {@link PeerStatus})
 * @param associationId association ID, 0 for the system
 * @param offset offset of this fragment's data in the whole response, 0 to 65535
 * @param count octets of data in this message, 0 to 65535
 */
public record ControlHeader(LeapIndicator leap, int version, boolean response, boolean error, boolean more,
        int opcode, int sequence, int status, int associationId, int offset, int count) {
    /** Octets in the header. */
    public static final int LENGTH = 12;
    /** Most data octets in one message ({@code CTL_MAX_DATA_LEN}). */
    public static final int MAX_DATA_LENGTH = 468;

    private static final int RESPONSE_BIT = 0x80;
    private static final int ERROR_BIT = 0x40;
    private static final int MORE_BIT = 0x20;
    private static final int OPCODE_MASK = 0x1F;

    /** Checks each field fits its bits. */
    public ControlHeader {
        Objects.requireNonNull(leap, "leap");
        check("version", version, 0x7);
        check("opcode", opcode, OPCODE_MASK);
        check("sequence", sequence, 0xFFFF);
        check("status", status, 0xFFFF);
        check("associationId", associationId, 0xFFFF);
        check("offset", offset, 0xFFFF);
        check("count", count, 0xFFFF);
    }

    private static void check(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " out of range: " + value);
        }
    }

    /** The header at {@code index} of the buffer, which must hold {@link #LENGTH} octets from there. */
    public static ControlHeader read(ByteBuffer buf, int index) {
        int first = Octets.u8(buf, index);
        int second = Octets.u8(buf, index + 1);
        return new ControlHeader(LeapIndicator.of(first >>> 6), (first >>> 3) & 0x7,
                (second & RESPONSE_BIT) != 0, (second & ERROR_BIT) != 0, (second & MORE_BIT) != 0,
                second & OPCODE_MASK, Octets.u16(buf, index + 2), Octets.u16(buf, index + 4),
                Octets.u16(buf, index + 6), Octets.u16(buf, index + 8), Octets.u16(buf, index + 10));
    }

    /** Writes the header, with mode 6, at {@code index}; position and limit are left alone. */
    public void write(ByteBuffer buf, int index) {
        buf.put(index, (byte) ((leap.code() << 6) | (version << 3) | Mode.CONTROL.code()));
        buf.put(index + 1, (byte) ((response ? RESPONSE_BIT : 0) | (error ? ERROR_BIT : 0)
                | (more ? MORE_BIT : 0) | opcode));
        Octets.putU16(buf, index + 2, sequence);
        Octets.putU16(buf, index + 4, status);
        Octets.putU16(buf, index + 6, associationId);
        Octets.putU16(buf, index + 8, offset);
        Octets.putU16(buf, index + 10, count);
    }

    /** The mode bits of the first octet of the message at {@code index}. */
    static int modeBits(ByteBuffer buf, int index) {
        return Octets.u8(buf, index) & 0x7;
    }

    /** The error code of an error response: the high octet of the status. */
    public int errorCode() {
        return status >>> 8;
    }
}
