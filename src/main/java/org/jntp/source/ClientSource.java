package org.jntp.source;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jntp.config.Association;
import org.jntp.config.AssociationFlag;
import org.jntp.config.AssociationType;
import org.jntp.discipline.NtpConstants;
import org.jntp.discipline.Sample;
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
 * <p>With {@code xleave}, interleaved mode (RFC 9769 section 2, as chrony's client has it): once a
 * reply came, the next request carries the server's receive timestamp of it as origin and our own
 * as receive timestamp. A server that does interleaved mode answers with origin = that receive
 * timestamp and, as transmit timestamp, when its previous reply really left; the sample is then
 * that previous exchange's, with the better T3, and with T1 taken after our send as the server
 * takes that T3. A basic reply (origin = our transmit) is measured as ever; after
 * {@link #BASIC_REPLIES_BEFORE_FALLBACK} of them in a row the association sends basic requests
 * only. A request left unanswered starts over with a basic one.
 *
 * <p>An {@code nts} association has an {@link NtsSession}: the driver seals each request with it
 * and hands on only the replies it finds authentic (RFC 8915).
 *
 * <p>As in ntpd, only a reply that passes every test sets the reachability bit: an unsynchronized
 * server (leap 3, stratum 16, or a kiss code other than RATE, DENY and RSTR, such as INIT) is
 * heard, so its poll becomes the peer poll, but it stays unreachable, as ntpq shows such servers.
 */
public final class ClientSource extends Source {
    /** Basic replies in a row to interleaved requests after which the server is taken not to do interleaved mode. */
    static final int BASIC_REPLIES_BEFORE_FALLBACK = 4;

    private final int version;
    private final Optional<NtsSession> nts;
    private boolean interleaved;

    private long lastRequestId;
    private long outstandingId;
    private long outstandingTransmitBits;
    private long outstandingClockNanos;
    /** Our clock right after the outstanding request was sent: its T1 for an interleaved sample. */
    private long outstandingAfterSendNanos;
    private long lastReplyTransmitBits;
    /** Our receive timestamp sent in the outstanding request, 0 when it is a basic one. */
    private long outstandingReceiveBits;
    /** The exchange the outstanding interleaved request asks the server's transmit time of. */
    private Exchange outstandingPrevious;
    /** The last exchange a reply completed, for the next interleaved request; null when there is none. */
    private Exchange previous;
    private int basicRepliesInARow;

    /**
     * One completed exchange, kept for interleaved mode until the server says when its reply left.
     *
     * @param t1Nanos          our clock right after the request was sent
     * @param receiveBits      the server's receive timestamp of the request, as its reply carried it
     * @param t4Nanos          our clock when the reply arrived
     * @param correctedSeconds how far our clock had been corrected by then (see {@link #receive})
     */
    private record Exchange(long t1Nanos, long receiveBits, long t4Nanos, double correctedSeconds) {}

    /**
     * A basic-mode association.
     *
     * @param settings           poll limits, version and burst flags
     * @param precisionLog2      precision of our clock, log2 seconds
     * @param firstPollMonoNanos when to send the first request; ntpd spaces the associations it
     *                           starts with one second apart
     */
    public ClientSource(PollSettings settings, int precisionLog2, long firstPollMonoNanos) {
        this(settings, precisionLog2, firstPollMonoNanos, false);
    }

    /**
     * An association in interleaved mode, or in basic mode.
     *
     * @param settings           poll limits, version and burst flags
     * @param precisionLog2      precision of our clock, log2 seconds
     * @param firstPollMonoNanos when to send the first request
     * @param interleaved        ask for interleaved mode ({@code xleave})
     */
    public ClientSource(PollSettings settings, int precisionLog2, long firstPollMonoNanos, boolean interleaved) {
        this(settings, precisionLog2, firstPollMonoNanos, interleaved, Optional.empty());
    }

    private ClientSource(PollSettings settings, int precisionLog2, long firstPollMonoNanos, boolean interleaved,
            Optional<NtsSession> nts) {
        super(settings, precisionLog2, firstPollMonoNanos);
        this.version = settings.version();
        this.interleaved = interleaved;
        this.nts = nts;
    }

    /** The association of a {@code server} or {@code pool} line, interleaved with {@code xleave}. */
    public static ClientSource of(Association association, int precisionLog2, long firstPollMonoNanos) {
        if (association.type() == AssociationType.PEER || association.isRefclock()) {
            throw new IllegalArgumentException("not a client association: " + association);
        }
        return new ClientSource(PollSettings.of(association.options()), precisionLog2, firstPollMonoNanos,
                association.options().has(AssociationFlag.XLEAVE),
                association.options().has(AssociationFlag.NTS) ? Optional.of(new NtsSession()) : Optional.empty());
    }

    /** The NTS state of an {@code nts} association: its requests go out sealed, and only authentic replies count. */
    public Optional<NtsSession> nts() {
        return nts;
    }

    /** True while the association sends interleaved requests: {@code xleave}, and the server did not fail it. */
    public boolean isInterleaved() {
        return interleaved;
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
        if (outstandingId != 0) {
            // the last request went unanswered: the server's exchange with us is no longer the one kept
            previous = null;
        }
        Exchange interleavedOn = interleaved ? previous : null;
        long receiveBits = interleavedOn == null ? 0 : NtpTimestamp.bitsOfUnixNanos(interleavedOn.t4Nanos());
        long transmitBits = random.nextLong();
        while (transmitBits == 0 || transmitBits == receiveBits) {
            transmitBits = random.nextLong();
        }
        outstandingId = ++lastRequestId;
        outstandingTransmitBits = transmitBits;
        outstandingReceiveBits = receiveBits;
        outstandingPrevious = interleavedOn;
        outstandingClockNanos = clockNanos;
        outstandingAfterSendNanos = clockNanos;
        countSent();
        NtpHeader header = new NtpHeader(LeapIndicator.NO_WARNING, version, Mode.CLIENT, 0, poll.hostPoll(), 0,
                NtpShort.ZERO, NtpShort.ZERO, ReferenceId.NONE, NtpTimestamp.ZERO,
                new NtpTimestamp(interleavedOn == null ? 0 : interleavedOn.receiveBits()), new NtpTimestamp(receiveBits),
                new NtpTimestamp(transmitBits));
        return new Request(outstandingId, header, unreachable);
    }

    /**
     * Records when request {@code requestId} really left, as our clock read right before and right
     * after the send (both the kernel's transmit stamp, where the sender has one): the request's
     * transmit field holds random bits, not T1, so T1 can be taken as late as the sender can,
     * instead of when {@link #poll} built the packet. A basic sample takes
     * the reading before the send, as the server stamps its basic T3 before its own; an interleaved
     * one the reading after, as the server's T3 then is. Ignored for any request but the
     * outstanding one.
     */
    public void transmitted(long requestId, long beforeSendNanos, long afterSendNanos) {
        if (outstandingId != 0 && requestId == outstandingId) {
            outstandingClockNanos = beforeSendNanos;
            outstandingAfterSendNanos = afterSendNanos;
        }
    }

    /**
     * Whether request {@code requestId} still waits for its reply: no datagram taken so far answered
     * it. A forgery or a stray that came first leaves it waiting for the genuine reply.
     */
    public boolean awaits(long requestId) {
        return outstandingId != 0 && outstandingId == requestId;
    }

    /**
     * Judges a datagram that came back for request {@code requestId}, and updates reachability
     * and the poll schedule. Never throws on bad input.
     *
     * @param datagram            the bytes received, from index 0
     * @param length              how many of them
     * @param requestId           the {@link Request#id} of the request it answers
     * @param clockNanosAtReceive our clock when it arrived (Unix ns): T4
     * @param correctedSeconds    how far the corrections made to our clock (slews as far as they
     *                            went, steps) have moved it so far, a running total: an interleaved
     *                            sample is of the previous exchange, and is brought forward by what
     *                            the clock was corrected by since
     * @param monoNanos           the monotonic clock when it arrived
     */
    public Reply receive(byte[] datagram, int length, long requestId, long clockNanosAtReceive,
            double correctedSeconds, long monoNanos) {
        return record(judge(datagram, length, requestId, clockNanosAtReceive, correctedSeconds, monoNanos));
    }

    private Reply judge(byte[] datagram, int length, long requestId, long clockNanosAtReceive,
            double correctedSeconds, long monoNanos) {
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
        long originBits = header.originTime().bits();
        boolean interleavedReply = outstandingReceiveBits != 0 && originBits == outstandingReceiveBits;
        if (outstandingId == 0 || requestId != outstandingId
                || (originBits != outstandingTransmitBits && !interleavedReply)) {
            return Reply.Rejected.of(RejectReason.BOGUS);
        }
        outstandingId = 0;
        lastReplyTransmitBits = header.transmitTime().bits();
        Exchange completed = new Exchange(outstandingAfterSendNanos, header.receiveTime().bits(),
                clockNanosAtReceive, correctedSeconds);
        previous = header.isKissOfDeath() ? null : completed;
        if (header.isKissOfDeath() && header.leap() == LeapIndicator.UNSYNCHRONIZED) {
            return kiss(header, monoNanos);
        }
        if (header.isKissOfDeath()) {
            poll.heard(monoNanos, header.poll());
            return Reply.Rejected.of(RejectReason.STRATUM_ZERO_WITHOUT_KISS);
        }
        if (interleavedReply) {
            basicRepliesInARow = 0;
            return measureInterleaved(header, outstandingPrevious, completed, monoNanos);
        }
        if (outstandingReceiveBits != 0 && ++basicRepliesInARow >= BASIC_REPLIES_BEFORE_FALLBACK) {
            interleaved = false;
        }
        return measure(header, outstandingClockNanos, clockNanosAtReceive, monoNanos);
    }

    /**
     * The sample of the exchange before: its T1, T2 and T4 with the T3 this reply brings. It is
     * dated now, with its age: the corrections made to our clock since are taken off its offset
     * (the drift of that time the discipline estimates from the age), and its dispersion grows by
     * PHI for its age.
     */
    private Reply measureInterleaved(NtpHeader header, Exchange before, Exchange now, long monoNanos) {
        Reply reply = measure(header, before.t1Nanos(), before.receiveBits(), header.transmitTime().bits(),
                before.t4Nanos(), monoNanos);
        if (!(reply instanceof Reply.Measured(Sample sample, PeerVariables variables, _))) {
            return reply;
        }
        double ageSeconds = Math.max(0, now.t4Nanos() - before.t4Nanos()) * 1e-9;
        Sample current = new Sample(sample.offsetSeconds() - (now.correctedSeconds() - before.correctedSeconds()),
                sample.delaySeconds(), sample.dispersionSeconds() + NtpConstants.PHI * ageSeconds, now.t4Nanos());
        return new Reply.Measured(current, variables, ageSeconds);
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
