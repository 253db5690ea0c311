package org.jntp.source;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jntp.auth.KeyRing;
import org.jntp.clock.Clock;
import org.jntp.clock.LeapState;
import org.jntp.config.Association;
import org.jntp.config.AssociationFlag;
import org.jntp.config.AssociationType;
import org.jntp.discipline.Candidate;
import org.jntp.discipline.CandidateFlag;
import org.jntp.discipline.ClockCorrection;
import org.jntp.discipline.ClockDiscipline;
import org.jntp.discipline.ClockFilter;
import org.jntp.discipline.ClockSelect;
import org.jntp.discipline.ClockSetting;
import org.jntp.discipline.ClockUpdate;
import org.jntp.discipline.DelayStatistics;
import org.jntp.discipline.DisciplineSettings;
import org.jntp.discipline.FilterResult;
import org.jntp.discipline.Measurement;
import org.jntp.discipline.Mitigation;
import org.jntp.discipline.NoSelectionReason;
import org.jntp.discipline.NtpConstants;
import org.jntp.discipline.PeerStatistics;
import org.jntp.discipline.RootDistance;
import org.jntp.discipline.Sample;
import org.jntp.discipline.SelectionStatus;
import org.jntp.discipline.StepRule;
import org.jntp.leap.Leap;
import org.jntp.leap.LeapBallot;
import org.jntp.leap.LeapDecision;
import org.jntp.leap.LeapSchedule;
import org.jntp.leap.LeapSmear;
import org.jntp.leap.LeapTable;
import org.jntp.leap.LeapVote;
import org.jntp.leap.ServedSmear;
import org.jntp.nts.SessionKeys;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.ReferenceId;
import org.jntp.protocol.control.PeerEvent;
import org.jntp.protocol.control.PeerSelection;
import org.jntp.protocol.control.SystemEvent;
import org.jntp.server.Counter;
import org.jntp.server.SharedCounters;
import org.jntp.server.SystemVariables;
import org.jntp.server.control.AssociationState;
import org.jntp.server.control.EventTally;

/**
 * The client side of the daemon without I/O: the associations, the system process of RFC 5905
 * (clock filter, selection, cluster, combine, clock update) and the clock discipline, wired
 * together. The daemon and the simulator drive it alike: they send each client {@link Transmit} that
 * {@link #wake} returns from a socket of its own, hand back what arrives on that socket with
 * {@link #receive}, and call {@link #wake} again at {@link #nextWakeMonoNanos}. Symmetric packets
 * ({@code peer} lines) go from and to the NTP port instead: whatever comes from a peer's address
 * is handed in with {@link #receiveFromPeer}.
 *
 * <p>Every sample of a source that survives selection feeds the discipline, weighed by what its
 * delay says of its error. A source takes part in selection from its first sample, its distance
 * counting only the filter stages it has filled (the RFC would wait for four); in exchange nothing
 * steers the clock until a majority of the sources agree, counting those still being tried, so a
 * falseticker that answers first is never followed.
 */
public final class Synchronizer {

    /**
     * A packet to send. A {@link Mode#CLIENT} request goes from a socket of its own, and its reply
     * comes back with the same handle; a {@link Mode#SYMMETRIC_ACTIVE} packet to a peer goes from
     * the NTP port, where the peer's packets arrive.
     */
    public record Transmit(long handle, InetSocketAddress destination, byte[] datagram, Mode mode) {}

    /** One configured source, its address resolved. */
    public record SourceSpec(InetSocketAddress address, Association association) {}

    /** Unanswered polls after which a source that never answered stops counting towards a majority. */
    private static final int STARTING_POLLS = 4;
    /** Polls without an answer after which a pool member gives way to another server of the pool. */
    public static final int POOL_UNREACH_POLLS = 10;
    /**
     * Polls of a preemptable association during which every selection found it a falseticker, after
     * which it gives way to another server of its pool. ntpd 4.2.8 counts the polls of such an
     * association in {@code unreach} and clears the count only when clock_select() finds it a
     * survivor, so one that keeps failing selection is demobilised after NTP_UNREACH (10) polls,
     * just as one that stopped answering is. The same 10 polls apply here, but only to falsetickers:
     * an outlier still agrees with the majority and may be what keeps it one. Ten polls (over ten
     * minutes at the default minpoll) let a server that was wrong for a moment, a step on its side or
     * a congested path, keep its place, while one that is simply wrong is gone within ten of its polls.
     */
    public static final int POOL_FALSETICK_POLLS = 10;
    /**
     * A slew still this large keeps the clock from being called synchronised: a start-up offset is
     * slewed away in about a second, and until then the clock is not yet right.
     */
    private static final double SYNCHRONIZED_SLEW_SECONDS = 0.001;
    /** 127.0.0.1, the reference ID of an orphan without an orphan parent (ntpd's LOOPBACKADR). */
    private static final int LOOPBACK_REFERENCE_ID = 0x7F00_0001;

