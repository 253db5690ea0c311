package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jntp.source.Exchange.CLOCK_OFFSET_NANOS;
import static org.jntp.source.Exchange.START_MONO_NANOS;

import java.util.Arrays;
import org.jntp.discipline.NtpConstants;
import org.jntp.discipline.Sample;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.junit.jupiter.api.Test;

class ReplyValidationTest {
    private static final long MS = 1_000_000L;
    /** Our clock when the request left: T1. */
    private static final long T1 = START_MONO_NANOS + CLOCK_OFFSET_NANOS;
    /** The server is 250 ms ahead, 5 ms away each way, and takes 1 ms to answer. */
    private static final long T2 = T1 + 255 * MS;
    private static final long T3 = T2 + MS;
    private static final long T4 = T1 + 11 * MS;
    private static final long ARRIVAL_MONO = START_MONO_NANOS + 11 * MS;

    private final Exchange exchange = Exchange.withFlags();
    private final Request request = exchange.pollWhenDue();

    private Reply deliver(PacketBuilder reply) {
        return exchange.deliver(reply, request, ARRIVAL_MONO);
    }

    private PacketBuilder reply() {
        return PacketBuilder.replyTo(request, T2, T3);
    }

    private static Reply.Rejected rejected(RejectReason reason) {
        return Reply.Rejected.of(reason);
    }

    @Test
    void measuresOffsetDelayAndDispersionFromTheFourTimestamps() {
        Reply.Measured measured = (Reply.Measured) deliver(reply().precision(-20));

        Sample sample = measured.sample();
        assertThat(sample.offsetSeconds()).isCloseTo(0.250, within(1e-15));
        assertThat(sample.delaySeconds()).isCloseTo(0.010, within(1e-15));
        assertThat(sample.dispersionSeconds())
                .isCloseTo(Math.scalb(1.0, -20) + Math.scalb(1.0, -22) + NtpConstants.PHI * 0.011, within(1e-15));
        assertThat(sample.epochNanos()).isEqualTo(T4);
    }

    @Test
    void reportsTheServersHeader() {
        ReferenceId gps = ReferenceId.ofAscii("GPS");
        Reply.Measured measured = (Reply.Measured) deliver(reply().stratum(1).poll(7).precision(-23)
                .leap(LeapIndicator.ADD_SECOND).referenceId(gps).rootDelaySeconds(0.5).rootDispersionSeconds(0.25));

        PeerVariables variables = measured.variables();
        assertThat(variables.leap()).isEqualTo(LeapIndicator.ADD_SECOND);
        assertThat(variables.stratum()).isEqualTo(1);
        assertThat(variables.pollLog2()).isEqualTo(7);
        assertThat(variables.precisionLog2()).isEqualTo(-23);
        assertThat(variables.rootDelaySeconds()).isEqualTo(0.5);
        assertThat(variables.rootDispersionSeconds()).isEqualTo(0.25);
        assertThat(variables.referenceId()).isEqualTo(gps);
        assertThat(variables.referenceTime()).isEqualTo(NtpTimestamp.ofUnixNanos(T2 - 30 * Exchange.SECOND));
    }

    @Test
    void neverMeasuresADelayBelowOurPrecision() {
        Reply.Measured measured = (Reply.Measured) deliver(PacketBuilder.replyTo(request, T1, T1 + 11 * MS));

        assertThat(measured.sample().delaySeconds()).isEqualTo(Math.scalb(1.0, Exchange.PRECISION_LOG2));
    }

    @Test
    void takesTheDelayAbsoluteWhenTheServerClaimsMoreTimeThanTheRoundTrip() {
        Reply.Measured measured = (Reply.Measured) deliver(PacketBuilder.replyTo(request, T2, T2 + 31 * MS));

        assertThat(measured.sample().delaySeconds()).isCloseTo(0.020, within(1e-15));
    }

    @Test
    void marksTheSourceReachableOnAUsableReply() {
        deliver(reply());

        assertThat(exchange.source.reach()).isEqualTo(1);
    }

    @Test
    void rejectsADatagramShorterThanAHeader() {
        byte[] bytes = reply().bytes();

        assertThat(exchange.source.receive(bytes, 47, request.id(), T4, 0, ARRIVAL_MONO))
                .isEqualTo(rejected(RejectReason.MALFORMED));
    }

    @Test
    void rejectsAnUnsupportedVersion() {
        assertThat(deliver(reply().version(5))).isEqualTo(rejected(RejectReason.UNSUPPORTED_VERSION));
    }

    @Test
    void rejectsAnythingButAServerReply() {
        assertThat(deliver(reply().mode(Mode.SYMMETRIC_PASSIVE))).isEqualTo(rejected(RejectReason.WRONG_MODE));
    }

    @Test
    void rejectsAZeroTransmitTime() {
        assertThat(deliver(reply().transmit(NtpTimestamp.ZERO))).isEqualTo(rejected(RejectReason.ZERO_TIMESTAMP));
    }

