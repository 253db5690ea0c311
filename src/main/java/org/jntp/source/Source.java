package org.jntp.source;

import java.util.Optional;
import org.jntp.discipline.NtpConstants;
import org.jntp.discipline.Sample;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ParseError;

/**
 * One configured association with a time source: its poll process and the state ntpq shows.
 * {@link ClientSource} asks a server; {@link SymmetricSource} exchanges packets with a peer.
 *
 * <p>Not thread-safe; one driver thread owns it.
 */
public abstract sealed class Source permits ClientSource, SymmetricSource {
    final PollProcess poll;
    private final int precisionLog2;

    private long sent;
    private long received;
    private long processed;
    private long bogus;
    private long duplicate;
    private long kissOfDeath;
    private long rejected;
    private Reply lastReply;
    private RawReply lastRawReply;

    Source(PollSettings settings, int precisionLog2, long firstPollMonoNanos) {
        this.poll = new PollProcess(settings, firstPollMonoNanos);
        this.precisionLog2 = precisionLog2;
    }

    final void countSent() {
        sent++;
    }

    /** Counts an outcome of {@code receive} and keeps it as the last one. */
    final Reply record(Reply reply) {
        received++;
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

    static Reply.Rejected malformed(ParseError error) {
        return Reply.Rejected.of(error == ParseError.UNSUPPORTED_VERSION
                ? RejectReason.UNSUPPORTED_VERSION : RejectReason.MALFORMED);
    }

    /**
     * The last tests (RFC 5905 tests 6 and 7) and the sample, for a packet known to answer ours.
     * Stratum 0 counts as unsynchronized here, as ntpd's PKT_TO_STRATUM makes it 16.
     *
     * @param t1 our clock when the packet it answers left
     * @param t4 our clock when it arrived
     */
    final Reply measure(NtpHeader header, long t1, long t4, long monoNanos) {
        return measure(header, t1, header.receiveTime().bits(), header.transmitTime().bits(), t4, monoNanos);
    }

    /**
     * As {@link #measure(NtpHeader, long, long, long)}, with T2 and T3 given (NTP format): an
     * interleaved reply's T2 is the one of the exchange before.
     */
    final Reply measure(NtpHeader header, long t1, long t2Bits, long t3Bits, long t4, long monoNanos) {
        poll.heard(monoNanos, header.poll());
        if (header.leap() == LeapIndicator.UNSYNCHRONIZED || header.stratum() == NtpHeader.STRATUM_KISS
                || header.stratum() >= NtpConstants.MAXSTRAT) {
            return Reply.Rejected.of(RejectReason.UNSYNCHRONIZED);
        }
        if (header.rootDelay().toSeconds() / 2 + header.rootDispersion().toSeconds() >= NtpConstants.MAXDISP) {
            return Reply.Rejected.of(RejectReason.ROOT_DISTANCE);
        }
        long t2 = NtpTimestamp.unixNanosOfBits(t2Bits, t1);
        long t3 = NtpTimestamp.unixNanosOfBits(t3Bits, t1);
        Sample sample = OnWire.sample(t1, t2, t3, t4, header.precision(), precisionLog2);
        poll.reached(monoNanos);
        lastRawReply = new RawReply(header, NtpTimestamp.bitsOfUnixNanos(t1), t2Bits, t3Bits,
                NtpTimestamp.bitsOfUnixNanos(t4));
        return new Reply.Measured(sample, PeerVariables.of(header));
    }

    /** When {@code poll} next has a packet to send; {@link Long#MAX_VALUE} once denied. Changes on receive too. */
    public final long nextPollMonoNanos() {
        return poll.nextPollMonoNanos();
    }

    /**
     * The poll exponent the discipline chose for the system; taken as host poll at the next poll
     * while the source is reachable, within [minpoll, maxpoll].
     */
    public final void setSystemPoll(int systemPollLog2) {
        poll.setSystemPoll(systemPollLog2);
    }

    /**
     * As {@link #setSystemPoll}, for the system peer: ntpd applies it at once and reschedules the
     * next poll, so a shorter interval takes effect now rather than after the current long one.
     */
    public final void updateAsSystemPeer(int systemPollLog2, long monoNanos) {
        poll.updateAsSystemPeer(systemPollLog2, monoNanos);
    }

    /** The reachability register: bit 0 is the latest poll, set when it got a usable reply. */
    public final int reach() {
        return poll.reach();
    }

    /** Host poll exponent (ntpq's {@code hpoll}), log2 seconds. */
    public final int hostPollLog2() {
        return poll.hostPoll();
    }

    /** Peer poll exponent (ntpq's {@code ppoll}): the source's poll, at least our minpoll. */
    public final int peerPollLog2() {
        return poll.peerPoll();
    }

    /** Current minpoll: the configured one, or higher after a RATE kiss. */
    public final int minPollLog2() {
        return poll.minPoll();
    }

    /** Configured maxpoll. */
    public final int maxPollLog2() {
        return poll.maxPoll();
    }

    /**
     * Polls since the last one that found a reply in the reachability register (ntpd's
     * {@code unreach}; for a {@code preempt} association, polls since the first). From 10 on, each
     * poll raises the host poll; the daemon may drop a preemptible association on it.
     */
    public final int unreachCount() {
        return poll.unreach();
    }

    /** Packets still to send in the current volley. */
    public final int burstRemaining() {
        return poll.burst();
    }

    /** Whether a volley to this source has gone out whole since it first answered: ntpd -q is done with it. */
    public final boolean answeredVolleyOut() {
        return poll.answeredVolleyOut();
    }

    /** True after a DENY or RSTR kiss: the association polls no more. */
    public final boolean isDenied() {
        return poll.isStopped();
    }

    /** What the last datagram handed in came to. */
    public final Optional<Reply> lastReply() {
        return Optional.ofNullable(lastReply);
    }

    /** The packet of the last {@link Reply.Measured} {@code receive} returned, with its sample's timestamps. */
    final RawReply lastRawReply() {
        return lastRawReply;
    }

    /** The packet counters so far. */
    public final SourceCounters counters() {
        return new SourceCounters(sent, received, processed, bogus, duplicate, kissOfDeath, rejected);
    }
}