    private final Clock clock;
    private final SyncSettings settings;
    private final RandomGenerator random;
    private final SyncEvents events;
    private final List<Peer> peers = new ArrayList<>();
    private final Map<Long, Peer> outstanding = new HashMap<>();
    private final ClockDiscipline discipline;
    private final double precisionSeconds;
    private OptionalInt systemPeerId = OptionalInt.empty();
    private int lastSurvivors;
    private SystemVariables system;
    private Optional<SystemVariables> announced = Optional.empty();
    private long nextHandle = 1;
    private boolean panicked;
    private boolean settingOnce;
    private Optional<ClockSetting> clockSetting = Optional.empty();
    /**
     * The phase corrections ordered so far (each slew's new part, each step), a running total: less
     * the slew still pending, how far the clock has been moved, which interleaved samples need.
     */
    private double commandedSeconds;
    private boolean orphaned;
    private long withoutSourceSinceMonoNanos;
    private Optional<Leap> votedLeap = Optional.empty();
    private LeapTable leapTable = LeapTable.none();
    private Optional<LeapSmear> leapSmear = Optional.empty();
    private Optional<ServedSmear> servedSmear = Optional.empty();
    private Optional<Publication> deferred = Optional.empty();
    /**
     * The TAI − UTC last told the clock, 0 before: compared with the leap file's rather than with
     * the kernel's, which runs a second ahead through an inserted second that the clock reads as
     * 23:59:59 again, and which a write of the file's offset then would put back.
     */
    private int taiOffsetToldSeconds;
    private long publishDueMonoNanos;
    private EventTally systemEvents = EventTally.NONE.after(SystemEvent.RESTART.code());
    private double systemJitterSeconds;
    private Supplier<KeyRing> keys = KeyRing::empty;
    /** The daemon's, once it hands them over; until then this synchronizer's own. */
    private SharedCounters counters = new SharedCounters();

    private Synchronizer(List<SourceSpec> sources, SyncSettings settings, Clock clock, RandomGenerator random,
            SyncEvents events, long monoNanos) {
        this.clock = clock;
        this.settings = settings;
        this.random = random;
        this.events = events;
        this.precisionSeconds = Math.scalb(1.0, clock.precisionLog2());
        this.system = SystemVariables.unsynchronized(clock.precisionLog2());
        this.discipline = ClockDiscipline.start(settings.discipline(), clock.nowNanos());
        // a slew that a previous daemon left running would move the clock under the first samples,
        // which would then correct it a second time: the clock holds still until it is measured
        clock.slew(0);
        this.withoutSourceSinceMonoNanos = monoNanos;
        for (int i = 0; i < sources.size(); i++) {
            // ntpd starts its associations spread over a second, so their first volleys do not coincide
            addSource(sources.get(i), monoNanos + i * 1_000_000_000L / sources.size());
        }
    }

    /**
     * Signs and checks the packets of associations with a {@code key} with these keys, read anew
     * for every packet (the keys file may be reloaded); without this call there are no keys, and
     * such associations send nothing. Call it before adding sources, so that a key they lack is
     * logged when they start.
     */
    public void authenticateWith(Supplier<KeyRing> keys) {
        this.keys = keys;
    }

    /**
     * Counts the NTS requests sent and the replies that verify and that do not (NTPsec's
     * {@code nts_client_*}) in {@code counters}, which other threads read.
     */
    public void countIn(SharedCounters counters) {
        this.counters = counters;
    }

    /**
     * Starts polling another source (a name that resolved late, a pool member) from
     * {@code firstPollMonoNanos} on, keeping all that was learned of the clock: a client
     * association for a server or pool line, a symmetric active one for a peer line. Returns its
     * association id.
     */
    public int addSource(SourceSpec spec, long firstPollMonoNanos) {
        return add(spec, OptionalInt.empty(), firstPollMonoNanos);
    }

    /**
     * As {@link #addSource}, knowing which of our addresses the source sees our packets come
     * from: a source whose reference ID names that address is synchronised to us, and is never
     * selected (ntpd's timing-loop test). Peers, which poll us as we poll them, need it most.
     */
    public int addSource(SourceSpec spec, InetAddress ourAddress, long firstPollMonoNanos) {
        return add(spec, OptionalInt.of(ReferenceId.ofAddress(ourAddress).bits()), firstPollMonoNanos);
    }

    private int add(SourceSpec spec, OptionalInt ourReferenceIdBits, long firstPollMonoNanos) {
        int id = peers.size() + 1;
        Association association = spec.association();
        Source source = association.type() == AssociationType.PEER
                ? SymmetricSource.of(association, clock.precisionLog2(), firstPollMonoNanos)
                : ClientSource.of(association, clock.precisionLog2(), firstPollMonoNanos);
        Peer peer = new Peer(id, spec, source, new ClockFilter(precisionSeconds, settings.tos().maxDistanceSeconds()),
                ourReferenceIdBits);
        peers.add(peer);
        peerEvent(peer, PeerEvent.MOBILIZE);
        association.options().key().ifPresent(keyId -> SourceAuthenticator.problem(keyId, keys.get())
                .ifPresent(problem -> events.authenticationProblem(spec.address(), problem.describe(keyId))));
        return id;
    }

    /**
     * Drops the preemptable associations (pool members and {@code preempt} servers, which ntpd
     * demobilises when they stop contributing) that no longer serve, and returns them, so that the
     * daemon can put other servers of the pool in their place: those that left
     * {@link #POOL_UNREACH_POLLS} polls unanswered, and those that every selection over
     * {@link #POOL_FALSETICK_POLLS} of their polls found falsetickers. A falseticker goes only while
     * the last selection kept a majority of at least {@code tos minsane} survivors without it (when
     * nothing survives, no one can tell who is wrong). The system peer and plain {@code server}
     * lines always stay.
     */
    public List<Retirement> retirePreemptable() {
        List<Retirement> retired = new ArrayList<>();
        for (Peer peer : peers) {
            if (!peer.isPolled() || !peer.isPreemptable() || isSystemPeer(peer)) {
                continue;
            }
            retirementCause(peer).ifPresent(cause -> {
                removeSource(peer.id);
                retired.add(new Retirement(peer.spec, cause));
            });
        }
        return retired;
    }

    private Optional<Retirement.Cause> retirementCause(Peer peer) {
        if (peer.source.reach() == 0 && peer.source.unreachCount() >= POOL_UNREACH_POLLS) {
            return Optional.of(Retirement.Cause.UNREACHABLE);
        }
        if (peer.falsetickPolls >= POOL_FALSETICK_POLLS && lastSurvivors >= Math.max(1, settings.tos().minsane())) {
            return Optional.of(Retirement.Cause.FALSETICKER);
        }
        return Optional.empty();
    }

