package org.jntp.interop;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The 48-byte NTP header as RFC 5905 figure 8 lays it out, decoded here on its own so that the
 * interop tests check our server against an oracle that shares no code with it. Short-format
 * values (root delay, root dispersion) and timestamps are kept as their raw bits.
 */
record NtpHeader(
        int leap,
        int version,
        int mode,
        int stratum,
        int poll,
        int precision,
        long rootDelayBits,
        long rootDispersionBits,
        int referenceId,
        long referenceTimestamp,
        long originTimestamp,
        long receiveTimestamp,
        long transmitTimestamp) {

    static final int LENGTH = 48;

    static NtpHeader decode(byte[] packet) {
        if (packet.length < LENGTH) {
            throw new IllegalArgumentException("an NTP header has 48 bytes, got " + packet.length);
        }
        ByteBuffer in = ByteBuffer.wrap(packet);
        int first = in.get() & 0xff;
        return new NtpHeader(first >>> 6, (first >>> 3) & 7, first & 7,
                in.get() & 0xff, in.get(), in.get(),
                in.getInt() & 0xffffffffL, in.getInt() & 0xffffffffL, in.getInt(),
                in.getLong(), in.getLong(), in.getLong(), in.getLong());
    }

    /** The reference ID as four ASCII characters, as a stratum 1 server or a kiss code uses it. */
    String referenceIdAscii() {
        return new String(ByteBuffer.allocate(4).putInt(referenceId).array(), StandardCharsets.US_ASCII);
    }
}
