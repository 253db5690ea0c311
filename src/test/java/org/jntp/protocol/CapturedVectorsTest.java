package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Datagrams captured from chronyd 4.3 and NTPsec 1.2.2 by scripts/capture-vectors.sh. Timestamps
 * change with every capture, so the tests check how they relate, not their values.
 */
class CapturedVectorsTest {
    private static final long ONE_SECOND_NANOS = 1_000_000_000L;
    private static final List<String> ALL = List.of("chronyd-server.request", "chronyd-server.reply",
            "ntpsec-server.request", "ntpsec-server.reply", "ntpsec-server-unsynchronized.request",
            "ntpsec-server-unsynchronized.reply", "ntpsec-kod-rate.request", "ntpsec-kod-rate.reply",
            "ntpdig.request", "chronyd-client.request");

    private static byte[] bytes(String name) {
        try (InputStream in = CapturedVectorsTest.class.getResourceAsStream(name + ".hex")) {
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.startsWith("#"))
                    .collect(Collectors.joining())
                    .replaceAll("\\s", "");
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NtpHeader header(String name) {
        ParseResult result = NtpPacket.parse(ByteBuffer.wrap(bytes(name)));
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).packet().header();
    }

    @Test
    void everyCaptureIsABareHeaderThatReEncodesToTheSameBytes() {
        for (String name : ALL) {
            byte[] captured = bytes(name);
            ByteBuffer buf = ByteBuffer.allocate(captured.length);
            ParseResult result = NtpPacket.parse(ByteBuffer.wrap(captured));

            assertThat(NtpPacket.check(ByteBuffer.wrap(captured), captured.length)).as(name).isEqualTo(PacketShape.VALID);
            ((ParseResult.Parsed) result).packet().encode(buf);
            assertThat(buf.array()).as(name).isEqualTo(captured);
        }
    }

    @Test
    void chronydAnswersAsStratum8ServerWithTheRequestsVersionAndPoll() {
        NtpHeader reply = header("chronyd-server.reply");

        assertThat(reply.leap()).isEqualTo(LeapIndicator.NO_WARNING);
        assertThat(reply.version()).isEqualTo(4);
        assertThat(reply.mode()).isEqualTo(Mode.SERVER);
        assertThat(reply.stratum()).isEqualTo(8);
        assertThat(reply.poll()).isEqualTo(header("chronyd-server.request").poll());
        assertThat(reply.precision()).isBetween(-30, -10);
    }

    @Test
    void chronydLocalReferenceIdShowsAs127_127_1_1() {
        NtpHeader reply = header("chronyd-server.reply");

        assertThat(reply.referenceId().bits()).isEqualTo(0x7F7F_0101);
        assertThat(reply.referenceId().display(reply.stratum())).isEqualTo("127.127.1.1");
    }

    @Test
    void chronydEchoesRequestTransmitTimeAsOrigin() {
        assertThat(header("chronyd-server.reply").originTime())
                .isEqualTo(header("chronyd-server.request").transmitTime());
    }

    @Test
    void chronydTimestampsFollowTheExchange() {
        NtpHeader reply = header("chronyd-server.reply");

        assertThat(reply.receiveTime().minusNanos(reply.originTime())).isBetween(0L, ONE_SECOND_NANOS);
        assertThat(reply.transmitTime().minusNanos(reply.receiveTime())).isBetween(0L, ONE_SECOND_NANOS);
        assertThat(reply.receiveTime().minusNanos(reply.referenceTime())).isBetween(0L, 60 * ONE_SECOND_NANOS);
    }

    @Test
    void chronydLocalReferenceHasNoRootDelayAndLittleDispersion() {
        NtpHeader reply = header("chronyd-server.reply");

        assertThat(reply.rootDelay()).isEqualTo(NtpShort.ZERO);
        assertThat(reply.rootDispersion().toSeconds()).isLessThan(1.0);
    }

