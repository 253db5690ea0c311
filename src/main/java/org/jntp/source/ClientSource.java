package org.jntp.source;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jntp.config.Association;
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
 * <p>Not thread-safe; one driver thread owns it.
 */
public final class ClientSource {
    private final PollProcess poll;
    private final int version;
    private final int precisionLog2;

    private long lastRequestId;
    private long outstandingId;
    private long outstandingTransmitBits;
    private long outstandingClockNanos;
    private long lastReplyTransmitBits;
    private Reply lastReply;

    private long sent;
    private long received;
    private long processed;
    private long bogus;
    private long duplicate;
    private long kissOfDeath;
    private long rejected;

    /**
     * @param settings           poll limits, version and burst flags
     * @param precisionLog2      precision of our clock, log2 seconds
     * @param firstPollMonoNanos when to send the first request; ntpd spaces the associations it
     *                           starts with one second apart
     */
    public ClientSource(PollSettings settings, int precisionLog2, long firstPollMonoNanos) {
        this.poll = new PollProcess(settings, firstPollMonoNanos);
        this.version = settings.version();
        this.precisionLog2 = precisionLog2;
    }

    /** The association of a {@code server} or {@code pool} line. */
    public static ClientSource of(Association association, int precisionLog2, long firstPollMonoNanos) {
        if (association.type() == AssociationType.PEER || association.isRefclock()) {
            throw new IllegalArgumentException("not a client association: " + association);
        }
        return new ClientSource(PollSettings.of(association.options()), precisionLog2, firstPollMonoNanos);
    }

    /** When {@link #poll} next has a request to send; {@link Long#MAX_VALUE} once denied. Changes on receive too. */
    public long nextPollMonoNanos() {
        return poll.nextPollMonoNanos();
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
        long transmitBits = random.nextLong();
        while (transmitBits == 0) {
            transmitBits = random.nextLong();
        }
        outstandingId = ++lastRequestId;
        outstandingTransmitBits = transmitBits;
        outstandingClockNanos = clockNanos;
        sent++;
        NtpHeader header = new NtpHeader(LeapIndicator.NO_WARNING, version, Mode.CLIENT, 0, poll.hostPoll(), 0,
                NtpShort.ZERO, NtpShort.ZERO, ReferenceId.NONE, NtpTimestamp.ZERO, NtpTimestamp.ZERO,
                NtpTimestamp.ZERO, new NtpTimestamp(transmitBits));
        return Optional.of(new Request(outstandingId, header, unreachable));
    }

    /**
     * Judges a datagram that came back for request {@code requestId}, and updates reachability
     * and the poll schedule. Never throws on bad input.
     *
     * @param datagram              the bytes received, from index 0
     * @param length                how many of them
     * @param requestId             the {@link Request#id} of the request it answers
     * @param clockNanosAtReceive   our clock when it arrived (Unix ns): T4
     * @param monoNanos             the monotonic clock when it arrived
     */
    public Reply receive(byte[] datagram, int length, long requestId, long clockNanosAtReceive, long monoNanos) {
        received++;
        Reply reply = judge(datagram, length, requestId, clockNanosAtReceive, monoNanos);
        switch (reply) {
            case Reply.Measured measured -> processed++;
            case Reply.KissOfDeath kiss -> kissOfDeath++;
            case Reply.Rejected(RejectReason reason) -> {
                rejected++;
                if (reason == RejectReason.BOGUS) {
                    bogus++;
                } else if (reason == RejectReason.DUPLICATE) {
                    duplicate++;
                }
            }
        }
        lastReply = reply;
        return reply;
    }

