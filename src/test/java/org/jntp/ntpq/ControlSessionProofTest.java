package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.ControlResponses;
import org.jntp.protocol.control.NonceProof;
import org.junit.jupiter.api.Test;

/**
 * ntpq showing its address to a jntp on another host: a request refused with PERMISSION goes once
 * more with a nonce at its head, and later ones with that nonce while it is young.
 */
class ControlSessionProofTest {
    private static final String NONCE = "00c0ffee00c0ffee00c0ffee";
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    /** jntp seen from another host: a nonce to a padded REQ_NONCE, an answer to a request with it, else PERMISSION. */
    private static List<byte[]> jntp(ControlRequest request) {
        String data = new String(request.data(), StandardCharsets.ISO_8859_1);
        if (request.opcode() == ControlOpcode.REQ_NONCE && data.length() >= NonceProof.NONCE_REQUEST_PADDING) {
            return ControlResponses.text(request.header(), LeapIndicator.NO_WARNING, 0, "nonce=" + NONCE);
        }
        return NonceProof.split(request.data()).filter(proof -> proof.nonce().equals(NONCE))
                .map(proof -> ControlResponses.text(request.header(), LeapIndicator.NO_WARNING, 0,
                        "asked=\"" + new String(proof.rest(), StandardCharsets.ISO_8859_1) + "\""))
                .orElseGet(() -> List.of(ControlResponses.error(request.header(), LeapIndicator.NO_WARNING,
                        ControlError.PERMISSION)));
    }

    /** ntpd answering a key's operation without the key: PERMISSION, whatever the data. */
    private static List<byte[]> ntpdWithoutTheKey(ControlRequest request) {
        if (request.opcode() == ControlOpcode.REQ_NONCE) {
            return ControlResponses.text(request.header(), LeapIndicator.NO_WARNING, 0, "nonce=" + NONCE);
        }
        return request.opcode() == ControlOpcode.WRITEVAR
                ? List.of(ControlResponses.error(request.header(), LeapIndicator.NO_WARNING, ControlError.PERMISSION))
                : ControlResponses.text(request.header(), LeapIndicator.NO_WARNING, 0,
                        "asked=\"" + new String(request.data(), StandardCharsets.ISO_8859_1) + "\"");
    }

    private ControlSession session(FakeServer server) {
        return new ControlSession(server, "ntp.example", new PrintStream(errors, true, StandardCharsets.UTF_8),
                clock::get);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(Optional<Answer> answer) {
        return new String(answer.orElseThrow().payload(), StandardCharsets.ISO_8859_1);
    }

    private static String data(ControlRequest request) {
        return new String(request.data(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void resendsARefusedRequestWithANonceAtItsHead() {
        FakeServer server = FakeServer.answering(ControlSessionProofTest::jntp);

        Optional<Answer> answer = session(server).query(ControlOpcode.READVAR, 0, ascii("stratum"));

        assertThat(text(answer)).isEqualTo("asked=\"stratum\"\r\n");
        assertThat(server.requests()).extracting(ControlRequest::opcode)
                .containsExactly(ControlOpcode.READVAR, ControlOpcode.REQ_NONCE, ControlOpcode.READVAR);
        assertThat(data(server.requests().getLast())).isEqualTo("nonce=" + NONCE + ", stratum");
        assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void asksForTheNonceWithARequestAsLongAsItsAnswer() {
        FakeServer server = FakeServer.answering(ControlSessionProofTest::jntp);

        session(server).query(ControlOpcode.READVAR, 0, new byte[0]);

        byte[] nonceRequest = server.datagrams().get(1);
        assertThat(nonceRequest.length).isGreaterThanOrEqualTo(
                ControlResponses.text(server.requests().get(1).header(), LeapIndicator.NO_WARNING, 0,
                        "nonce=" + NONCE).getFirst().length);
    }

    @Test
    void sendsTheNonceWithTheNextRequestsWhileItIsYoung() {
        FakeServer server = FakeServer.answering(ControlSessionProofTest::jntp);
        ControlSession session = session(server);
        session.query(ControlOpcode.READVAR, 0, new byte[0]);
        clock.addAndGet(7 * SECOND);

        Optional<Answer> answer = session.query(ControlOpcode.READVAR, 0, ascii("offset"));

        assertThat(text(answer)).isEqualTo("asked=\"offset\"\r\n");
        assertThat(server.requests()).hasSize(4);
        assertThat(data(server.requests().getLast())).isEqualTo("nonce=" + NONCE + ", offset");
    }

    @Test
    void asksForAFreshNonceOnceTheHeldOneIsEightSecondsOld() {
        FakeServer server = FakeServer.answering(ControlSessionProofTest::jntp);
        ControlSession session = session(server);
        session.query(ControlOpcode.READVAR, 0, new byte[0]);
        clock.addAndGet(8 * SECOND);

        session.query(ControlOpcode.READVAR, 0, new byte[0]);

        assertThat(server.requests()).extracting(ControlRequest::opcode).containsExactly(ControlOpcode.READVAR,
                ControlOpcode.REQ_NONCE, ControlOpcode.READVAR, ControlOpcode.READVAR, ControlOpcode.REQ_NONCE,
                ControlOpcode.READVAR);
        assertThat(data(server.requests().get(3))).isEmpty();
    }

    @Test
    void keepsNoNonceWhenTheServerRefusesTheRequestWithItToo() {
        FakeServer server = FakeServer.answering(ControlSessionProofTest::ntpdWithoutTheKey);
        ControlSession session = session(server);

        Optional<Answer> refused = session.query(ControlOpcode.WRITEVAR, 0, ascii("leap=0"));
        Optional<Answer> read = session.query(ControlOpcode.READVAR, 0, ascii("stratum"));

        assertThat(refused).isEmpty();
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("***Server disallowed request (authentication?)");
        assertThat(text(read)).isEqualTo("asked=\"stratum\"\r\n");
    }
}