    private boolean isSystemPeer(Peer peer) {
        return systemPeerId.isPresent() && systemPeerId.getAsInt() == peer.id;
    }

    /**
     * Lets go of the association ntpq knows by {@code associationId} or, failing that, of the one
     * polling {@code address} ({@code unpeer}); its id is not reused.
     *
     * @param idOffset what the association IDs shown are above the core's (the local clock's 1)
     * @return the source let go, if one matched
     */
    public Optional<SourceSpec> unpeer(OptionalInt associationId, Optional<InetAddress> address, int idOffset) {
        for (Peer peer : peers) {
            boolean named = associationId.isPresent() ? peer.id + idOffset == associationId.getAsInt()
                    : address.isPresent() && peer.spec.address().getAddress().equals(address.get());
            if (peer.isPolled() && named) {
                removeSource(peer.id);
                return Optional.of(peer.spec);
            }
        }
        return Optional.empty();
    }

    /** Stops polling the source of association {@code id} (a pool member dropped); its id is not reused. */
    public void removeSource(int id) {
        Peer peer = peerById(id);
        peer.removed = true;
        outstanding.remove(peer.handle);
        if (systemPeerId.isPresent() && systemPeerId.getAsInt() == id) {
            systemPeerId = OptionalInt.empty();
        }
    }

    /**
     * A synchronizer for {@code sources} ({@code server}, resolved {@code pool} and {@code peer}
     * lines) that steers {@code clock}, starting at {@code monoNanos}.
     */
    public static Synchronizer start(List<SourceSpec> sources, SyncSettings settings, Clock clock,
            RandomGenerator random, SyncEvents events, long monoNanos) {
        return new Synchronizer(sources, settings, clock, random, events, monoNanos);
    }

    /** When {@link #wake} next has something to send (monotonic ns). */
    public long nextWakeMonoNanos() {
        long next = deferred.isPresent() ? Math.min(orphanDueMonoNanos(), publishDueMonoNanos) : orphanDueMonoNanos();
        for (Peer peer : peers) {
            if (peer.isPolled()) {
                next = Math.min(next, peer.source.nextPollMonoNanos());
            }
        }
        return next;
    }

    /** Sends the polls that are due at {@code monoNanos}. */
    public List<Transmit> wake(long monoNanos) {
        publishIfDue(monoNanos);
        dropUnfitSystemPeer(monoNanos);
        becomeOrphanIfDue(monoNanos);
        List<Transmit> transmits = new ArrayList<>();
        for (Peer peer : peers) {
            if (!peer.isPolled()) {
                continue;
            }
            long clockNanos = clock.nowNanos();
            boolean regularPoll = peer.source.burstRemaining() == 0;
            Optional<Request> request = switch (peer.source) {
                case ClientSource client -> client.poll(monoNanos, clockNanos, random);
                case SymmetricSource symmetric -> symmetric.poll(monoNanos, clockNanos, random, localSystem());
            };
            noteReach(peer);
            if (request.isEmpty()) {
                continue;
            }
            if (regularPoll && peer.falsetickPolls >= 0) {
                peer.falsetickPolls++;
            }
            if (request.get().unreachable()) {
                peer.filter.add(ClockFilter.dummySample(clockNanos), peer.source.hostPollLog2());
            }
            outstanding.remove(peer.handle);
            Optional<byte[]> datagram = signed(peer, request.get().datagram());
            if (datagram.isEmpty()) {
                continue;
            }
            peer.handle = nextHandle++;
            peer.requestId = request.get().id();
            Mode mode = request.get().header().mode();
            if (mode == Mode.CLIENT) {
                outstanding.put(peer.handle, peer);
            }
            transmits.add(new Transmit(peer.handle, peer.spec.address(), datagram.get(), mode));
        }
        return transmits;
    }

    /**
     * The packet as it goes to the peer: sealed with NTS for an {@code nts} source (empty while it
     * has no keys or cookies), with the MAC of its key if it has one (empty when that key cannot
     * sign), else as it is.
     */
    private Optional<byte[]> signed(Peer peer, byte[] packet) {
        Optional<NtsSession> nts = ntsOf(peer);
        if (nts.isPresent()) {
            Optional<byte[]> sealed = nts.get().seal(packet, random);
            sealed.ifPresent(_ -> counters.increment(Counter.NTS_CLIENT_SENT));
            return sealed;
        }
        if (peer.keyId.isEmpty()) {
            return Optional.of(packet);
        }
        return SourceAuthenticator.sign(packet, peer.keyId.getAsInt(), keys.get());
    }

    /**
     * Whether a packet from the peer may go on to its association: always without a key; with one,
     * only with a MAC of that key that verifies (ntpd's TEST5). A packet that fails is counted
     * as received and rejected, and a crypto-NAK is logged once.
     */
    private boolean authentic(Peer peer, byte[] datagram, int length) {
        Optional<NtsSession> nts = ntsOf(peer);
        if (nts.isPresent()) {
            return ntsAuthentic(peer, nts.get().check(datagram, length));
        }
        if (peer.keyId.isEmpty()) {
            return true;
        }
        SourceAuthenticator.Verdict verdict = SourceAuthenticator.verify(datagram, length, peer.keyId.getAsInt(),
                keys.get());
        switch (verdict) {
            case AUTHENTIC, MALFORMED -> {
                peer.authentic = verdict == SourceAuthenticator.Verdict.AUTHENTIC;
                return true;
            }
            case CRYPTO_NAK -> {
                if (!peer.cryptoNakLogged) {
                    peer.cryptoNakLogged = true;
                    events.authenticationProblem(peer.spec.address(), "crypto-NAK: it cannot authenticate our key "
                            + peer.keyId.getAsInt() + " (logged once)");
                }
            }
            case BAD -> { }
        }
        peer.authentic = false;
        peerEvent(peer, PeerEvent.BAD_AUTH);
        peer.source.record(Reply.Rejected.of(RejectReason.AUTHENTICATION));
        return false;
    }

