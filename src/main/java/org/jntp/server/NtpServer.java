package org.jntp.server;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Supplier;
import org.jntp.auth.KeyRing;
import org.jntp.leap.LeapSmear;
import org.jntp.leap.ServedSmear;
import org.jntp.nts.MasterKeyRing;
import org.jntp.nts.NtsServerExchange;
import org.jntp.protocol.HeaderView;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpPacket;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.PacketShape;
import org.jntp.server.access.MruList;
import org.jntp.server.access.RestrictFlag;
import org.jntp.server.access.RestrictTable;

/**
 * Answers NTP requests, as ntpd's receive() and fast_xmit() do for packets that need no
 * association: a client (mode 3) gets a server reply (mode 4), and a symmetric active peer we
 * have not configured (mode 1, as Windows sends) gets a symmetric passive reply (mode 2).
 *
 * <p>Interleaved mode (RFC 9769, chrony's and ntpd's {@code xleave}) for clients: a request whose
 * origin timestamp is the receive timestamp of the client's previous request gets, as transmit
 * timestamp, when our reply to that request really left, taken after it was sent; its origin is the
 * request's receive timestamp, so the client can tell the two modes apart. The MRU list keeps those
 * two timestamps per client.
 *
 * <p>A request with a MAC (RFC 5905 §7.3) is judged by a {@link RequestAuthenticator}: the reply to
 * one signed with a trusted key carries a MAC of that key, one signed with a key we lack gets a
 * crypto-NAK, and one whose MAC is wrong is dropped. {@code restrict ... notrust} serves time only
 * to the first kind.
 *
 * <p>Sans-IO, and allocation-free for requests without a MAC: the daemon hands in the datagram, its
 * source and its receive time, and gets the reply written into its own buffer. One instance per
 * server thread (its counters are the thread's own); the restrict table, MRU list and system
 * variables are shared.
 *
 * <p>While the system variables carry a leap smear ({@code leapsmearinterval}), the receive,
 * transmit and reference timestamps carry its offset, and the reference ID is the smear's
 * (254.x.y.z), as ntpd serves them. The cosine is evaluated for every reply rather than once per
 * publication: it costs tens of nanoseconds, while between two clock updates (up to 1024 s
 * apart) a day's smear moves by up to 18 ms.
 */
public final class NtpServer {
    /** RFC 5905's PHI, the frequency tolerance: dispersion grows 15 µs per second. */
    private static final long PHI_PPM = 15;
    private static final double NANOS_PER_SECOND = 1e9;
    private static final int KISS_RATE_BITS = KissCode.RATE.referenceId().bits();
    private static final int KISS_NTSN_BITS = KissCode.NTSN.referenceId().bits();
    private static final int DENY_FLAGS = RestrictFlag.IGNORE.bit();

    private final Supplier<SystemVariables> system;
    private final Supplier<RestrictTable> restrictions;
    private final MruList mru;
    private final int kissMinPollLog2;
    private final ServerCounters counters;
    private final RequestAuthenticator authenticator;
    private final NtsServing nts;
    private final NtsServerExchange ntsExchange = new NtsServerExchange();

    /** A server without keys and with NTS off. */
    public NtpServer(Supplier<SystemVariables> system, Supplier<RestrictTable> restrictions, MruList mru,
            int kissMinPollLog2, ServerCounters counters) {
        this(system, restrictions, mru, kissMinPollLog2, counters, KeyRing::empty, NtsServing.off());
    }

    /** A server with NTS off. */
    public NtpServer(Supplier<SystemVariables> system, Supplier<RestrictTable> restrictions, MruList mru,
            int kissMinPollLog2, ServerCounters counters, Supplier<KeyRing> keys) {
        this(system, restrictions, mru, kissMinPollLog2, counters, keys, NtsServing.off());
    }

    /** A server without keys. */
    public NtpServer(Supplier<SystemVariables> system, Supplier<RestrictTable> restrictions, MruList mru,
            int kissMinPollLog2, ServerCounters counters, NtsServing nts) {
        this(system, restrictions, mru, kissMinPollLog2, counters, KeyRing::empty, nts);
    }

