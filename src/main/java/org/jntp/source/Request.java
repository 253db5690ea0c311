package org.jntp.source;

import java.nio.ByteBuffer;
import org.jntp.protocol.NtpHeader;

/**
 * A packet the association wants sent now. The driver sends it (from a fresh source port, for a
 * client request) and hands any reply back together with {@link #id}.
 *
 * @param id          this association's sequence number of the request, from 1
 * @param header      the 48-byte packet
 * @param unreachable the poll found the source unreachable (no reply in the last 8 polls); ntpd
 *                    then shifts a dummy sample of dispersion {@code MAXDISP} into the clock filter
 */
public record Request(long id, NtpHeader header, boolean unreachable) {

    /** The datagram to send. */
    public byte[] datagram() {
        ByteBuffer buf = ByteBuffer.allocate(NtpHeader.LENGTH);
        header.encode(buf);
        return buf.array();
    }
}
