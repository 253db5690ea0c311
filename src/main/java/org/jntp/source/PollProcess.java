package org.jntp.source;

import java.util.random.RandomGenerator;
import org.jntp.discipline.NtpConstants;

/**
 * The poll process of one association as ntpd 4.2.8 runs it (transmit(), poll_update() and the
 * tail of process_packet() in ntp_proto.c): the reachability register, the host and peer poll
 * exponents, bursts, the rate-limiting headway, and when to send next. All times are monotonic
 * nanoseconds.
 */
final class PollProcess {
    /** NTP_UNREACH: polls without a reply after which each further poll raises the host poll. */
    static final int UNREACH_THRESHOLD = 10;
    /** NTP_RETRY: polls a requested burst stays armed while waiting for a reply. */
    static final int RETRY = 3;
    /** NTP_IBURST: packets in an iburst volley (the first poll's, and the one a reply to a retry starts). */
    static final int IBURST_PACKETS = 6;
    /**
     * Doublings of the gap within an iburst volley. ntpd sends its six packets 2 s apart; these go
     * 2, 4, 8, 16 and 32 s apart: the phase is still set from the first reply, but the frequency is
     * measured over a minute rather than ten seconds, for the same six packets, so on a noisy path
     * the clock no longer drifts off before the first regular poll.
     */
    static final int IBURST_GAP_DOUBLINGS = 4;
    /** NTP_SHIFT: the most packets in a volley to a reachable source. */
    static final int BURST_PACKETS = NtpConstants.NSTAGE;
    /** NTP_MINPKT: the least time between two packets to one source. */
    static final long MIN_PACKET_GAP_NANOS = 2_000_000_000L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int REACH_MASK = 0xFF;
    /** ntpd stretches each interval by up to 255/4096 of itself, from the low 8 bits of ntp_random(). */
    private static final int JITTER_UNITS = 256;
    private static final int JITTER_SHIFT = 12;
    /** The [Bug 3592] cap on postponing a poll applies above this interval. */
    private static final long LIMIT_HALF_FROM_NANOS = 64 * NANOS_PER_SECOND;

    private final PollSettings settings;
    private int minPoll;
    private int hostPoll;
    private int peerPoll;
    private int systemPoll;
    private int reach;
    private int unreach;
    private int burst;
    private boolean iburstVolley;
    private boolean everReached;
    private boolean startVolleySent;
    private boolean answeredVolleyOut;
    private int retry;
    private int jitter;
    private long lastPollMonoNanos;
    private long lastHeardMonoNanos = Long.MIN_VALUE;
    private long nextPollMonoNanos;
    private long throttleNanos;
    private long throttleMonoNanos;
    private boolean stopped;

    PollProcess(PollSettings settings, long firstPollMonoNanos) {
        this.settings = settings;
        this.minPoll = settings.minPollLog2();
        this.hostPoll = minPoll;
        this.peerPoll = settings.maxPollLog2();
        this.systemPoll = minPoll;
        this.lastPollMonoNanos = firstPollMonoNanos;
        this.nextPollMonoNanos = firstPollMonoNanos;
    }

    boolean isDue(long monoNanos) {
        return !stopped && monoNanos >= nextPollMonoNanos;
    }

    /**
     * One poll (ntpd's transmit()): shifts the reachability register unless a burst is under way,
     * arms bursts, backs off after {@link #UNREACH_THRESHOLD} unanswered polls and schedules the
     * next one. Returns whether the source is unreachable, i.e. answered none of the last 8 polls.
     */
    boolean transmit(long monoNanos, RandomGenerator random) {
        int poll = hostPoll;
        if (lastHeardMonoNanos < lastPollMonoNanos && reach == 0) {
            peerPoll = settings.maxPollLog2();
        }
        boolean unreachable = false;
        if (burst == 0) {
            lastPollMonoNanos = monoNanos;
            unreach++;
            reach = (reach << 1) & REACH_MASK;
            if (reach == 0) {
                unreachable = true;
                if (settings.iburst() && !everReached && !startVolleySent) {
                    // the first poll of all starts the volley at once, as chrony's iburst and
                    // ntpd's documentation have it, so a lost first reply costs 2 s, not a poll
                    startVolleySent = true;
                    iburstVolley = true;
                    burst = IBURST_PACKETS - 1;
                } else if (settings.iburst() && retry == 0) {
                    retry = RETRY;
                }
            } else {
                poll = systemPoll;
                if (!settings.preempt()) {
                    unreach = 0;
                }
                if (settings.burst() && retry == 0) {
                    retry = RETRY;
                }
            }
            if (unreach >= UNREACH_THRESHOLD) {
                poll++;
            }
        } else {
            burst--;
            answeredVolleyOut |= burst == 0 && everReached;
        }
        if (retry > 0) {
            retry--;
        }
        jitter = random.nextInt(JITTER_UNITS);
        update(poll, monoNanos);
        addThrottle(secondsNanos(1L << minPoll) - MIN_PACKET_GAP_NANOS, monoNanos);
        return unreachable;
    }

    /** A reply to our request arrived, usable or not: remember its poll as the peer poll. */
    void heard(long monoNanos, int packetPollLog2) {
        lastHeardMonoNanos = monoNanos;
        peerPoll = Math.max(minPoll, clampToLimits(packetPollLog2));
    }

