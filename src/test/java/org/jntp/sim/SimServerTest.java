package org.jntp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpPacket;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ParseResult;
import org.jntp.protocol.ReferenceId;
import org.junit.jupiter.api.Test;

class SimServerTest {

    private static final long START = Simulation.START_NANOS;
    private static final long ARRIVAL = START + 1234 * 1_000_000_000L + 567_891;
    private static final NtpTimestamp CLIENT_TRANSMIT = NtpTimestamp.ofUnixNanos(START + 42);

    private static byte[] request() {
        ByteBuffer buf = ByteBuffer.allocate(NtpHeader.LENGTH);
        NtpHeader.clientRequest(NtpHeader.VERSION, CLIENT_TRANSMIT).encode(buf);
        return buf.array();
    }

    private static NtpHeader answer(SimServer server, byte[] request, long arrivalNanos) {
        byte[] reply = server.answer(request, 7, arrivalNanos).orElseThrow();
        return switch (NtpPacket.parse(ByteBuffer.wrap(reply))) {
            case ParseResult.Parsed parsed -> parsed.packet().header();
            case ParseResult.Malformed malformed -> throw new AssertionError(malformed.toString());
        };
    }

    @Test
    void goodServerStampsReceiveAndTransmitWithTheTrueArrivalTime() {
        NtpHeader reply = answer(SimServer.at("192.0.2.1", 0, START), request(), ARRIVAL);

        assertThat(reply.receiveTime()).isEqualTo(NtpTimestamp.ofUnixNanos(ARRIVAL));
        // a basic reply's transmit never equals its receive: one 2^-32 s unit apart
        assertThat(reply.transmitTime().bits()).isEqualTo(reply.receiveTime().bits() + 1);
        assertThat(reply.originTime()).isEqualTo(CLIENT_TRANSMIT);
    }

    @Test
    void falsetickerAnswersHalfASecondAhead() {
        NtpHeader reply = answer(SimServer.at("192.0.2.3", 0.5, START), request(), ARRIVAL);

        assertThat(reply.receiveTime()).isEqualTo(NtpTimestamp.ofUnixNanos(ARRIVAL + 500_000_000));
        assertThat(reply.transmitTime().bits()).isEqualTo(reply.receiveTime().bits() + 1);
    }

    @Test
    void answersAsASynchronisedStratumOneServer() {
        NtpHeader reply = answer(SimServer.at("192.0.2.1", 0, START), request(), ARRIVAL);

        assertThat(reply.mode()).isEqualTo(Mode.SERVER);
        assertThat(reply.stratum()).isEqualTo(1);
        assertThat(reply.leap()).isEqualTo(LeapIndicator.NO_WARNING);
        assertThat(reply.referenceId()).isEqualTo(ReferenceId.ofAscii("GPS"));
        assertThat(reply.rootDispersion().bits()).isLessThan(0x100);
    }

    @Test
    void answersEveryRequestHoweverOften() {
        SimServer server = SimServer.at("192.0.2.1", 0, START);
        for (int i = 0; i < 100; i++) {
            assertThat(server.answer(request(), i, ARRIVAL + i * 1000L)).isPresent();
        }
    }

    @Test
    void doesNotAnswerWhatIsNotARequest() {
        assertThat(SimServer.at("192.0.2.1", 0, START).answer(new byte[12], 1, ARRIVAL)).isEmpty();
    }

    @Test
    void listensOnPort123OfItsAddress() {
        assertThat(SimServer.at("192.0.2.9", 0, START).address().toString()).isEqualTo("/192.0.2.9:123");
    }
}