    /**
     * Whether a reply to an NTS source may go on to its association: only an authentic one. Anything
     * else is counted as received and rejected, and an NTS NAK to the outstanding request, which
     * loses the keys, is logged.
     */
    private boolean ntsAuthentic(Peer peer, NtsSession.Check check) {
        peer.authentic = check == NtsSession.Check.AUTHENTIC;
        counters.increment(peer.authentic ? Counter.NTS_CLIENT_AUTHENTIC : Counter.NTS_CLIENT_UNAUTHENTIC);
        switch (check) {
            case AUTHENTIC -> {
                return true;
            }
            case NAK -> events.authenticationProblem(peer.spec.address(),
                    "NTS NAK: the server no longer takes our cookies, NTS-KE again");
            case UNAUTHENTIC -> { }
        }
        peerEvent(peer, PeerEvent.BAD_AUTH);
        peer.source.record(Reply.Rejected.of(RejectReason.AUTHENTICATION));
        return false;
    }

    private static Optional<NtsSession> ntsOf(Peer peer) {
        return peer.source instanceof ClientSource client ? client.nts() : Optional.empty();
    }

    /**
     * The associations of NTS sources whose keys are lost (an NTS NAK, a jar run dry) or never came,
     * and for which no NTS-KE exchange has been asked yet: each is returned once, until
     * {@link #ntsKeysEstablished} hands keys back for it.
     */
    public List<Integer> ntsKeyExchangesDue() {
        List<Integer> due = new ArrayList<>();
        for (Peer peer : peers) {
            if (peer.isPolled() && ntsOf(peer).map(NtsSession::startKeyExchange).orElse(false)) {
                due.add(peer.id);
            }
        }
        return due;
    }

    /** Gives the NTS source of association {@code id} the keys and cookies of an NTS-KE exchange. */
    public void ntsKeysEstablished(int id, SessionKeys keys, List<byte[]> cookies) {
        ntsOf(peerById(id)).ifPresent(nts -> nts.established(keys, cookies));
    }

    /**
     * What the daemon serves when that is not this synchronizer's own system variables (the local
     * clock driver, while no source is followed): symmetric peers are told the same as clients.
     */
    public void announce(SystemVariables served) {
        announced = Optional.of(served);
    }

    /** What our symmetric packets say of us: what is served, stratum 16 when that is unsynchronised. */
    private LocalSystem localSystem() {
        SystemVariables served = announced.orElse(system);
        long referenceTimeNanos = served.leap() == LeapIndicator.UNSYNCHRONIZED ? 0 : served.referenceTimeNanos();
        return new LocalSystem(served.leap(), Math.clamp(served.stratum(), 1, NtpConstants.MAXSTRAT),
                served.precisionLog2(), served.rootDelayNanos() * 1e-9, served.rootDispersionNanos() * 1e-9,
                new ReferenceId(served.referenceIdBits()), referenceTimeNanos);
    }

    /**
     * Says when the request sent from {@code handle} really left, as our clock read right before and
     * right after the send: T1 taken there leaves out the time between {@link #wake} and the send.
     */
    public void transmitted(long handle, long beforeSendNanos, long afterSendNanos) {
        Peer peer = outstanding.get(handle);
        if (peer != null && peer.source instanceof ClientSource client) {
            client.transmitted(peer.requestId, beforeSendNanos, afterSendNanos);
        }
    }

    /**
     * Takes in a datagram that arrived at our clock's {@code rxClockNanos} on the socket that sent
     * {@code handle}. Anything not expected there is ignored. A datagram that does not answer the
     * request (a forgery, a replay, a duplicate) leaves it waiting, so that an attacker who guessed
     * the port and beat the server cannot cost the sample: as ntpd, the genuine reply still counts.
     *
     * @return whether the request is done with: answered, or not awaited; its socket may close
     */
    public boolean receive(long handle, byte[] datagram, int length, long rxClockNanos, long monoNanos) {
        Peer peer = outstanding.get(handle);
        if (peer == null || !(peer.source instanceof ClientSource client)) {
            return true;
        }
        if (!authentic(peer, datagram, length)) {
            return false;
        }
        double correctedSeconds = commandedSeconds - discipline.slewPendingSeconds(rxClockNanos);
        Reply reply = client.receive(datagram, length, peer.requestId, rxClockNanos, correctedSeconds, monoNanos);
        boolean answered = !client.awaits(peer.requestId);
        if (answered) {
            outstanding.remove(handle);
        }
        judged(peer, reply, monoNanos);
        return answered;
    }

    /**
     * Takes in a datagram that came from {@code source} to the NTP port at our clock's
     * {@code rxClockNanos}. It goes to the peer association of that address and port; anything
     * from elsewhere is ignored, for an unauthenticated stranger never gets an association.
     */
    public void receiveFromPeer(InetSocketAddress source, byte[] datagram, int length, long rxClockNanos,
            long monoNanos) {
        for (Peer peer : peers) {
            if (peer.isPolled() && peer.source instanceof SymmetricSource symmetric
                    && peer.spec.address().equals(source)) {
                if (!authentic(peer, datagram, length)) {
                    return;
                }
                judged(peer, symmetric.receive(datagram, length, rxClockNanos, monoNanos), monoNanos);
                return;
            }
        }
    }

    private void judged(Peer peer, Reply reply, long monoNanos) {
        // the reply has already set the reach register: reachable comes before what the sample leads to
        noteReach(peer);
        switch (reply) {
            case Reply.Measured measured -> measured(peer, measured, monoNanos);
            case Reply.KissOfDeath kiss -> {
                peerEvent(peer, kiss.code().equals(KissCode.RATE) ? PeerEvent.RATE_EXCEEDED : PeerEvent.ACCESS_DENIED);
                events.kissOfDeath(peer.spec.address(), kiss.code());
            }
            case Reply.Rejected rejected -> { }
        }
    }