    /**
     * @param system          the system variables in force, read once per request
     * @param restrictions    the restrict table in force, read once per request
     * @param mru             ntpd's monitor list, which also applies {@code limited} and {@code kod}
     * @param kissMinPollLog2 the poll a RATE kiss-o'-death asks for at least ({@code discard average})
     * @param counters        this thread's counters
     * @param keys            the symmetric keys in force, read once per request with a MAC
     * @param nts             the master keys and randomness NTS requests are answered with
     */
    public NtpServer(Supplier<SystemVariables> system, Supplier<RestrictTable> restrictions, MruList mru,
            int kissMinPollLog2, ServerCounters counters, Supplier<KeyRing> keys, NtsServing nts) {
        this.system = system;
        this.restrictions = restrictions;
        this.mru = mru;
        this.kissMinPollLog2 = kissMinPollLog2;
        this.counters = counters;
        this.authenticator = new RequestAuthenticator(keys);
        this.nts = nts;
    }

    /**
     * Handles one datagram and, when the outcome {@link ServerOutcome#replies()}, leaves the reply
     * in {@code reply} (position 0, limit its length, never longer than the request). An
     * {@link ServerOutcome#ANSWERED} reply still needs its transmit timestamp: {@link #stampTransmit}
     * right before it is sent, of the time {@link #servedNanos} gives. Once a time reply is sent,
     * {@link #transmitted} keeps when it left.
     *
     * @param request        the datagram, from position 0 to its limit
     * @param addressHigh    the source address's first 64 bits (IPv4 in IPv4-mapped form)
     * @param addressLow     the source address's last 64 bits
     * @param port           the source port
     * @param receiveNanos   when the datagram arrived, on the served clock (Unix ns)
     * @param monotonicNanos the monotonic clock read when the datagram was taken in, not before
     *                       it arrived: for rate limiting, and to tell a leap smear whether the
     *                       clock has taken the leap
     */
    public ServerOutcome respond(ByteBuffer request, long addressHigh, long addressLow, int port,
            long receiveNanos, long monotonicNanos, ByteBuffer reply) {
        ServerOutcome outcome = decide(request, addressHigh, addressLow, port, receiveNanos, monotonicNanos, reply);
        counters.increment(outcome.counter());
        return outcome;
    }