    private Reply judge(byte[] datagram, int length, long requestId, long clockNanosAtReceive, long monoNanos) {
        NtpHeader header;
        switch (NtpPacket.parse(ByteBuffer.wrap(datagram, 0, length))) {
            case ParseResult.Malformed(ParseError error) -> {
                return Reply.Rejected.of(error == ParseError.UNSUPPORTED_VERSION
                        ? RejectReason.UNSUPPORTED_VERSION : RejectReason.MALFORMED);
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
        return answer(header, clockNanosAtReceive, monoNanos);
    }

    /** The tests and actions for a genuine answer to the outstanding request. */
    private Reply answer(NtpHeader header, long clockNanosAtReceive, long monoNanos) {
        if (header.isKissOfDeath()) {
            if (header.leap() != LeapIndicator.UNSYNCHRONIZED) {
                poll.heard(monoNanos, header.poll());
                return Reply.Rejected.of(RejectReason.STRATUM_ZERO_WITHOUT_KISS);
            }
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
        poll.heard(monoNanos, header.poll());
        if (header.leap() == LeapIndicator.UNSYNCHRONIZED || header.stratum() >= NtpConstants.MAXSTRAT) {
            return Reply.Rejected.of(RejectReason.UNSYNCHRONIZED);
        }
        if (header.rootDelay().toSeconds() / 2 + header.rootDispersion().toSeconds() >= NtpConstants.MAXDISP) {
            return Reply.Rejected.of(RejectReason.ROOT_DISTANCE);
        }
        long t1 = outstandingClockNanos;
        long t2 = NtpTimestamp.unixNanosOfBits(header.receiveTime().bits(), t1);
        long t3 = NtpTimestamp.unixNanosOfBits(header.transmitTime().bits(), t1);
        Sample sample = OnWire.sample(t1, t2, t3, clockNanosAtReceive, header.precision(), precisionLog2);
        poll.reached(monoNanos);
        return new Reply.Measured(sample, PeerVariables.of(header));
    }

    /**
     * The poll exponent the discipline chose for the system; taken as host poll at the next poll
     * while the source is reachable, within [minpoll, maxpoll].
     */
    public void setSystemPoll(int systemPollLog2) {
        poll.setSystemPoll(systemPollLog2);
    }

    /**
     * As {@link #setSystemPoll}, for the system peer: ntpd applies it at once and reschedules the
     * next poll, so a shorter interval takes effect now rather than after the current long one.
     */
    public void updateAsSystemPeer(int systemPollLog2, long monoNanos) {
        poll.updateAsSystemPeer(systemPollLog2, monoNanos);
    }

    /** The reachability register: bit 0 is the latest poll, set when it got a usable reply. */
    public int reach() {
        return poll.reach();
    }

    /** Host poll exponent (ntpq's {@code hpoll}), log2 seconds. */
    public int hostPollLog2() {
        return poll.hostPoll();
    }

    /** Peer poll exponent (ntpq's {@code ppoll}): the source's poll, at least our minpoll. */
    public int peerPollLog2() {
        return poll.peerPoll();
    }

    /** Current minpoll: the configured one, or higher after a RATE kiss. */
    public int minPollLog2() {
        return poll.minPoll();
    }

    /** Configured maxpoll. */
    public int maxPollLog2() {
        return poll.maxPoll();
    }

    /**
     * Polls since the last one that found a reply in the reachability register (ntpd's
     * {@code unreach}; for a {@code preempt} association, polls since the first). From 10 on, each
     * poll raises the host poll; the daemon may drop a preemptible association on it.
     */
    public int unreachCount() {
        return poll.unreach();
    }

    /** Packets still to send in the current volley. */
    public int burstRemaining() {
        return poll.burst();
    }

    /** True after a DENY or RSTR kiss: the association polls no more. */
    public boolean isDenied() {
        return poll.isStopped();
    }

    /** What the last datagram handed in came to. */
    public Optional<Reply> lastReply() {
        return Optional.ofNullable(lastReply);
    }

    /** The packet counters so far. */
    public SourceCounters counters() {
        return new SourceCounters(sent, received, processed, bogus, duplicate, kissOfDeath, rejected);
    }
}
