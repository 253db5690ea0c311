package org.jntp.nts;

import java.nio.ByteBuffer;
import java.util.Random;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpTimestamp;

/** The session, the server's master keys and client requests the NTS tests share, from a fixed seed. */
final class NtsTestPackets {
    static final long NOW_NANOS = 1_795_681_550_123_456_789L;

    final Random random;
    final MasterKeyRing ring;
    final SessionKeys keys;

    NtsTestPackets(long seed) {
        random = new Random(seed);
        ring = MasterKeyRing.create(NOW_NANOS / 1_000_000_000L, random);
        byte[] c2s = new byte[Aead.KEY_OCTETS];
        byte[] s2c = new byte[Aead.KEY_OCTETS];
        random.nextBytes(c2s);
        random.nextBytes(s2c);
        keys = new SessionKeys(KeNegotiation.AES_SIV_CMAC_256, c2s, s2c);
    }

    /** A cookie for the session, as the NTS-KE server hands it out. */
    byte[] cookie() {
        return CookieCodec.make(keys, ring, random);
    }

    /** A buffer holding a client request header, with room for NTS fields after it. */
    static ByteBuffer headerOnly() {
        ByteBuffer packet = ByteBuffer.allocate(1280);
        NtpHeader.clientRequest(NtpHeader.VERSION, NtpTimestamp.ofUnixNanos(NOW_NANOS)).encode(packet);
        return packet.flip();
    }

    /** A request with a fresh cookie and {@code placeholders} placeholders; returns its Unique Identifier. */
    Sent request(int placeholders) {
        ByteBuffer packet = headerOnly();
        byte[] uniqueId = NtsClientExchange.writeRequest(packet, cookie(), placeholders, keys, random);
        return new Sent(packet, uniqueId);
    }

    /** A request as sent, and the Unique Identifier its reply must echo. */
    record Sent(ByteBuffer packet, byte[] uniqueId) {}

    /** A server time header in a fresh reply buffer, as NtpServer writes it before the NTS fields. */
    static ByteBuffer replyHeader() {
        ByteBuffer reply = ByteBuffer.allocate(1280);
        NtpHeader.clientRequest(NtpHeader.VERSION, NtpTimestamp.ofUnixNanos(NOW_NANOS + 1_000)).encode(reply);
        return reply.flip();
    }
}