    private ServerOutcome decide(ByteBuffer request, long addressHigh, long addressLow, int port,
            long receiveNanos, long monotonicNanos, ByteBuffer reply) {
        counters.increment(Counter.RECEIVED);
        int flags = restrictions.get().match(addressHigh, addressLow, port);
        if ((flags & DENY_FLAGS) != 0) {
            return ServerOutcome.RESTRICTED;
        }
        PacketShape shape = NtpPacket.check(request, request.limit());
        switch (shape) {
            case VALID, VALID_WITH_MAC, VALID_WITH_CRYPTO_NAK, VALID_WITH_EXTENSIONS -> { }
            case CONTROL_OR_PRIVATE -> {
                return controlOrPrivate(request, flags);
            }
            case UNSUPPORTED_VERSION -> {
                return ServerOutcome.UNSUPPORTED_VERSION;
            }
            case TOO_SHORT, LENGTH_NOT_MULTIPLE_OF_4, BAD_EXTENSION_LENGTH, TRUNCATED_EXTENSION, BAD_MAC_LENGTH -> {
                return ServerOutcome.BAD_FORMAT;
            }
        }
        int version = HeaderView.version(request);
        if (version == NtpHeader.VERSION) {
            counters.increment(Counter.CURRENT_VERSION);
        } else if (RestrictFlag.VERSION.isSetIn(flags)) {
            return ServerOutcome.RESTRICTED;
        } else {
            counters.increment(Counter.OLDER_VERSION);
        }
        Mode mode = HeaderView.mode(request);
        Mode replyMode = switch (mode) {
            case CLIENT -> Mode.SERVER;
            case SYMMETRIC_ACTIVE -> Mode.SYMMETRIC_PASSIVE;
            case RESERVED, SYMMETRIC_PASSIVE, SERVER, BROADCAST, CONTROL, PRIVATE -> null;
        };
        if (replyMode == null) {
            return ServerOutcome.DECLINED;
        }
        RequestAuthenticator.Verdict auth = authenticator.authenticate(request, shape);
        switch (auth) {
            case NONE, AUTHENTIC, UNKNOWN_KEY -> { }
            case BAD_MAC -> {
                return ServerOutcome.AUTHENTICATION_FAILED;
            }
            case CRYPTO_NAK -> {
                return ServerOutcome.RESTRICTED;
            }
        }
        // notrust serves only authenticated clients, and tells those with a key we lack so (ntpd's AUTH());
        // a request that may be NTS is judged once its NTS fields are
        boolean mayBeNts = mode == Mode.CLIENT && shape == PacketShape.VALID_WITH_EXTENSIONS;
        boolean untrusted = RestrictFlag.NOTRUST.isSetIn(flags) && auth == RequestAuthenticator.Verdict.NONE;
        if (RestrictFlag.NOSERVE.isSetIn(flags) || (untrusted && !mayBeNts)) {
            return ServerOutcome.RESTRICTED;
        }
        switch (mru.observe(addressHigh, addressLow, port, mode.code(), version, monotonicNanos, flags)) {
            case PASS -> { }
            case DROP -> {
                return ServerOutcome.RATE_LIMITED;
            }
            case KISS_OF_DEATH -> {
                // ntpd counts the packet as rate limited, and the answer as a KoD sent.
                counters.increment(Counter.RATE_LIMITED);
                writeKissOfDeath(request, reply, KISS_RATE_BITS, kissMinPollLog2);
                return ServerOutcome.KISS_OF_DEATH;
            }
        }
        SystemVariables sys = system.get();
        long smearNanos = smearNanos(sys, receiveNanos, monotonicNanos);
        long receiveBits = NtpTimestamp.bitsOfUnixNanos(receiveNanos + smearNanos);
        if (mayBeNts) {
            Optional<MasterKeyRing> ring = nts.masterKeys().get();
            if (ring.isPresent()) {
                NtsServerExchange.Verdict verdict = ntsExchange.verify(request, ring.get());
                countCookie(verdict);
                if (!(verdict instanceof NtsServerExchange.NotNts)) {
                    return answerNts(request, verdict, ring.get(), sys, version, receiveNanos, smearNanos,
                            receiveBits, reply);
                }
            }
            if (untrusted) {
                return ServerOutcome.RESTRICTED;
            }
        }
        if (mode == Mode.CLIENT) {
            long previousTransmitBits = mru.exchangeReceiveTime(addressHigh, addressLow,
                    interleavedOriginBits(request), receiveBits);
            if (previousTransmitBits != 0) {
                writeTimeReply(request, sys, version, replyMode, receiveNanos, smearNanos,
                        HeaderView.receiveTimeBits(request), previousTransmitBits, reply);
                return authenticated(auth, ServerOutcome.ANSWERED_INTERLEAVED, reply);
            }
        }
        writeTimeReply(request, sys, version, replyMode, receiveNanos, smearNanos, HeaderView.transmitTimeBits(request),
                receiveBits, reply);
        if (auth == RequestAuthenticator.Verdict.AUTHENTIC) {
            // the MAC covers the transmit timestamp, so it cannot wait for the send: it is the receive
            // time, and the microseconds until the send count as network delay at the client
            stampTransmit(reply, receiveNanos + smearNanos);
            return authenticated(auth, ServerOutcome.ANSWERED_AUTHENTICATED, reply);
        }
        return authenticated(auth, ServerOutcome.ANSWERED, reply);
    }

    /**
     * Signs a time reply to an authentic request, or appends a crypto-NAK for a request of a key we
     * lack (counted as ntpd's "authentication failed"), or leaves it as it is.
     */
    private ServerOutcome authenticated(RequestAuthenticator.Verdict auth, ServerOutcome answered, ByteBuffer reply) {
        switch (auth) {
            case AUTHENTIC -> authenticator.sign(reply);
            case UNKNOWN_KEY -> {
                counters.increment(Counter.AUTHENTICATION_FAILED);
                RequestAuthenticator.appendCryptoNak(reply);
            }
            case NONE, BAD_MAC, CRYPTO_NAK -> { }
        }
        return answered;
    }