    /** Reports the peer event of a reach register that became zero or stopped being zero. */
    private void noteReach(Peer peer) {
        boolean reachable = peer.source.reach() != 0;
        if (reachable != peer.reachable) {
            peer.reachable = reachable;
            peerEvent(peer, reachable ? PeerEvent.REACHABLE : PeerEvent.UNREACHABLE);
        }
    }

    /** Counts a peer event in its status word and reports it with the word as it now reads (ntpd's report_event()). */
    private void peerEvent(Peer peer, PeerEvent event) {
        peer.event(event);
        events.peerEvent(peer.spec.address(),
                ControlViews.status(peer.spec, peer.source, selectionOf(peer), peer.events, peer.authentic).word(),
                event);
    }

    private void measured(Peer peer, Reply.Measured measured, long monoNanos) {
        Sample sample = measured.sample();
        peer.variables = measured.variables();
        peer.receiveNanos = sample.epochNanos();
        peer.delays.add(sample.delaySeconds());
        double variance = peer.delays.errorVarianceSeconds2(sample.delaySeconds(), precisionSeconds);
        peer.lastMeasurement = new Measurement(sample.offsetSeconds(), variance, sample.epochNanos(),
                measured.ageSeconds());
        events.rawReply(peer.spec.address(), peer.source.lastRawReply());
        // the filters keep the clock's timescale once every slew is done, as do the discipline's estimates
        FilterResult filtered = peer.filter.add(new Sample(
                sample.offsetSeconds() - discipline.slewPendingSeconds(sample.epochNanos()), sample.delaySeconds(),
                sample.dispersionSeconds(), sample.epochNanos()), peer.source.hostPollLog2());
        if (filtered instanceof FilterResult.Used(PeerStatistics used)) {
            events.peerSampled(peer.spec.address(),
                    ControlViews.status(peer.spec, peer.source, selectionOf(peer), peer.events, peer.authentic).word(),
                    used.offsetSeconds(), used.delaySeconds(), used.dispersionSeconds(), used.jitterSeconds());
        }
        Mitigation mitigation = ClockSelect.run(candidates(sample.epochNanos()), settings.tos(), systemPeerId);
        tallyFalsetickers(mitigation);
        switch (mitigation) {
            case Mitigation.Synchronized chosen -> {
                if (chosen.truechimers().size() * 2 > votingSources()) {
                    follow(peer, sample, chosen, monoNanos);
                }
            }
            case Mitigation.Unsynchronized none -> {
                if (systemPeerId.isPresent()) {
                    systemPeerId = OptionalInt.empty();
                    withoutSourceSinceMonoNanos = monoNanos;
                    systemEvent(SystemEvent.NO_SYSTEM_PEER);
                    events.lostSynchronization(none.reason());
                }
            }
        }
    }

    /**
     * Starts or ends each association's run of falseticker verdicts; any other place in a selection,
     * or none, ends it. The verdict counts even when the majority rule keeps the clock from
     * following this selection.
     */
    private void tallyFalsetickers(Mitigation mitigation) {
        lastSurvivors = mitigation.survivors().size();
        for (Peer peer : peers) {
            peer.selection = mitigation.status(peer.id);
            if (mitigation.status(peer.id) != SelectionStatus.FALSETICK) {
                peer.falsetickPolls = -1;
            } else if (peer.falsetickPolls < 0) {
                peer.falsetickPolls = 0;
            }
        }
    }

    /** Makes this association the system peer, with ntpd's events, if it is not already. */
    private void choose(int chosenId) {
        if (systemPeerId.isPresent() && systemPeerId.getAsInt() == chosenId) {
            return;
        }
        if (systemPeerId.isEmpty()) {
            systemEvent(SystemEvent.CLOCK_SYNC);
        }
        systemPeerId = OptionalInt.of(chosenId);
        orphaned = false;
        Peer systemPeer = peerById(chosenId);
        peerEvent(systemPeer, PeerEvent.SYS_PEER);
        events.synchronizedTo(systemPeer.spec.address(), systemPeer.variables.stratum());
    }

    private void follow(Peer peer, Sample sample, Mitigation.Synchronized chosen, long monoNanos) {
        int chosenId = chosen.systemPeer().associationId();
        choose(chosenId);
        boolean survivor = chosen.survivors().stream().anyMatch(c -> c.associationId() == peer.id);
        if (!survivor || panicked || clockSetting.isPresent()) {
            return;
        }
        if (settingOnce) {
            settleOnce(chosen.combined().offsetSeconds());
            return;
        }
        Peer systemPeer = peerById(chosenId);
        double pendingSeconds = discipline.slewPendingSeconds(sample.epochNanos());
        ClockCorrection correction;
        if (peer == systemPeer) {
            correction = discipline.update(peer.lastMeasurement);
        } else if (discipline.state() == ClockDiscipline.State.NSET) {
            // the majority formed on another source's sample: start from the system peer's latest
            correction = discipline.update(systemPeer.lastMeasurement);
        } else {
            correction = discipline.corroborate(peer.lastMeasurement);
        }
        switch (correction) {
            case ClockCorrection.Slew slew -> {
                commandedSeconds += slew.newSeconds();
                clock.slew(slew.offsetSeconds());
                clock.setFrequency(slew.frequencyPpm());
                for (Peer each : peers) {
                    each.filter.shift(slew.newSeconds());
                }
                updateSystem(chosen, sample.epochNanos(), monoNanos);
                clockUpdated();
            }
            case ClockCorrection.Step step -> {
                // a step ends the slew under way where it stands
                commandedSeconds += step.offsetSeconds() - pendingSeconds;
                clock.step(step.offsetSeconds());
                clock.setFrequency(step.frequencyPpm());
                for (Peer each : peers) {
                    each.filter.clear();
                }
                systemEvent(SystemEvent.CLOCK_STEP);
                events.stepped(step.offsetSeconds());
                clockUpdated();
            }
            case ClockCorrection.Hold hold -> { }
            case ClockCorrection.Panic panic -> {
                panicked = true;
                events.panic(panic.offsetSeconds());
            }
        }
    }

