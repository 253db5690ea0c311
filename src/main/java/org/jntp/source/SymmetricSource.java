package org.jntp.source;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jntp.config.Association;
import org.jntp.config.AssociationType;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpPacket;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ParseError;
import org.jntp.protocol.ParseResult;

/**
 * One symmetric active association (a {@code peer} line): RFC 5905's on-wire protocol in basic
 * mode (§8), where each side sends on its own schedule and every packet carries the other's last
 * transmit time (origin) and when it arrived (receive), so each side measures from the other's
 * packets. Our packets carry our system variables and a real clock reading as transmit time, which
 * the peer echoes and which is T1 here.
 *
 * <p>Only configured peers have one; a packet from anyone else finds no association here, and
 * whether it gets one is the daemon's decision. Packets come unsolicited, so any packet from the
 * peer's address is handed to {@link #receive}. As in RFC 5905 and ntpd, a packet with a new
 * transmit time updates the origin and receive times we send next even when it fails the origin
 * test, since the first packet of each side carries no origin; without authentication an
 * off-path forger can so disturb the exchange, but never get a sample taken.
 */
public final class SymmetricSource extends Source {
    private final int version;

    private long lastRequestId;
    private boolean awaitingAnswer;
    private long ourTransmitBits;
    private long ourTransmitClockNanos;
    private long peerTransmitBits;
    private long peerArrivalBits;

    /**
     * @param settings           poll limits, version and burst flags
     * @param precisionLog2      precision of our clock, log2 seconds
     * @param firstPollMonoNanos when to send the first packet
     */
    public SymmetricSource(PollSettings settings, int precisionLog2, long firstPollMonoNanos) {
        super(settings, precisionLog2, firstPollMonoNanos);
        this.version = settings.version();
    }

    /** The association of a {@code peer} line. */
    public static SymmetricSource of(Association association, int precisionLog2, long firstPollMonoNanos) {
        if (association.type() != AssociationType.PEER || association.isRefclock()) {
            throw new IllegalArgumentException("not a peer association: " + association);
        }
        return new SymmetricSource(PollSettings.of(association.options()), precisionLog2, firstPollMonoNanos);
    }

    /**
     * The mode 1 packet to send now, if a poll is due.
     *
     * @param monoNanos  the monotonic clock now
     * @param clockNanos our clock now (Unix ns): the packet's transmit time, and T1 for the peer's answer
     * @param random     source of the poll interval's jitter
     * @param system     what we say of ourselves
     */
    public Optional<Request> poll(long monoNanos, long clockNanos, RandomGenerator random, LocalSystem system) {
        if (!poll.isDue(monoNanos)) {
            return Optional.empty();
        }
        boolean unreachable = poll.transmit(monoNanos, random);
        awaitingAnswer = true;
        ourTransmitBits = NtpTimestamp.bitsOfUnixNanos(clockNanos);
        ourTransmitClockNanos = clockNanos;
        countSent();
        NtpTimestamp referenceTime = system.referenceTimeNanos() == 0
                ? NtpTimestamp.ZERO : NtpTimestamp.ofUnixNanos(system.referenceTimeNanos());
        NtpHeader header = new NtpHeader(system.leap(), version, Mode.SYMMETRIC_ACTIVE, system.packetStratum(),
                poll.hostPoll(), system.precisionLog2(), NtpShort.ofSeconds(system.rootDelaySeconds()),
                NtpShort.ofSeconds(system.rootDispersionSeconds()), system.referenceId(), referenceTime,
                new NtpTimestamp(peerTransmitBits), new NtpTimestamp(peerArrivalBits),
                new NtpTimestamp(ourTransmitBits));
        return Optional.of(new Request(++lastRequestId, header, unreachable));
    }

    /**
     * Judges a datagram from the peer's address, keeps its transmit time to echo, and updates
     * reachability and the poll schedule. Never throws on bad input.
     *
     * @param datagram            the bytes received, from index 0
     * @param length              how many of them
     * @param clockNanosAtReceive our clock when it arrived (Unix ns): T4
     * @param monoNanos           the monotonic clock when it arrived
     */
    public Reply receive(byte[] datagram, int length, long clockNanosAtReceive, long monoNanos) {
        return record(judge(datagram, length, clockNanosAtReceive, monoNanos));
    }

    private Reply judge(byte[] datagram, int length, long clockNanosAtReceive, long monoNanos) {
        NtpHeader header;
        switch (NtpPacket.parse(ByteBuffer.wrap(datagram, 0, length))) {
            case ParseResult.Malformed(ParseError error) -> {
                return malformed(error);
            }
            case ParseResult.Parsed(NtpPacket packet) -> header = packet.header();
        }
        if (header.mode() != Mode.SYMMETRIC_ACTIVE && header.mode() != Mode.SYMMETRIC_PASSIVE) {
            return Reply.Rejected.of(RejectReason.WRONG_MODE);
        }
        if (header.transmitTime().isZero()) {
            return Reply.Rejected.of(RejectReason.ZERO_TIMESTAMP);
        }
        if (header.transmitTime().bits() == peerTransmitBits) {
            return Reply.Rejected.of(RejectReason.DUPLICATE);
        }
        peerTransmitBits = header.transmitTime().bits();
        peerArrivalBits = NtpTimestamp.bitsOfUnixNanos(clockNanosAtReceive);
        if (!awaitingAnswer || header.originTime().bits() != ourTransmitBits) {
            return Reply.Rejected.of(RejectReason.BOGUS);
        }
        awaitingAnswer = false;
        if (header.receiveTime().isZero()) {
            return Reply.Rejected.of(RejectReason.ZERO_TIMESTAMP);
        }
        return measure(header, ourTransmitClockNanos, clockNanosAtReceive, monoNanos);
    }
}