    /**
     * RFC 8915 §5.7: an authentic request gets a basic time reply with its NTS fields; a cookie that
     * does not open, an NTSN kiss-o'-death. The reply is sealed here, so its transmit timestamp is
     * set here too, to the receive time (one unit later, as {@link #stampTransmit} keeps them apart):
     * the time the server takes to answer shows as delay and half of it as offset, some microseconds.
     * Interleaved mode is not offered: its transmit timestamp is only known after the seal.
     */
    private ServerOutcome answerNts(ByteBuffer request, NtsServerExchange.Verdict verdict, MasterKeyRing ring,
            SystemVariables sys, int version, long receiveNanos, long smearNanos, long receiveBits,
            ByteBuffer reply) {
        switch (verdict) {
            case NtsServerExchange.Verified verified -> {
                writeTimeReply(request, sys, version, Mode.SERVER, receiveNanos, smearNanos,
                        HeaderView.transmitTimeBits(request), receiveBits + 1, reply);
                int cookies = ntsExchange.writeReply(request, verified, request.limit(), reply, ring,
                        nts.random());
                counters.add(Counter.NTS_COOKIE_MADE, cookies);
                counters.increment(Counter.NTS_ANSWERED);
                return ServerOutcome.ANSWERED_NTS;
            }
            case NtsServerExchange.Nak nak -> {
                writeKissOfDeath(request, reply, KISS_NTSN_BITS, HeaderView.poll(request));
                NtsServerExchange.writeNak(request, nak, reply);
                return ServerOutcome.NTS_NAK;
            }
            case NtsServerExchange.Unauthentic _ -> {
                return ServerOutcome.NTS_UNAUTHENTIC;
            }
            case NtsServerExchange.Malformed _ -> {
                return ServerOutcome.NTS_MALFORMED;
            }
            case NtsServerExchange.NotNts _ -> {
                return ServerOutcome.BAD_FORMAT;
            }
        }
    }

    /** NTPsec's cookie counters: which master key opened the request's cookie, or why none did. */
    private void countCookie(NtsServerExchange.Verdict verdict) {
        switch (verdict) {
            case NtsServerExchange.Verified verified -> counters.increment(opened(verified.masterKey()));
            case NtsServerExchange.Unauthentic unauthentic -> counters.increment(opened(unauthentic.masterKey()));
            case NtsServerExchange.Nak nak -> counters.increment(
                    nak.keyNotHeld() ? Counter.NTS_COOKIE_KEY_NOT_HELD : Counter.NTS_COOKIE_INVALID);
            case NtsServerExchange.Malformed _, NtsServerExchange.NotNts _ -> { }
        }
    }

    private static Counter opened(MasterKeyRing.Age masterKey) {
        return switch (masterKey) {
            case CURRENT -> Counter.NTS_COOKIE_OPENED_CURRENT;
            case PREVIOUS -> Counter.NTS_COOKIE_OPENED_PREVIOUS;
        };
    }

    /**
     * ntpd's receive(): mode 6 (ntpq) unless {@code noquery}, for the caller to answer with the
     * control protocol, read-only under {@code nomodify}; mode 7 (ntpdc) never, counted as
     * restricted as ntpd 4.2.8 does without {@code enable mode7}.
     */
    private static ServerOutcome controlOrPrivate(ByteBuffer request, int flags) {
        if (HeaderView.mode(request) == Mode.PRIVATE) {
            return ServerOutcome.PRIVATE_MODE;
        }
        if (RestrictFlag.NOQUERY.isSetIn(flags)) {
            return ServerOutcome.RESTRICTED;
        }
        return RestrictFlag.NOMODIFY.isSetIn(flags) ? ServerOutcome.CONTROL_NOMODIFY : ServerOutcome.CONTROL;
    }

    /**
     * Whether a {@code restrict ... ignore} entry covers this source: ntpd drops what it sends
     * before looking for an association, so a configured peer's packets too.
     */
    public boolean ignores(long addressHigh, long addressLow, int port) {
        return (restrictions.get().match(addressHigh, addressLow, port) & DENY_FLAGS) != 0;
    }

    /**
     * The origin timestamp of a request that may be interleaved, else 0. An interleaved client
     * sends its own receive timestamp of our last reply, which we echo as origin: if that equalled
     * its transmit timestamp, it could not tell our interleaved reply from a basic one.
     */
    private static long interleavedOriginBits(ByteBuffer request) {
        long transmitBits = HeaderView.transmitTimeBits(request);
        return HeaderView.receiveTimeBits(request) == transmitBits ? 0 : HeaderView.originTimeBits(request);
    }

    /** Counts a datagram too long for the receive buffer: no NTP request we answer is that long. */
    public void refuseOversized() {
        counters.increment(Counter.RECEIVED);
        counters.increment(Counter.BAD_FORMAT);
    }

    /**
     * The time to serve for the clock reading {@code clockNanos} (Unix ns), taken no later than the
     * monotonic reading {@code monotonicNanos}: the reading, plus the leap smear while there is one.
     */
    public long servedNanos(long clockNanos, long monotonicNanos) {
        return clockNanos + smearNanos(system.get(), clockNanos, monotonicNanos);
    }

