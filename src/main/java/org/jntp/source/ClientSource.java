package org.jntp.source;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jntp.config.Association;
import org.jntp.config.AssociationType;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpPacket;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ParseError;
import org.jntp.protocol.ParseResult;
import org.jntp.protocol.ReferenceId;

/**
 * One client association (a {@code server} line, or one server of a {@code pool}): the poll
 * process that decides when to ask, and the peer process that judges each reply. Requests are
 * data-minimised as chrony sends them and draft-ietf-ntp-data-minimization asks: version, mode 3
 * and poll, every other field zero, and 64 random bits as transmit timestamp, so that only a reply
 * from someone who saw the request can echo them. The real send time is kept here as T1.
 *
 * <p>Only the latest request is outstanding: a reply to an earlier one, a second reply to the
 * same one, or anything once a reply was taken is {@link RejectReason#BOGUS}.
 *
 * <p>As in ntpd, only a reply that passes every test sets the reachability bit: an unsynchronized
 * server (leap 3, stratum 16, or a kiss code other than RATE, DENY and RSTR, such as INIT) is
 * heard, so its poll becomes the peer poll, but it stays unreachable, as ntpq shows such servers.
 */
public final class ClientSource extends Source {
    private final int version;

    private long lastRequestId;
    private long outstandingId;
    private long outstandingTransmitBits;
    private long outstandingClockNanos;
    private long lastReplyTransmitBits;

    /**
     * @param settings           poll limits, version and burst flags
     * @param precisionLog2      precision of our clock, log2 seconds
     * @param firstPollMonoNanos when to send the first request; ntpd spaces the associations it
     *                           starts with one second apart
     */
    public ClientSource(PollSettings settings, int precisionLog2, long firstPollMonoNanos) {
        super(settings, precisionLog2, firstPollMonoNanos);
        this.version = settings.version();
    }

    /** The association of a {@code server} or {@code pool} line. */
    public static ClientSource of(Association association, int precisionLog2, long firstPollMonoNanos) {
        if (association.type() == AssociationType.PEER || association.isRefclock()) {
            throw new IllegalArgumentException("not a client association: " + association);
        }
        return new ClientSource(PollSettings.of(association.options()), precisionLog2, firstPollMonoNanos);
    }

    /**
     * The request to send now, if a poll is due. It replaces any request still outstanding.
     *
     * @param monoNanos  the monotonic clock now
     * @param clockNanos our clock now (Unix ns), kept as T1
     * @param random     source of the transmit timestamp's bits and the poll interval's jitter
     */
    public Optional<Request> poll(long monoNanos, long clockNanos, RandomGenerator random) {
        if (!poll.isDue(monoNanos)) {
            return Optional.empty();
        }
        boolean unreachable = poll.transmit(monoNanos, random);
        return Optional.of(request(clockNanos, random, unreachable));
    }

    /**
     * A request to send now outside the poll schedule, as ntpdate sends its samples one after
     * another: it replaces any request still outstanding, and leaves reachability and the poll
     * process as they are.
     *
     * @param clockNanos our clock now (Unix ns), kept as T1
     * @param random     source of the transmit timestamp's bits
     */
    public Request query(long clockNanos, RandomGenerator random) {
        return request(clockNanos, random, false);
    }

    private Request request(long clockNanos, RandomGenerator random, boolean unreachable) {
        long transmitBits = random.nextLong();
        while (transmitBits == 0) {
            transmitBits = random.nextLong();
        }
        outstandingId = ++lastRequestId;
        outstandingTransmitBits = transmitBits;
        outstandingClockNanos = clockNanos;
        countSent();
        NtpHeader header = new NtpHeader(LeapIndicator.NO_WARNING, version, Mode.CLIENT, 0, poll.hostPoll(), 0,
                NtpShort.ZERO, NtpShort.ZERO, ReferenceId.NONE, NtpTimestamp.ZERO, NtpTimestamp.ZERO,
                NtpTimestamp.ZERO, new NtpTimestamp(transmitBits));
        return new Request(outstandingId, header, unreachable);
    }

    /**
     * Records when request {@code requestId} really left, as our clock read right before the send:
     * the request's transmit field holds random bits, not T1, so T1 can be taken as late as the
     * sender can, instead of when {@link #poll} built the packet. Ignored for any request but the
     * outstanding one.
     */
    public void transmitted(long requestId, long clockNanos) {
        if (outstandingId != 0 && requestId == outstandingId) {
            outstandingClockNanos = clockNanos;
        }
    }

    /**
     * Judges a datagram that came back for request {@code requestId}, and updates reachability
     * and the poll schedule. Never throws on bad input.
     *
     * @param datagram            the bytes received, from index 0
     * @param length              how many of them
     * @param requestId           the {@link Request#id} of the request it answers
     * @param clockNanosAtReceive our clock when it arrived (Unix ns): T4
     * @param monoNanos           the monotonic clock when it arrived
     */
    public Reply receive(byte[] datagram, int length, long requestId, long clockNanosAtReceive, long monoNanos) {
        return record(judge(datagram, length, requestId, clockNanosAtReceive, monoNanos));
    }

    private Reply judge(byte[] datagram, int length, long requestId, long clockNanosAtReceive, long monoNanos) {
        NtpHeader header;
        switch (NtpPacket.parse(ByteBuffer.wrap(datagram, 0, length))) {
            case ParseResult.Malformed(ParseError error) -> {
                return malformed(error);
            }
            case ParseResult.Parsed(NtpPacket packet) -> header = packet.header();
        }
        if (header.mode() != Mode.SERVER) {
            return Reply.Rejected.of(RejectReason.WRONG_MODE);
        }
        if (header.transmitTime().isZero() || header.receiveTime().isZero()) {
            return Reply.Rejected.of(RejectReason.ZERO_TIMESTAMP);
        }
        if (header.transmitTime().bits() == lastReplyTransmitBits) {
            return Reply.Rejected.of(RejectReason.DUPLICATE);
        }
        if (outstandingId == 0 || requestId != outstandingId
                || header.originTime().bits() != outstandingTransmitBits) {
            return Reply.Rejected.of(RejectReason.BOGUS);
        }
        outstandingId = 0;
        lastReplyTransmitBits = header.transmitTime().bits();
        if (header.isKissOfDeath() && header.leap() == LeapIndicator.UNSYNCHRONIZED) {
            return kiss(header, monoNanos);
        }
        if (header.isKissOfDeath()) {
            poll.heard(monoNanos, header.poll());
            return Reply.Rejected.of(RejectReason.STRATUM_ZERO_WITHOUT_KISS);
        }
        return measure(header, outstandingClockNanos, clockNanosAtReceive, monoNanos);
    }

    private Reply kiss(NtpHeader header, long monoNanos) {
        KissCode code = header.referenceId().asKissCode();
        if (code.demandsSlowerPolling()) {
            poll.rateKiss(monoNanos, header.poll());
        } else if (code.demandsStop()) {
            poll.stop();
        } else {
            poll.heard(monoNanos, header.poll());
        }
        return new Reply.KissOfDeath(code);
    }
}
