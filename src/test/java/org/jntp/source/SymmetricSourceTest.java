package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.jntp.config.Association;
import org.jntp.config.AssociationOptions;
import org.jntp.config.AssociationType;
import org.jntp.config.ServerAddress;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.junit.jupiter.api.Test;

/**
 * Two peers, A and B, each with a symmetric active association with the other. Both read the
 * same monotonic clock; B's clock is half a second ahead of A's, and packets take 10 ms each way.
 */
class SymmetricSourceTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long START = 5_000 * SECOND;
    private static final long A_CLOCK_OFFSET_NANOS = 1_795_681_550_123_456_789L;
    private static final long B_AHEAD_NANOS = 500 * MS;
    private static final long ONE_WAY_NANOS = 10 * MS;
    private static final PollSettings SETTINGS = new PollSettings(6, 10, 4, false, false, false);
    private static final LocalSystem SYNCHRONIZED = new LocalSystem(LeapIndicator.NO_WARNING, 3, -20, 0.5, 0.25,
            new ReferenceId(0xC000_0201), A_CLOCK_OFFSET_NANOS + START - 100 * SECOND);

    private final FixedRandom random = new FixedRandom(0);
    private final SymmetricSource a = new SymmetricSource(SETTINGS, -22, START);
    private final SymmetricSource b = new SymmetricSource(SETTINGS, -22, START + SECOND);

    private static long clockA(long monoNanos) {
        return monoNanos + A_CLOCK_OFFSET_NANOS;
    }

    private static long clockB(long monoNanos) {
        return clockA(monoNanos) + B_AHEAD_NANOS;
    }

    private long clockOf(SymmetricSource peer, long monoNanos) {
        return peer == a ? clockA(monoNanos) : clockB(monoNanos);
    }

    /** {@code from} polls at its next poll time; returns its packet. */
    private Request send(SymmetricSource from) {
        long sent = from.nextPollMonoNanos();
        return from.poll(sent, clockOf(from, sent), random, SYNCHRONIZED).orElseThrow();
    }

    /** {@code to} receives {@code header}, sent by the other peer at {@code sentMonoNanos}. */
    private Reply deliver(NtpHeader header, SymmetricSource to, long sentMonoNanos) {
        byte[] bytes = PacketBuilder.from(header).bytes();
        long arrival = sentMonoNanos + ONE_WAY_NANOS;
        return to.receive(bytes, bytes.length, clockOf(to, arrival), arrival);
    }

    private Reply exchange(SymmetricSource from, SymmetricSource to) {
        long sent = from.nextPollMonoNanos();
        return deliver(send(from).header(), to, sent);
    }

    /** A sends, B answers: B's packet is the first that A can measure from. */
    private NtpHeader answeredByB() {
        exchange(a, b);
        return send(b).header();
    }

    @Test
    void sendsMode1WithOurSystemVariables() {
        NtpHeader header = send(a).header();

        assertThat(header.mode()).isEqualTo(Mode.SYMMETRIC_ACTIVE);
        assertThat(header.version()).isEqualTo(4);
        assertThat(header.leap()).isEqualTo(LeapIndicator.NO_WARNING);
        assertThat(header.stratum()).isEqualTo(3);
        assertThat(header.poll()).isEqualTo(6);
        assertThat(header.precision()).isEqualTo(-20);
        assertThat(header.rootDelay()).isEqualTo(NtpShort.ofSeconds(0.5));
        assertThat(header.rootDispersion()).isEqualTo(NtpShort.ofSeconds(0.25));
        assertThat(header.referenceId()).isEqualTo(new ReferenceId(0xC000_0201));
        assertThat(header.referenceTime()).isEqualTo(NtpTimestamp.ofUnixNanos(SYNCHRONIZED.referenceTimeNanos()));
        assertThat(header.transmitTime()).isEqualTo(NtpTimestamp.ofUnixNanos(clockA(START)));
    }

    @Test
    void sendsAnUnsynchronizedSystemAsStratum0AndNoReferenceTime() {
        NtpHeader header = a.poll(START, clockA(START), random, LocalSystem.unsynchronized(-20)).orElseThrow()
                .header();

        assertThat(header.leap()).isEqualTo(LeapIndicator.UNSYNCHRONIZED);
        assertThat(header.stratum()).isZero();
        assertThat(header.referenceId()).isEqualTo(ReferenceId.ofAscii("INIT"));
        assertThat(header.referenceTime()).isEqualTo(NtpTimestamp.ZERO);
    }

    @Test
    void sendsZeroOriginAndReceiveBeforeHearingThePeer() {
        NtpHeader header = send(a).header();

        assertThat(header.originTime()).isEqualTo(NtpTimestamp.ZERO);
        assertThat(header.receiveTime()).isEqualTo(NtpTimestamp.ZERO);
    }

    @Test
    void echoesThePeersTransmitTimeAndWhenItArrived() {
        NtpHeader fromA = send(a).header();
        deliver(fromA, b, START);

        NtpHeader fromB = send(b).header();

        assertThat(fromB.originTime()).isEqualTo(fromA.transmitTime());
        assertThat(fromB.receiveTime()).isEqualTo(NtpTimestamp.ofUnixNanos(clockB(START + ONE_WAY_NANOS)));
    }

    @Test
    void rejectsThePeersFirstPacketForItsZeroOrigin() {
        send(b);

        assertThat(exchange(a, b)).isEqualTo(Reply.Rejected.of(RejectReason.BOGUS));
    }

    @Test
    void twoPeersMeasureEachOther() {
        long bSent = START + SECOND;
        Reply.Measured atA = (Reply.Measured) deliver(answeredByB(), a, bSent);
        Reply.Measured atB = (Reply.Measured) exchange(a, b);

        assertThat(atA.sample().offsetSeconds()).isCloseTo(0.5, within(1e-12));
        assertThat(atA.sample().delaySeconds()).isCloseTo(0.020, within(1e-12));
        assertThat(atB.sample().offsetSeconds()).isCloseTo(-0.5, within(1e-12));
        assertThat(atB.sample().delaySeconds()).isCloseTo(0.020, within(1e-12));
    }

    @Test
    void reportsThePeersSystemVariables() {
        Reply.Measured measured = (Reply.Measured) deliver(answeredByB(), a, START + SECOND);

        assertThat(measured.variables().stratum()).isEqualTo(3);
        assertThat(measured.variables().rootDelaySeconds()).isEqualTo(0.5);
    }

    @Test
    void marksThePeerReachable() {
        deliver(answeredByB(), a, START + SECOND);

        assertThat(a.reach()).isEqualTo(1);
    }

    @Test
    void takesSymmetricPassivePackets() {
        NtpHeader passive = PacketBuilder.from(answeredByB()).mode(Mode.SYMMETRIC_PASSIVE).header();

        assertThat(deliver(passive, a, START + SECOND)).isInstanceOf(Reply.Measured.class);
    }

    @Test
    void rejectsServerReplies() {
        NtpHeader server = PacketBuilder.from(answeredByB()).mode(Mode.SERVER).header();

        assertThat(deliver(server, a, START + SECOND)).isEqualTo(Reply.Rejected.of(RejectReason.WRONG_MODE));
    }

    @Test
    void rejectsAPacketWhoseOriginIsNotOurLastTransmit() {
        NtpHeader fromB = answeredByB();
        send(a);

        assertThat(deliver(fromB, a, START + SECOND)).isEqualTo(Reply.Rejected.of(RejectReason.BOGUS));
    }

    @Test
    void rejectsADuplicate() {
        NtpHeader fromB = answeredByB();
        deliver(fromB, a, START + SECOND);

        assertThat(deliver(fromB, a, START + SECOND)).isEqualTo(Reply.Rejected.of(RejectReason.DUPLICATE));
    }

    @Test
    void rejectsASecondPacketAnsweringTheSameTransmit() {
        deliver(answeredByB(), a, START + SECOND);

        assertThat(exchange(b, a)).isEqualTo(Reply.Rejected.of(RejectReason.BOGUS));
    }

    @Test
    void rejectsAZeroTransmitTime() {
        NtpHeader zero = PacketBuilder.from(answeredByB()).transmit(NtpTimestamp.ZERO).header();

        assertThat(deliver(zero, a, START + SECOND)).isEqualTo(Reply.Rejected.of(RejectReason.ZERO_TIMESTAMP));
    }

    @Test
    void rejectsAnUnsynchronizedPeer() {
        exchange(a, b);
        long sent = b.nextPollMonoNanos();
        NtpHeader fromB = b.poll(sent, clockB(sent), random, LocalSystem.unsynchronized(-20)).orElseThrow().header();

        assertThat(deliver(fromB, a, sent)).isEqualTo(Reply.Rejected.of(RejectReason.UNSYNCHRONIZED));
        assertThat(a.reach()).isZero();
    }

    @Test
    void takesNoKissFromAPeer() {
        NtpHeader deny = PacketBuilder.from(answeredByB()).leap(LeapIndicator.UNSYNCHRONIZED).stratum(0)
                .referenceId(ReferenceId.ofAscii("DENY")).header();

        assertThat(deliver(deny, a, START + SECOND)).isEqualTo(Reply.Rejected.of(RejectReason.UNSYNCHRONIZED));
        assertThat(a.isDenied()).isFalse();
    }

    @Test
    void isMadeFromAPeerLine() {
        Association line = new Association(AssociationType.PEER,
                new ServerAddress.HostName("peer.example", Optional.empty()), AssociationOptions.none());

        assertThat(SymmetricSource.of(line, -20, START).maxPollLog2()).isEqualTo(10);
    }

    @Test
    void isNotMadeFromAServerLine() {
        Association line = new Association(AssociationType.SERVER,
                new ServerAddress.HostName("ntp.example", Optional.empty()), AssociationOptions.none());

        assertThatThrownBy(() -> SymmetricSource.of(line, -20, START)).isInstanceOf(IllegalArgumentException.class);
    }
}