    /**
     * ntpd -q's clock update: the panic threshold holds as for the discipline; otherwise the
     * combined offset becomes the one setting, by ntpd's step rule.
     */
    private void settleOnce(double offsetSeconds) {
        DisciplineSettings limits = settings.discipline();
        if (limits.beyondPanic(offsetSeconds) && !limits.panicAllowedOnce()) {
            panicked = true;
            events.panic(offsetSeconds);
            return;
        }
        clockSetting = Optional.of(StepRule.ntpd(limits).setting(offsetSeconds));
    }

    /** Reports the discipline's state after a correction, as ntpd's local_clock() ends with its loopstats record. */
    private void clockUpdated() {
        events.clockUpdated(discipline.lastOffsetSeconds(), discipline.frequencyPpm(),
                discipline.offsetErrorSeconds(), discipline.wanderPpm(), discipline.pollLog2());
    }

    private void updateSystem(Mitigation.Synchronized chosen, long nowNanos, long monoNanos) {
        int pollLog2 = discipline.pollLog2();
        for (Peer peer : peers) {
            peer.source.setSystemPoll(pollLog2);
        }
        Peer systemPeer = peerById(chosen.systemPeer().associationId());
        PeerVariables variables = systemPeer.variables;
        // the dispersion the source was selected by: its filter's empty stages would hand clients
        // seconds of root dispersion for the first minutes, which chronyd's maxdistance refuses
        PeerStatistics statistics = systemPeer.filter.statistics()
                .withDispersion(systemPeer.filter.sampledDispersionSeconds());
        ClockUpdate update = ClockUpdate.fromSystemPeer(variables.stratum(), systemPeer.referenceIdBits,
                variables.rootDelaySeconds(), variables.rootDispersionSeconds(), statistics,
                nowNanos, chosen.combined(), settings.tos().minDistanceSeconds());
        systemJitterSeconds = chosen.combined().jitterSeconds();
        Optional<Leap> pending = pendingLeap(chosen, nowNanos);
        LeapDecision leap = LeapSchedule.at(nowNanos, pending, leapSmear.isPresent());
        servedSmear = smearOf(pending, monoNanos);
        Publication publication = new Publication(new SystemVariables(leap.toServe(), update.stratum(),
                clock.precisionLog2(), Math.round(update.rootDelaySeconds() * 1e9),
                Math.round(update.rootDispersionSeconds() * 1e9), update.referenceIdBits(), nowNanos, servedSmear),
                leap.toArm(), leapTable.taiOffsetAt(nowNanos),
                update.rootDelaySeconds() / 2 + update.rootDispersionSeconds(), discipline.offsetErrorSeconds());
        double pendingSeconds = Math.abs(discipline.slewPendingSeconds(nowNanos));
        if (pendingSeconds > SYNCHRONIZED_SLEW_SECONDS) {
            deferred = Optional.of(publication);
            double slewRate = settings.discipline().maxSlewRatePpm() * 1e-6;
            publishDueMonoNanos = monoNanos + (long) Math.ceil((pendingSeconds - SYNCHRONIZED_SLEW_SECONDS) / slewRate * 1e9);
            return;
        }
        publish(publication);
    }

    /**
     * What the clock and the server are told once the clock is right; a TAI offset of 0 (no leap
     * file) is not told, as ntpd tells the kernel only a known one.
     */
    private record Publication(SystemVariables system, LeapState leap, int taiOffsetSeconds, double maxErrorSeconds,
            double estErrorSeconds) {}

    private void publish(Publication publication) {
        deferred = Optional.empty();
        if (clock.status().leap() != publication.leap()) {
            clock.setLeap(publication.leap());
            systemEvent(publication.leap() == LeapState.NONE ? SystemEvent.LEAP_DISARMED : SystemEvent.LEAP_ARMED);
            events.leapChanged(publication.leap());
        }
        if (publication.taiOffsetSeconds() > 0 && publication.taiOffsetSeconds() != taiOffsetToldSeconds) {
            clock.setTaiOffset(publication.taiOffsetSeconds());
            taiOffsetToldSeconds = publication.taiOffsetSeconds();
        }
        system = publication.system();
        clock.setSynchronized(publication.maxErrorSeconds(), publication.estErrorSeconds());
    }

    /** Publishes what waited for a start-up slew to finish, once it has. */
    private void publishIfDue(long monoNanos) {
        if (deferred.isPresent() && monoNanos - publishDueMonoNanos >= 0) {
            publish(deferred.get());
        }
    }

    /**
     * The leap second in force: the leap file's, or the one the survivors vote for (ntpd's rule: more
     * than half of them, so that no single source can arm one), held until it has passed.
     */
    private Optional<Leap> pendingLeap(Mitigation.Synchronized chosen, long nowNanos) {
        List<LeapBallot> ballots = new ArrayList<>();
        for (Candidate survivor : chosen.survivors()) {
            ballots.add(LeapBallot.of(peerById(survivor.associationId()).variables.leap()));
        }
        votedLeap = LeapVote.hold(votedLeap, LeapVote.count(ballots), nowNanos);
        return LeapSchedule.pending(nowNanos, leapTable, votedLeap);
    }