    @Test
    void ntpsecOrphanAnswersAsStratum8WithLoopbackReferenceIdAndNoReferenceTime() {
        NtpHeader reply = header("ntpsec-server.reply");

        assertThat(reply.leap()).isEqualTo(LeapIndicator.NO_WARNING);
        assertThat(reply.mode()).isEqualTo(Mode.SERVER);
        assertThat(reply.stratum()).isEqualTo(8);
        assertThat(reply.referenceId().display(reply.stratum())).isEqualTo("127.0.0.1");
        assertThat(reply.referenceTime().isZero()).isTrue();
    }

    @Test
    void ntpsecEchoesRequestTransmitTimeAsOrigin() {
        NtpHeader reply = header("ntpsec-server.reply");

        assertThat(reply.originTime()).isEqualTo(header("ntpsec-server.request").transmitTime());
        assertThat(reply.receiveTime().minusNanos(reply.originTime())).isBetween(0L, ONE_SECOND_NANOS);
        assertThat(reply.transmitTime().minusNanos(reply.receiveTime())).isBetween(0L, ONE_SECOND_NANOS);
    }

    @Test
    void headerViewReadsTheOriginEchoFromRealBytes() {
        ByteBuffer request = ByteBuffer.wrap(bytes("ntpsec-server.request"));
        ByteBuffer reply = ByteBuffer.wrap(bytes("ntpsec-server.reply"));

        assertThat(HeaderView.originTimeBits(reply)).isEqualTo(HeaderView.transmitTimeBits(request));
        assertThat(HeaderView.stratum(reply)).isEqualTo(8);
        assertThat(HeaderView.mode(reply)).isEqualTo(Mode.SERVER);
    }

    @Test
    void unsynchronizedNtpsecAnswersWithInitKissCode() {
        NtpHeader reply = header("ntpsec-server-unsynchronized.reply");

        assertThat(reply.leap()).isEqualTo(LeapIndicator.UNSYNCHRONIZED);
        assertThat(reply.isKissOfDeath()).isTrue();
        assertThat(reply.referenceId().asKissCode()).isEqualTo(KissCode.INIT);
        assertThat(reply.referenceId().display(reply.stratum())).isEqualTo(".INIT.");
        assertThat(reply.originTime()).isEqualTo(header("ntpsec-server-unsynchronized.request").transmitTime());
    }

    @Test
    void ntpsecRateKissOfDeathIsWhatKissOfDeathBuilds() {
        NtpHeader request = header("ntpsec-kod-rate.request");

        assertThat(header("ntpsec-kod-rate.reply")).isEqualTo(NtpHeader.kissOfDeath(request, KissCode.RATE, 0));
    }

    @Test
    void rewritingTheRequestInPlaceGivesNtpsecsKissOfDeathBytes() {
        ByteBuffer buf = ByteBuffer.wrap(bytes("ntpsec-kod-rate.request"));

        HeaderView.rewriteAsKissOfDeath(buf, KissCode.RATE.referenceId().bits(), 0);

        assertThat(buf.array()).isEqualTo(bytes("ntpsec-kod-rate.reply"));
    }

    /** A version 4 client request with the given first-word fields, zero elsewhere but the transmit time. */
    private static NtpHeader clientRequest(LeapIndicator leap, int poll, int precision, NtpTimestamp transmit) {
        return new NtpHeader(leap, 4, Mode.CLIENT, 0, poll, precision, NtpShort.ZERO, NtpShort.ZERO,
                ReferenceId.NONE, NtpTimestamp.ZERO, NtpTimestamp.ZERO, NtpTimestamp.ZERO, transmit);
    }

    @Test
    void ntpdigSendsUnsynchronizedVersion4RequestWithOnlyTransmitTime() {
        NtpHeader request = header("ntpdig.request");

        assertThat(request).isEqualTo(clientRequest(LeapIndicator.UNSYNCHRONIZED, 0, 0, request.transmitTime()));
        assertThat(request.transmitTime().isZero()).isFalse();
    }

    @Test
    void chronydClientSendsPollPrecisionAndTransmitTimeOnly() {
        NtpHeader request = header("chronyd-client.request");

        assertThat(request).isEqualTo(clientRequest(LeapIndicator.NO_WARNING, 6, 32, request.transmitTime()));
        assertThat(request.transmitTime().isZero()).isFalse();
    }
}
