package org.jntp.protocol.control;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.jntp.protocol.Mode;

/**
 * One datagram of a response, as a client reads it: the header and its {@code count} octets of
 * data. Feed fragments to a {@link FragmentAssembler} to get the whole response.
 *
 * @param header the header as received
 * @param data this fragment's data, {@code header.count()} octets
 */
public record ResponseFragment(ControlHeader header, byte[] data) {

    /** Checks the data length agrees with the count, and copies the data. */
    public ResponseFragment {
        Objects.requireNonNull(header, "header");
        if (data.length != header.count()) {
            throw new IllegalArgumentException("data of " + data.length + " octets, count " + header.count());
        }
        data = data.clone();
    }

    /**
     * Reads a datagram: all octets from the buffer's position to its limit, which are left alone.
     * Octets after the padded data (a MAC) are not read. Never throws on bad input.
     */
    public static FragmentParse parse(ByteBuffer buf) {
        int start = buf.position();
        int length = buf.remaining();
        if (length < ControlHeader.LENGTH) {
            return new FragmentParse.Malformed(FragmentError.TOO_SHORT);
        }
        if (ControlHeader.modeBits(buf, start) != Mode.CONTROL.code()) {
            return new FragmentParse.Malformed(FragmentError.NOT_CONTROL_MODE);
        }
        ControlHeader header = ControlHeader.read(buf, start);
        if (!header.response()) {
            return new FragmentParse.Malformed(FragmentError.NOT_A_RESPONSE);
        }
        if (header.version() < ControlRequest.MIN_VERSION || header.version() > ControlRequest.MAX_VERSION) {
            return new FragmentParse.Malformed(FragmentError.UNSUPPORTED_VERSION);
        }
        if (header.count() > length - ControlHeader.LENGTH) {
            return new FragmentParse.Malformed(FragmentError.COUNT_EXCEEDS_DATA);
        }
        if (length < ((ControlHeader.LENGTH + header.count() + 3) & ~3)) {
            return new FragmentParse.Malformed(FragmentError.NOT_PADDED);
        }
        return new FragmentParse.Parsed(new ResponseFragment(header,
                Octets.copy(buf, start + ControlHeader.LENGTH, header.count())));
    }

    /** The data (a copy). */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResponseFragment f && header.equals(f.header) && Arrays.equals(data, f.data);
    }

    @Override
    public int hashCode() {
        return 31 * header.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ResponseFragment[header=" + header + ", data=" + HexFormat.of().formatHex(data) + "]";
    }
}