    /**
     * What the server threads need to smear the pending leap, when {@code leapsmearinterval} is
     * set: the clock against the monotonic clock of the caller's {@code monoNanos}, read now.
     */
    private Optional<ServedSmear> smearOf(Optional<Leap> pending, long monoNanos) {
        if (leapSmear.isEmpty() || pending.isEmpty()) {
            return Optional.empty();
        }
        long clockNanos = clock.nowNanos();
        if (servedSmear.isPresent() && servedSmear.get().leap().equals(pending.get())) {
            return Optional.of(servedSmear.get().refreshedAt(clockNanos, monoNanos));
        }
        return Optional.of(ServedSmear.of(leapSmear.get(), pending.get(), clockNanos, monoNanos));
    }

    private List<Candidate> candidates(long nowNanos) {
        List<Candidate> candidates = new ArrayList<>();
        for (Peer peer : peers) {
            if (peer.isSelectable()) {
                PeerStatistics statistics =
                        peer.filter.statistics().withDispersion(peer.filter.sampledDispersionSeconds());
                double distance = RootDistance.of(statistics, peer.variables.rootDelaySeconds(),
                        peer.variables.rootDispersionSeconds(), nowNanos, settings.tos().minDistanceSeconds());
                candidates.add(new Candidate(peer.id, statistics.offsetSeconds(), distance,
                        statistics.jitterSeconds(), peer.variables.stratum(), peer.flags));
            }
        }
        return candidates;
    }

    /**
     * The sources whose say counts towards a majority: the reachable ones, and those not yet heard
     * from that are still being tried, so that the first source to answer cannot win alone.
     */
    private int votingSources() {
        int count = 0;
        for (Peer peer : peers) {
            boolean starting = peer.source.counters().received() == 0
                    && peer.source.counters().sent() < STARTING_POLLS;
            if (peer.isPolled() && !peer.spec.association().options().has(AssociationFlag.NOSELECT)
                    && (peer.source.reach() != 0 || starting)) {
                count++;
            }
        }
        return count;
    }

    private Peer peerById(int id) {
        return peers.get(id - 1);
    }

    /**
     * Lets go of a system peer that can no longer be selected (unreachable after eight unanswered
     * polls, stopped by a kiss, dropped): selection runs only when a sample arrives, and a silent
     * world sends none, so without this the daemon would claim a source it no longer has.
     */
    private void dropUnfitSystemPeer(long monoNanos) {
        if (systemPeerId.isPresent() && !peerById(systemPeerId.getAsInt()).isSelectable()) {
            if (reselect(monoNanos)) {
                return;
            }
            systemPeerId = OptionalInt.empty();
            withoutSourceSinceMonoNanos = monoNanos;
            deferred = Optional.empty();
            system = SystemVariables.unsynchronized(clock.precisionLog2());
            clock.setUnsynchronized();
            systemEvent(SystemEvent.NO_SYSTEM_PEER);
            events.lostSynchronization(NoSelectionReason.NO_CANDIDATES);
        }
    }

    /**
     * Selects again among the sources left, as ntpd does when its system peer becomes unfit, and
     * follows the one a majority still agrees on at once: the clock stays synchronised and the
     * served variables name the new system peer, instead of going unsynchronised until its next
     * sample. Whether there was one to follow.
     */
    private boolean reselect(long monoNanos) {
        long nowNanos = clock.nowNanos();
        if (!(ClockSelect.run(candidates(nowNanos), settings.tos(), OptionalInt.empty())
                instanceof Mitigation.Synchronized chosen) || chosen.truechimers().size() * 2 <= votingSources()) {
            return false;
        }
        tallyFalsetickers(chosen);
        choose(chosen.systemPeer().associationId());
        updateSystem(chosen, nowNanos, monoNanos);
        return true;
    }

    /** When orphan mode would begin, if it is on and no source is followed; never otherwise. */
    private long orphanDueMonoNanos() {
        if (!settings.orphan().enabled() || systemPeerId.isPresent() || orphaned) {
            return Long.MAX_VALUE;
        }
        return withoutSourceSinceMonoNanos + Math.round(settings.orphan().waitSeconds() * 1e9);
    }

    /**
     * Serves at the orphan stratum once no source has been followed for orphanwait, as ntpd does:
     * no leap warning, and the loopback address as reference ID.
     */
    private void becomeOrphanIfDue(long monoNanos) {
        long due = orphanDueMonoNanos();
        if (due != Long.MAX_VALUE && monoNanos - due >= 0) {
            orphaned = true;
            system = new SystemVariables(LeapIndicator.NO_WARNING, settings.orphan().stratum(), clock.precisionLog2(),
                    0, 0, LOOPBACK_REFERENCE_ID, clock.nowNanos());
            events.orphan(settings.orphan().stratum());
        }
    }

    /**
     * Takes leap seconds from a leap-seconds.list ({@code leapfile}): while it is valid it decides,
     * and the sources' vote counts only once it has expired, as in ntpd. Its TAI − UTC goes to the
     * clock with the leap state.
     */
    public void useLeapTable(LeapTable table) {
        leapTable = table;
    }

    /**
     * Smears leap seconds for the clients ({@code leapsmearinterval}), as ntpd does: the served
     * timestamps carry the smear and LI never announces the leap, while the clock keeps UTC and
     * the kernel takes the leap as usual.
     */
    public void smearLeaps(LeapSmear smear) {
        leapSmear = Optional.of(smear);
    }

    /**
     * Sets the clock once instead of disciplining it, as {@code ntpd -q} does: the first clock
     * update's combined offset goes not to the discipline but into one step or slew, by ntpd's
     * {@link StepRule}, which {@link #clockSetting} then holds for the caller to make. The clock is
     * left alone, and no update follows.
     */
    public void setClockOnce() {
        settingOnce = true;
    }

