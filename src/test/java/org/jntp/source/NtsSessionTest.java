package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jntp.nts.CookieCodec;
import org.jntp.nts.MasterKeyRing;
import org.jntp.nts.NtsServerExchange;
import org.jntp.nts.SessionKeys;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpTimestamp;
import org.junit.jupiter.api.Test;

/** One association's NTS state against replayed answers (RFC 8915 §5.7: a reply answers one request). */
class NtsSessionTest {
    private final NtsServerExchange exchange = new NtsServerExchange();
    private static final long NOW_NANOS = 1_780_000_000_000_000_000L;

    private final Random random = new Random(8915);
    private final MasterKeyRing ring = MasterKeyRing.create(NOW_NANOS / 1_000_000_000L, random);
    private final SessionKeys keys = SynchronizerNtsTest.sessionKeys(random);
    private final NtsSession session = new NtsSession();

    private void established(int cookies) {
        List<byte[]> jar = new ArrayList<>();
        for (int i = 0; i < cookies; i++) {
            jar.add(CookieCodec.make(keys, ring, random));
        }
        session.established(keys, jar);
    }

    private byte[] request() {
        ByteBuffer header = ByteBuffer.allocate(NtpHeader.LENGTH);
        NtpHeader.clientRequest(NtpHeader.VERSION, NtpTimestamp.ofUnixNanos(NOW_NANOS)).encode(header);
        return session.seal(header.array(), random).orElseThrow();
    }

    /** The server's authentic answer to {@code datagram}: its header echoed, with the NTS fields. */
    private byte[] answer(byte[] datagram) {
        ByteBuffer request = ByteBuffer.wrap(datagram);
        NtsServerExchange.Verified verified = (NtsServerExchange.Verified) exchange.verify(request, ring);
        ByteBuffer reply = ByteBuffer.allocate(1280);
        reply.put(datagram, 0, NtpHeader.LENGTH);
        exchange.writeReply(request, verified, request.limit(), reply, ring, random);
        byte[] bytes = new byte[reply.limit()];
        reply.get(0, bytes);
        return bytes;
    }

    @Test
    void takesAnAuthenticReplyOnlyOnce() {
        established(8);
        byte[] reply = answer(request());

        assertThat(session.check(reply, reply.length)).isEqualTo(NtsSession.Check.AUTHENTIC);
        assertThat(session.check(reply, reply.length)).isEqualTo(NtsSession.Check.UNAUTHENTIC);
    }

    @Test
    void refusesTheReplyToAnEarlierRequestOnceAnotherIsOutstanding() {
        established(8);
        byte[] earlier = answer(request());
        byte[] outstanding = answer(request());

        assertThat(session.check(earlier, earlier.length)).isEqualTo(NtsSession.Check.UNAUTHENTIC);
        assertThat(session.check(outstanding, outstanding.length)).isEqualTo(NtsSession.Check.AUTHENTIC);
    }

    @Test
    void aReplayedReplyGivesNoCookies() {
        established(1);
        byte[] reply = answer(request());
        session.check(reply, reply.length);
        int cookies = session.cookies();
        request();

        session.check(reply, reply.length);

        assertThat(session.cookies()).isEqualTo(cookies - 1);
    }
}
