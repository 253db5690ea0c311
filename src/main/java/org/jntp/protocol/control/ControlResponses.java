package org.jntp.protocol.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jntp.protocol.LeapIndicator;

/**
 * Writes responses as ntpd does ({@code ctl_flushpkt}, {@code ctl_error}): the request's version,
 * opcode, sequence and association ID echoed; the system leap indicator; data split into
 * fragments of at most {@value ControlHeader#MAX_DATA_LENGTH} octets with the offset of each and
 * the More bit on all but the last; each datagram padded with zeros to a multiple of 4 octets.
 * Responses carry no MAC here.
 */
public final class ControlResponses {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final int MAX_OFFSET = 0xFFFF;

    private ControlResponses() {}

    /**
     * The datagrams of a binary response (READSTAT's association list), in order; an empty payload
     * gives one datagram with no data.
     *
     * @param request the request's header
     * @param leap the system leap indicator
     * @param status the system status word for association 0, else the peer status word
     * @throws IllegalArgumentException if the last fragment's offset would not fit 16 bits
     */
    public static List<byte[]> binary(ControlHeader request, LeapIndicator leap, int status, byte[] payload) {
        int fragments = Math.max(1, (payload.length + ControlHeader.MAX_DATA_LENGTH - 1) / ControlHeader.MAX_DATA_LENGTH);
        if ((fragments - 1L) * ControlHeader.MAX_DATA_LENGTH > MAX_OFFSET) {
            throw new IllegalArgumentException("response of " + payload.length + " octets is too long");
        }
        List<byte[]> datagrams = new ArrayList<>(fragments);
        for (int i = 0; i < fragments; i++) {
            int offset = i * ControlHeader.MAX_DATA_LENGTH;
            int count = Math.min(ControlHeader.MAX_DATA_LENGTH, payload.length - offset);
            ControlHeader header = new ControlHeader(leap, request.version(), true, false, i < fragments - 1,
                    request.opcode(), request.sequence(), status, request.associationId(), offset, count);
            ByteBuffer datagram = ByteBuffer.allocate(padded(ControlHeader.LENGTH + count));
            header.write(datagram, 0);
            datagram.put(ControlHeader.LENGTH, payload, offset, count);
            datagrams.add(datagram.array());
        }
        return datagrams;
    }

    /**
     * The datagrams of a text response (a variable list, a configuration reply). As ntpd, ends a
     * non-empty text with {@code "\r\n"} when that fits in the last fragment.
     */
    public static List<byte[]> text(ControlHeader request, LeapIndicator leap, int status, String text) {
        byte[] octets = text.getBytes(StandardCharsets.ISO_8859_1);
        int last = octets.length % ControlHeader.MAX_DATA_LENGTH;
        if (last == 0 && octets.length > 0) {
            last = ControlHeader.MAX_DATA_LENGTH;
        }
        if (octets.length > 0 && last + CRLF.length < ControlHeader.MAX_DATA_LENGTH) {
            octets = Arrays.copyOf(octets, octets.length + CRLF.length);
            System.arraycopy(CRLF, 0, octets, octets.length - CRLF.length, CRLF.length);
        }
        return binary(request, leap, status, octets);
    }

    /**
     * The error response: R and E bits, the error code in the high octet of the status, no data.
     */
    public static byte[] error(ControlHeader request, LeapIndicator leap, ControlError error) {
        ControlHeader header = new ControlHeader(leap, request.version(), true, true, false, request.opcode(),
                request.sequence(), error.code() << 8, request.associationId(), 0, 0);
        ByteBuffer datagram = ByteBuffer.allocate(ControlHeader.LENGTH);
        header.write(datagram, 0);
        return datagram.array();
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }
}