    /**
     * Whether every source polled has answered and had a whole volley sent since: if
     * {@link #setClockOnce} has no setting by then, ntpd -q gives up ("no servers found").
     */
    public boolean everyAnsweredVolleyOut() {
        boolean any = false;
        for (Peer peer : peers) {
            if (peer.isPolled()) {
                if (!peer.source.answeredVolleyOut()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** The setting decided after {@link #setClockOnce}, once there is one. */
    public Optional<ClockSetting> clockSetting() {
        return clockSetting;
    }

    /** The system variables to serve: unsynchronised until the first correction. */
    public SystemVariables systemVariables() {
        return system;
    }


    /** The discipline, for the frequency to save in the drift file and for ntpq. */
    public ClockDiscipline discipline() {
        return discipline;
    }

    /** The system peer's association id, if there is one. */
    public OptionalInt systemPeerId() {
        return systemPeerId;
    }

    /** The system events so far, for the system status word; the first is the restart. */
    public EventTally systemEvents() {
        return systemEvents;
    }

    /** The combined jitter of the last sources combined (ntpq's {@code sys_jitter}), 0 before any. */
    public double systemJitterSeconds() {
        return systemJitterSeconds;
    }

    /**
     * Every association still polled, as mode 6 shows it, with {@code idOffset} added to its id
     * (room for associations the daemon keeps outside this core, the local clock driver).
     */
    public List<AssociationState> associationStates(int idOffset) {
        List<AssociationState> states = new ArrayList<>();
        for (Peer peer : peers) {
            if (peer.removed) {
                continue;
            }
            states.add(ControlViews.association(peer.id + idOffset, peer.spec, peer.source, peer.filter,
                    Optional.ofNullable(peer.variables), selectionOf(peer), peer.events, peer.authentic,
                    peer.receiveNanos, clock.precisionLog2()));
        }
        return states;
    }

    /**
     * The association's place as ntpq's tally shows it: the system peer is the one followed (a
     * selection the majority rule kept the clock from following names another), and one that can
     * no longer be selected is rejected whatever the last selection said.
     */
    private PeerSelection selectionOf(Peer peer) {
        if (isSystemPeer(peer)) {
            return PeerSelection.SYS_PEER;
        }
        if (!peer.isSelectable()) {
            return PeerSelection.REJECT;
        }
        SelectionStatus status = peer.selection == SelectionStatus.SYSPEER ? SelectionStatus.CANDIDATE : peer.selection;
        return PeerSelection.of(status.code());
    }

    private void systemEvent(SystemEvent event) {
        systemEvents = systemEvents.after(event.code());
    }


    /** One association and what the system process keeps of it. */
    private static final class Peer {
        final int id;
        final SourceSpec spec;
        final Source source;
        final ClockFilter filter;
        final DelayStatistics delays = new DelayStatistics();
        final Set<CandidateFlag> flags;
        final int referenceIdBits;
        /** The reference ID of our address as the source sees it, when known. */
        final OptionalInt ourReferenceIdBits;
        /** The symmetric key its packets are signed with ({@code key}), if any. */
        final OptionalInt keyId;
        /** Whether its last packet carried a MAC of its key that verified (ntpd's FLAG_AUTHENTIC). */
        boolean authentic;
        boolean cryptoNakLogged;
        PeerVariables variables;
        Measurement lastMeasurement;
        boolean removed;
        /** Regular polls since every selection began finding it a falseticker; -1 while it is not one. */
        int falsetickPolls = -1;
        /** Where the last selection left it. */
        SelectionStatus selection = SelectionStatus.REJECT;
        /** Its peer events so far, for the peer status word. */
        EventTally events = EventTally.NONE;
        /** Whether the reach register was not zero when last looked at. */
        boolean reachable;
        /** When its last usable packet arrived (Unix ns, our clock), 0 before any. */
        long receiveNanos;
        long handle;
        long requestId;

        Peer(int id, SourceSpec spec, Source source, ClockFilter filter, OptionalInt ourReferenceIdBits) {
            this.id = id;
            this.spec = spec;
            this.source = source;
            this.filter = filter;
            this.flags = flagsOf(spec.association());
            this.referenceIdBits = ReferenceId.ofAddress(spec.address().getAddress()).bits();
            this.ourReferenceIdBits = ourReferenceIdBits;
            this.keyId = spec.association().options().key();
        }

        void event(PeerEvent event) {
            events = events.after(event.code());
        }

        /** Neither dropped nor stopped by a DENY or RSTR kiss. */
        boolean isPolled() {
            return !removed && !source.isDenied();
        }

        /** A pool member or a {@code preempt} server: one the daemon may let go. */
        boolean isPreemptable() {
            return spec.association().type() == AssociationType.POOL
                    || spec.association().options().has(AssociationFlag.PREEMPT);
        }

        boolean isSelectable() {
            return variables != null && source.reach() != 0 && isPolled()
                    && !spec.association().options().has(AssociationFlag.NOSELECT)
                    && variables.leap() != LeapIndicator.UNSYNCHRONIZED
                    && variables.stratum() > 0 && variables.stratum() < NtpConstants.MAXSTRAT
                    && !inTimingLoop();
        }

        /** Synchronised to us: its reference ID names our address (a primary's names its clock). */
        private boolean inTimingLoop() {
            return variables.stratum() > 1 && ourReferenceIdBits.isPresent()
                    && variables.referenceId().bits() == ourReferenceIdBits.getAsInt();
        }

        private static Set<CandidateFlag> flagsOf(Association association) {
            EnumSet<CandidateFlag> flags = EnumSet.noneOf(CandidateFlag.class);
            if (association.options().has(AssociationFlag.PREFER)) {
                flags.add(CandidateFlag.PREFER);
            }
            if (association.options().has(AssociationFlag.TRUE)) {
                flags.add(CandidateFlag.TRUE);
            }
            return flags;
        }
    }
}