    /**
     * A reply passed every test: mark the source reachable, start the volley a pending burst or
     * iburst asked for, and reschedule with the peer poll just learned.
     */
    void reached(long monoNanos) {
        if (retry > 0) {
            retry = 0;
            iburstVolley = reach == 0;
            burst = reach != 0 ? Math.min(1 << (hostPoll - minPoll), BURST_PACKETS) - 1 : IBURST_PACKETS - 1;
            if (burst > 0) {
                nextPollMonoNanos = monoNanos;
            }
        }
        reach |= 1;
        everReached = true;
        update(hostPoll, monoNanos);
    }

    /**
     * A RATE kiss (ntpd's receive()): take the server's poll as peer poll and, if it is above our
     * minpoll, as the new minpoll; end any burst; and fill the headway so the next packets wait.
     */
    void rateKiss(long monoNanos, int packetPollLog2) {
        int poll = clampToLimits(packetPollLog2);
        peerPoll = Math.max(minPoll, poll);
        if (poll > minPoll) {
            minPoll = peerPoll;
        }
        burst = 0;
        retry = 0;
        throttleNanos = (BURST_PACKETS + 1) * secondsNanos(1L << minPoll);
        throttleMonoNanos = monoNanos;
        update(poll, monoNanos);
    }

    /** A DENY or RSTR kiss: never poll again. */
    void stop() {
        stopped = true;
        burst = 0;
        retry = 0;
        nextPollMonoNanos = Long.MAX_VALUE;
    }

    void setSystemPoll(int systemPollLog2) {
        systemPoll = systemPollLog2;
    }

    /** ntpd's clock_update() for its system peer: take the system poll now, not at the next poll. */
    void updateAsSystemPeer(int systemPollLog2, long monoNanos) {
        systemPoll = systemPollLog2;
        if (!stopped) {
            update(systemPoll, monoNanos);
        }
    }

    /** ntpd's poll_update(): clamps the host poll and works out the next poll time. */
    private void update(int pollLog2, long monoNanos) {
        hostPoll = Math.max(Math.min(settings.maxPollLog2(), pollLog2), minPoll);
        long throttle = throttleNanos(monoNanos);
        long earliest = monoNanos + Math.max(throttle - (BURST_PACKETS - 1) * secondsNanos(1L << minPoll),
                MIN_PACKET_GAP_NANOS);
        long limit = secondsNanos(2L << hostPoll);
        if (limit > LIMIT_HALF_FROM_NANOS) {
            limit -= limit >> 2;
        }
        limit = Math.max(lastPollMonoNanos + limit, monoNanos);
        if (burst > 0) {
            if (nextPollMonoNanos > monoNanos) {
                return;
            }
            nextPollMonoNanos = iburstVolley ? Math.max(earliest, monoNanos + iburstGapNanos()) : earliest;
        } else {
            int intervalLog2 = retry > 0 ? minPoll : Math.min(peerPoll, hostPoll);
            nextPollMonoNanos = Math.max(lastPollMonoNanos + jitteredNanos(intervalLog2), earliest);
            if (throttle > secondsNanos(1L << minPoll)) {
                nextPollMonoNanos += MIN_PACKET_GAP_NANOS;
            }
        }
        nextPollMonoNanos = Math.min(nextPollMonoNanos, limit);
    }

    /** The gap before the next packet of an iburst volley: doubling from the 2 s minimum. */
    private long iburstGapNanos() {
        int sent = IBURST_PACKETS - 1 - burst;
        return MIN_PACKET_GAP_NANOS << Math.min(sent, IBURST_GAP_DOUBLINGS);
    }

    private long jitteredNanos(int intervalLog2) {
        return (((1L << JITTER_SHIFT) + jitter) * NANOS_PER_SECOND << intervalLog2) >> JITTER_SHIFT;
    }

    /** The rate-limiting headway: a leaky bucket that drains one second per second. */
    private long throttleNanos(long monoNanos) {
        return Math.max(0, throttleNanos - Math.max(0, monoNanos - throttleMonoNanos));
    }

    private void addThrottle(long nanos, long monoNanos) {
        throttleNanos = throttleNanos(monoNanos) + nanos;
        throttleMonoNanos = monoNanos;
    }

    private static int clampToLimits(int pollLog2) {
        return Math.clamp(pollLog2, NtpConstants.MINPOLL_LIMIT, NtpConstants.MAXPOLL_LIMIT);
    }

    private static long secondsNanos(long seconds) {
        return seconds * NANOS_PER_SECOND;
    }

    long nextPollMonoNanos() {
        return nextPollMonoNanos;
    }

    int reach() {
        return reach;
    }

    int unreach() {
        return unreach;
    }

    int hostPoll() {
        return hostPoll;
    }

    int peerPoll() {
        return peerPoll;
    }

    int minPoll() {
        return minPoll;
    }

    int maxPoll() {
        return settings.maxPollLog2();
    }

    int burst() {
        return burst;
    }

    boolean isStopped() {
        return stopped;
    }

    /**
     * Whether the last packet of a volley has gone out to a source that has answered: where ntpd
     * -q counts the association as done (its {@code peer_ntpdate}). A source that never answers
     * never gets there, as in ntpd, whose volleys only a reply starts.
     */
    boolean answeredVolleyOut() {
        return answeredVolleyOut;
    }
}
