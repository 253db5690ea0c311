package org.jntp.protocol.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mac;
import org.jntp.protocol.Mode;

/**
 * A control request as ntpd 4.2.8 accepts it ({@code process_control}): versions 1 to 4, neither
 * R, E nor M bit, offset 0, a length that is a multiple of 4 and covers the count. The data is
 * padded to 8 octets by careful clients; ntpd only needs the multiple of 4, and any octets beyond
 * the padded data are a MAC (key ID and digest) when there are 4 to 24 of them, and ignored
 * otherwise (Debian's C ntpstat pads its request to 576 octets).
 *
 * @param header the header as received
 * @param opcode the operation asked for
 * @param data the request data ({@code count} octets), e.g. a variable list
 * @param mac the MAC after the data, if any; whether it is valid is for the caller to check
 */
public record ControlRequest(ControlHeader header, ControlOpcode opcode, byte[] data, Optional<Mac> mac) {
    /** The lowest version ntpd answers ({@code NTP_OLDVERSION}). */
    public static final int MIN_VERSION = 1;
    /** The highest version ntpd answers. */
    public static final int MAX_VERSION = 4;

    private static final int MIN_MAC_LENGTH = 4;
    private static final int MAX_MAC_LENGTH = 24;

    /** Checks the parts agree and copies the data. */
    public ControlRequest {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(opcode, "opcode");
        Objects.requireNonNull(mac, "mac");
        if (data.length != header.count()) {
            throw new IllegalArgumentException("data of " + data.length + " octets, count " + header.count());
        }
        if (opcode.code() != header.opcode()) {
            throw new IllegalArgumentException("opcode " + opcode + " but header has " + header.opcode());
        }
        data = data.clone();
    }

    /**
     * Reads a datagram: all octets from the buffer's position to its limit; position and limit are
     * left alone. Never throws on bad input: the result says whether to answer, refuse or drop it.
     */
    public static RequestParse parse(ByteBuffer buf) {
        int start = buf.position();
        int length = buf.remaining();
        if (length < ControlHeader.LENGTH) {
            return new RequestParse.Ignored(IgnoreReason.TOO_SHORT);
        }
        if (ControlHeader.modeBits(buf, start) != Mode.CONTROL.code()) {
            return new RequestParse.Ignored(IgnoreReason.NOT_CONTROL_MODE);
        }
        ControlHeader header = ControlHeader.read(buf, start);
        if (header.response()) {
            return new RequestParse.Ignored(IgnoreReason.RESPONSE);
        }
        if (header.more()) {
            return new RequestParse.Ignored(IgnoreReason.FRAGMENT);
        }
        if (header.error()) {
            return new RequestParse.Ignored(IgnoreReason.ERROR_BIT);
        }
        if (header.offset() != 0) {
            return new RequestParse.Ignored(IgnoreReason.NONZERO_OFFSET);
        }
        if (header.version() < MIN_VERSION || header.version() > MAX_VERSION) {
            return new RequestParse.Ignored(IgnoreReason.UNSUPPORTED_VERSION);
        }
        if (length - ControlHeader.LENGTH < header.count() || length % 4 != 0) {
            return new RequestParse.Refused(header, ControlError.BADFMT);
        }
        Optional<ControlOpcode> opcode = ControlOpcode.ofRequest(header.opcode());
        if (opcode.isEmpty()) {
            return new RequestParse.Refused(header, ControlError.BADOP);
        }
        int macOffset = macOffset(header.count());
        int macLength = length - macOffset;
        Optional<Mac> mac = Optional.empty();
        if (macLength >= MIN_MAC_LENGTH && macLength <= MAX_MAC_LENGTH) {
            mac = Optional.of(new Mac(Octets.s32(buf, start + macOffset),
                    Octets.copy(buf, start + macOffset + Mac.KEY_ID_LENGTH, macLength - Mac.KEY_ID_LENGTH)));
        }
        byte[] data = Octets.copy(buf, start + ControlHeader.LENGTH, header.count());
        return new RequestParse.Parsed(new ControlRequest(header, opcode.get(), data, mac));
    }

    /**
     * A request as a client sends it: no R, E or M bit, offset 0, no MAC.
     *
     * @param version the version to claim, {@link #MIN_VERSION} to {@link #MAX_VERSION}
     * @param sequence the sequence number the response must echo
     * @param associationId 0 for the system, else an association
     * @param data the request data, e.g. a variable list; at most {@link ControlHeader#MAX_DATA_LENGTH} octets
     */
    public static ControlRequest of(int version, ControlOpcode opcode, int sequence, int associationId, byte[] data) {
        if (data.length > ControlHeader.MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("request data of " + data.length + " octets");
        }
        ControlHeader header = new ControlHeader(LeapIndicator.NO_WARNING, version, false, false, false,
                opcode.code(), sequence, 0, associationId, 0, data.length);
        return new ControlRequest(header, opcode, data, Optional.empty());
    }

    /** This request with other data: the header's count follows it, the MAC stays. */
    public ControlRequest withData(byte[] newData) {
        ControlHeader h = header;
        return new ControlRequest(new ControlHeader(h.leap(), h.version(), h.response(), h.error(), h.more(),
                h.opcode(), h.sequence(), h.status(), h.associationId(), h.offset(), newData.length), opcode, newData, mac);
    }

    /**
     * The datagram, as ntpq 4.2.8 writes it ({@code sendrequest}): the header and the data padded
     * with zeros to a multiple of 4 octets; a MAC, if any, is not written.
     */
    public byte[] encode() {
        ByteBuffer datagram = ByteBuffer.allocate((ControlHeader.LENGTH + data.length + 3) & ~3);
        header.write(datagram, 0);
        datagram.put(ControlHeader.LENGTH, data);
        return datagram.array();
    }

    /** Where a MAC starts after {@code count} data octets: header and data padded to 8 octets. */
    public static int macOffset(int count) {
        return (ControlHeader.LENGTH + count + 7) & ~7;
    }

    /** The octets a MAC covers: from the start of the datagram to {@link #macOffset(int)}. */
    public int authenticatedLength() {
        return macOffset(data.length);
    }

    /** The data (a copy). */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The data as text, one character per octet (ISO 8859-1), as ntpd reads it. */
    public String text() {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ControlRequest r && header.equals(r.header) && opcode == r.opcode
                && Arrays.equals(data, r.data) && mac.equals(r.mac);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, opcode, Arrays.hashCode(data), mac);
    }

    @Override
    public String toString() {
        return "ControlRequest[header=" + header + ", opcode=" + opcode + ", data="
                + HexFormat.of().formatHex(data) + ", mac=" + mac + "]";
    }
}