    @Test
    void rejectsAZeroReceiveTime() {
        assertThat(deliver(reply().receive(NtpTimestamp.ZERO))).isEqualTo(rejected(RejectReason.ZERO_TIMESTAMP));
    }

    @Test
    void rejectsReplyWhoseOriginIsNotTheRandomTransmit() {
        long sent = request.header().transmitTime().bits();

        assertThat(deliver(reply().origin(new NtpTimestamp(sent ^ 1)))).isEqualTo(rejected(RejectReason.BOGUS));
    }

    @Test
    void rejectsReplyWhoseOriginIsOurRealSendTime() {
        assertThat(deliver(reply().origin(NtpTimestamp.ofUnixNanos(T1)))).isEqualTo(rejected(RejectReason.BOGUS));
    }

    @Test
    void rejectsReplyHandedBackForAnotherRequest() {
        byte[] bytes = reply().bytes();

        assertThat(exchange.source.receive(bytes, bytes.length, request.id() + 1, T4, 0, ARRIVAL_MONO))
                .isEqualTo(rejected(RejectReason.BOGUS));
    }

    @Test
    void rejectsReplyToARequestSinceReplaced() {
        exchange.pollWhenDue();

        assertThat(deliver(reply())).isEqualTo(rejected(RejectReason.BOGUS));
    }

    @Test
    void rejectsAReplayOfTheReplyTaken() {
        deliver(reply());

        assertThat(deliver(reply())).isEqualTo(rejected(RejectReason.DUPLICATE));
    }

    @Test
    void rejectsASecondAnswerToTheSameRequest() {
        deliver(reply());

        assertThat(deliver(PacketBuilder.replyTo(request, T2, T3 + MS))).isEqualTo(rejected(RejectReason.BOGUS));
    }

    @Test
    void rejectsAReplyWhenNothingWasAsked() {
        Exchange idle = Exchange.withFlags();
        byte[] bytes = reply().bytes();

        assertThat(idle.source.receive(bytes, bytes.length, 0, T4, 0, ARRIVAL_MONO))
                .isEqualTo(rejected(RejectReason.BOGUS));
    }

    @Test
    void takesAGenuineReplyAfterAForgery() {
        deliver(reply().origin(NtpTimestamp.ofUnixNanos(T1)));

        assertThat(deliver(reply())).isInstanceOf(Reply.Measured.class);
    }

    @Test
    void rejectsStratumZeroWithoutLeap3() {
        assertThat(deliver(reply().stratum(0))).isEqualTo(rejected(RejectReason.STRATUM_ZERO_WITHOUT_KISS));
    }

    @Test
    void rejectsAnUnsynchronizedLeapIndicator() {
        assertThat(deliver(reply().leap(LeapIndicator.UNSYNCHRONIZED)))
                .isEqualTo(rejected(RejectReason.UNSYNCHRONIZED));
    }

    @Test
    void rejectsStratum16() {
        assertThat(deliver(reply().stratum(16))).isEqualTo(rejected(RejectReason.UNSYNCHRONIZED));
    }

    @Test
    void takesStratum15() {
        assertThat(deliver(reply().stratum(15))).isInstanceOf(Reply.Measured.class);
    }

    @Test
    void leavesTheSourceUnreachableOnAnUnsynchronizedReply() {
        deliver(reply().stratum(16));

        assertThat(exchange.source.reach()).isZero();
    }

    @Test
    void rejectsARootDistanceOfMaxdisp() {
        assertThat(deliver(reply().rootDelaySeconds(2.0).rootDispersionSeconds(15.0)))
                .isEqualTo(rejected(RejectReason.ROOT_DISTANCE));
    }

    @Test
    void takesARootDistanceJustBelowMaxdisp() {
        assertThat(deliver(reply().rootDelaySeconds(2.0).rootDispersionSeconds(14.99)))
                .isInstanceOf(Reply.Measured.class);
    }

    @Test
    void countsWhatBecameOfEachDatagram() {
        deliver(reply().origin(NtpTimestamp.ofUnixNanos(T1)));
        deliver(reply());
        deliver(reply());
        deliver(reply().version(0));

        assertThat(exchange.source.counters()).isEqualTo(new SourceCounters(1, 4, 1, 1, 1, 0, 3));
    }

    @Test
    void remembersTheLastOutcome() {
        deliver(reply());
        deliver(reply());

        assertThat(exchange.source.lastReply()).contains(rejected(RejectReason.DUPLICATE));
    }

    @Test
    void leavesTheDatagramAsItWas() {
        byte[] bytes = reply().bytes();
        byte[] copy = Arrays.copyOf(bytes, bytes.length);

        exchange.source.receive(bytes, bytes.length, request.id(), T4, 0, ARRIVAL_MONO);

        assertThat(bytes).isEqualTo(copy);
    }
}