    /**
     * Sets the transmit timestamp of a basic time reply: call it as late as possible before
     * sending. It never equals the receive timestamp, or a client echoing it as origin (as ntpd's
     * does) would look interleaved.
     */
    public static void stampTransmit(ByteBuffer reply, long transmitNanos) {
        long transmitBits = NtpTimestamp.bitsOfUnixNanos(transmitNanos);
        HeaderView.putTransmitTimeBits(reply,
                transmitBits == HeaderView.receiveTimeBits(reply) ? transmitBits + 1 : transmitBits);
    }

    /**
     * Keeps when a time reply to a client left, read from the clock right after the send, so that
     * the client's next interleaved request gets it. Replies in other modes are left alone.
     *
     * @param reply         the reply as sent (its receive timestamp names the request it answers)
     * @param addressHigh   the client's address, as given to {@link #respond}
     * @param addressLow    the client's address, as given to {@link #respond}
     * @param transmitNanos when it left, as served (see {@link #servedNanos}, Unix ns)
     */
    public void transmitted(ByteBuffer reply, long addressHigh, long addressLow, long transmitNanos) {
        if (HeaderView.mode(reply) == Mode.SERVER) {
            mru.recordTransmitTime(addressHigh, addressLow, HeaderView.receiveTimeBits(reply),
                    NtpTimestamp.bitsOfUnixNanos(transmitNanos));
        }
    }

    private void writeTimeReply(ByteBuffer request, SystemVariables sys, int version, Mode replyMode,
            long receiveNanos, long smearNanos, long originBits, long transmitBits, ByteBuffer reply) {
        reply.clear();
        HeaderView.putLeapVersionMode(reply, sys.leap(), version, replyMode);
        HeaderView.putStratum(reply, sys.packetStratum());
        HeaderView.putPoll(reply, HeaderView.poll(request));
        HeaderView.putPrecision(reply, sys.precisionLog2());
        HeaderView.putRootDelayBits(reply, NtpShort.bitsOfNanos(sys.rootDelayNanos()));
        HeaderView.putRootDispersionBits(reply, NtpShort.bitsOfNanos(rootDispersionNanos(sys, receiveNanos)));
        HeaderView.putReferenceIdBits(reply,
                smearNanos == 0 ? sys.referenceIdBits() : LeapSmear.referenceIdBits(smearNanos / NANOS_PER_SECOND));
        HeaderView.putReferenceTimeBits(reply, sys.referenceTimeNanos() == 0 ? 0
                : NtpTimestamp.bitsOfUnixNanos(sys.referenceTimeNanos() + smearNanos));
        HeaderView.putOriginTimeBits(reply, originBits);
        HeaderView.putReceiveTimeBits(reply, NtpTimestamp.bitsOfUnixNanos(receiveNanos + smearNanos));
        HeaderView.putTransmitTimeBits(reply, transmitBits);
        reply.limit(NtpHeader.LENGTH);
    }

    /** The smear to add to what is served for a clock reading, 0 without one. */
    private static long smearNanos(SystemVariables sys, long clockNanos, long monotonicNanos) {
        if (sys.smear().isEmpty()) {
            return 0;
        }
        ServedSmear smear = sys.smear().get();
        return Math.round(smear.offsetSeconds(clockNanos, monotonicNanos) * NANOS_PER_SECOND);
    }

    /**
     * The root dispersion at the moment of the reply: the clock has aged since its reference
     * time, so its error bound has grown by PHI for every second since (as chrony serves it).
     */
    private static long rootDispersionNanos(SystemVariables sys, long nowNanos) {
        if (sys.leap() == LeapIndicator.UNSYNCHRONIZED || sys.referenceTimeNanos() == 0) {
            return sys.rootDispersionNanos();
        }
        long agedNanos = Math.max(0, nowNanos - sys.referenceTimeNanos());
        return sys.rootDispersionNanos() + agedNanos / 1_000_000 * PHI_PPM;
    }

    /** ntpd's KoD: the request's own fields echoed, LI 3, stratum 0, the kiss code as refid, all times its transmit time. */
    private static void writeKissOfDeath(ByteBuffer request, ByteBuffer reply, int kissCodeBits, int minPollLog2) {
        reply.clear();
        reply.put(0, request, 0, NtpHeader.LENGTH);
        reply.limit(NtpHeader.LENGTH);
        HeaderView.rewriteAsKissOfDeath(reply, kissCodeBits, minPollLog2);
    }
}
