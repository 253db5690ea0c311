package org.jntp.source;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.random.RandomGenerator;
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
import org.jntp.discipline.ClockUpdate;
import org.jntp.discipline.DelayStatistics;
import org.jntp.discipline.Measurement;
import org.jntp.discipline.Mitigation;
import org.jntp.discipline.NoSelectionReason;
import org.jntp.discipline.NtpConstants;
import org.jntp.discipline.PeerStatistics;
import org.jntp.discipline.RootDistance;
import org.jntp.discipline.Sample;
import org.jntp.leap.Leap;
import org.jntp.leap.LeapBallot;
import org.jntp.leap.LeapDecision;
import org.jntp.leap.LeapSchedule;
import org.jntp.leap.LeapTable;
import org.jntp.leap.LeapVote;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.SystemVariables;

/**
 * The client side of the daemon without I/O: the associations, the system process of RFC 5905
 * (clock filter, selection, cluster, combine, clock update) and the clock discipline, wired
 * together. The daemon and the simulator drive it alike: they send each {@link Transmit} that
 * {@link #wake} returns from a socket of its own, hand back what arrives on that socket with
 * {@link #receive}, and call {@link #wake} again at {@link #nextWakeMonoNanos}.
 *
 * <p>Every sample of a source that survives selection feeds the discipline, weighed by what its
 * delay says of its error. A source takes part in selection from its first sample, its distance
 * counting only the filter stages it has filled (the RFC would wait for four); in exchange nothing
 * steers the clock until a majority of the sources agree, counting those still being tried, so a
 * falseticker that answers first is never followed.
 */
public final class Synchronizer {

    /** A request to send from a socket of its own; its reply comes back with the same handle. */
    public record Transmit(long handle, InetSocketAddress destination, byte[] datagram) {}

    /** One configured source, its address resolved. */
    public record SourceSpec(InetSocketAddress address, Association association) {}

    /** Unanswered polls after which a source that never answered stops counting towards a majority. */
    private static final int STARTING_POLLS = 4;
    /** Polls without an answer after which a pool member gives way to another server of the pool. */
    public static final int POOL_UNREACH_POLLS = 10;
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
    private SystemVariables system;
    private long nextHandle = 1;
    private boolean panicked;
    /**
     * The phase corrections ordered so far (each slew's new part, each step), a running total: less
     * the slew still pending, how far the clock has been moved, which interleaved samples need.
     */
    private double commandedSeconds;
    private boolean orphaned;
    private long withoutSourceSinceMonoNanos;
    private Optional<Leap> votedLeap = Optional.empty();
    private LeapTable leapTable = LeapTable.none();
    private Optional<Publication> deferred = Optional.empty();
    private long publishDueMonoNanos;

    private Synchronizer(List<SourceSpec> sources, SyncSettings settings, Clock clock, RandomGenerator random,
            SyncEvents events, long monoNanos) {
        this.clock = clock;
        this.settings = settings;
        this.random = random;
        this.events = events;
        this.precisionSeconds = Math.scalb(1.0, clock.precisionLog2());
        this.system = SystemVariables.unsynchronized(clock.precisionLog2());
        this.discipline = ClockDiscipline.start(settings.discipline(), clock.nowNanos());
        this.withoutSourceSinceMonoNanos = monoNanos;
        for (int i = 0; i < sources.size(); i++) {
            // ntpd starts its associations spread over a second, so their first volleys do not coincide
            addSource(sources.get(i), monoNanos + i * 1_000_000_000L / sources.size());
        }
    }

    /**
     * Starts polling another source (a name that resolved late, a pool member) from
     * {@code firstPollMonoNanos} on, keeping all that was learned of the clock. Returns its
     * association id.
     */
    public int addSource(SourceSpec spec, long firstPollMonoNanos) {
        int id = peers.size() + 1;
        peers.add(new Peer(id, spec, ClientSource.of(spec.association(), clock.precisionLog2(), firstPollMonoNanos),
                new ClockFilter(precisionSeconds, settings.tos().maxDistanceSeconds())));
        return id;
    }

    /**
     * Drops the pool members that stopped answering ({@link #POOL_UNREACH_POLLS} polls without a
     * reply, as ntpd demobilises preemptable associations) and returns them, so that the daemon can
     * put other servers of the pool in their place.
     */
    public List<SourceSpec> retireUnreachablePoolMembers() {
        List<SourceSpec> retired = new ArrayList<>();
        for (Peer peer : peers) {
            if (peer.isPolled() && peer.spec.association().type() == AssociationType.POOL
                    && peer.source.unreachCount() >= POOL_UNREACH_POLLS) {
                removeSource(peer.id);
                retired.add(peer.spec);
            }
        }
        return retired;
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
     * A synchronizer for {@code sources} (client associations: {@code server} and resolved
     * {@code pool} lines) that steers {@code clock}, starting at {@code monoNanos}.
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
            Optional<Request> request = peer.source.poll(monoNanos, clockNanos, random);
            if (request.isEmpty()) {
                continue;
            }
            if (request.get().unreachable()) {
                peer.filter.add(ClockFilter.dummySample(clockNanos), peer.source.hostPollLog2());
            }
            outstanding.remove(peer.handle);
            peer.handle = nextHandle++;
            peer.requestId = request.get().id();
            outstanding.put(peer.handle, peer);
            transmits.add(new Transmit(peer.handle, peer.spec.address(), request.get().datagram()));
        }
        return transmits;
    }

    /**
     * Says when the request sent from {@code handle} really left, as our clock read right before and
     * right after the send: T1 taken there leaves out the time between {@link #wake} and the send.
     */
    public void transmitted(long handle, long beforeSendNanos, long afterSendNanos) {
        Peer peer = outstanding.get(handle);
        if (peer != null) {
            peer.source.transmitted(peer.requestId, beforeSendNanos, afterSendNanos);
        }
    }

    /**
     * Takes in a datagram that arrived at our clock's {@code rxClockNanos} on the socket that sent
     * {@code handle}. Anything not expected there is ignored.
     */
    public void receive(long handle, byte[] datagram, int length, long rxClockNanos, long monoNanos) {
        Peer peer = outstanding.remove(handle);
        if (peer == null) {
            return;
        }
        double correctedSeconds = commandedSeconds - discipline.slewPendingSeconds(rxClockNanos);
        switch (peer.source.receive(datagram, length, peer.requestId, rxClockNanos, correctedSeconds, monoNanos)) {
            case Reply.Measured measured -> measured(peer, measured, monoNanos);
            case Reply.KissOfDeath kiss -> events.kissOfDeath(peer.spec.address(), kiss.code());
            case Reply.Rejected rejected -> { }
        }
    }

    private void measured(Peer peer, Reply.Measured measured, long monoNanos) {
        Sample sample = measured.sample();
        peer.variables = measured.variables();
        peer.delays.add(sample.delaySeconds());
        double variance = peer.delays.errorVarianceSeconds2(sample.delaySeconds(), precisionSeconds);
        peer.lastMeasurement = new Measurement(sample.offsetSeconds(), variance, sample.epochNanos(),
                measured.ageSeconds());
        // the filters keep the clock's timescale once every slew is done, as do the discipline's estimates
        peer.filter.add(new Sample(sample.offsetSeconds() - discipline.slewPendingSeconds(sample.epochNanos()),
                sample.delaySeconds(), sample.dispersionSeconds(), sample.epochNanos()), peer.source.hostPollLog2());
        Mitigation mitigation = ClockSelect.run(candidates(sample.epochNanos()), settings.tos(), systemPeerId);
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
                    events.lostSynchronization(none.reason());
                }
            }
        }
    }

    private void follow(Peer peer, Sample sample, Mitigation.Synchronized chosen, long monoNanos) {
        int chosenId = chosen.systemPeer().associationId();
        if (systemPeerId.isEmpty() || systemPeerId.getAsInt() != chosenId) {
            systemPeerId = OptionalInt.of(chosenId);
            orphaned = false;
            Peer systemPeer = peerById(chosenId);
            events.synchronizedTo(systemPeer.spec.address(), systemPeer.variables.stratum());
        }
        boolean survivor = chosen.survivors().stream().anyMatch(c -> c.associationId() == peer.id);
        if (!survivor || panicked) {
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
            }
            case ClockCorrection.Step step -> {
                // a step ends the slew under way where it stands
                commandedSeconds += step.offsetSeconds() - pendingSeconds;
                clock.step(step.offsetSeconds());
                clock.setFrequency(step.frequencyPpm());
                for (Peer each : peers) {
                    each.filter.clear();
                }
                events.stepped(step.offsetSeconds());
            }
            case ClockCorrection.Hold hold -> { }
            case ClockCorrection.Panic panic -> {
                panicked = true;
                events.panic(panic.offsetSeconds());
            }
        }
    }

    private void updateSystem(Mitigation.Synchronized chosen, long nowNanos, long monoNanos) {
        int pollLog2 = discipline.pollLog2();
        for (Peer peer : peers) {
            peer.source.setSystemPoll(pollLog2);
        }
        Peer systemPeer = peerById(chosen.systemPeer().associationId());
        PeerVariables variables = systemPeer.variables;
        ClockUpdate update = ClockUpdate.fromSystemPeer(variables.stratum(), systemPeer.referenceIdBits,
                variables.rootDelaySeconds(), variables.rootDispersionSeconds(), systemPeer.filter.statistics(),
                nowNanos, chosen.combined(), settings.tos().minDistanceSeconds());
        LeapDecision leap = leapOf(chosen, nowNanos);
        Publication publication = new Publication(new SystemVariables(leap.toServe(), update.stratum(),
                clock.precisionLog2(), Math.round(update.rootDelaySeconds() * 1e9),
                Math.round(update.rootDispersionSeconds() * 1e9), update.referenceIdBits(), nowNanos),
                leap.toArm(), update.rootDelaySeconds() / 2 + update.rootDispersionSeconds(),
                discipline.offsetErrorSeconds());
        double pendingSeconds = Math.abs(discipline.slewPendingSeconds(nowNanos));
        if (pendingSeconds > SYNCHRONIZED_SLEW_SECONDS) {
            deferred = Optional.of(publication);
            double slewRate = settings.discipline().maxSlewRatePpm() * 1e-6;
            publishDueMonoNanos = monoNanos + (long) Math.ceil((pendingSeconds - SYNCHRONIZED_SLEW_SECONDS) / slewRate * 1e9);
            return;
        }
        publish(publication);
    }

    /** What the clock and the server are told once the clock is right. */
    private record Publication(SystemVariables system, LeapState leap, double maxErrorSeconds,
            double estErrorSeconds) {}

    private void publish(Publication publication) {
        deferred = Optional.empty();
        if (clock.status().leap() != publication.leap()) {
            clock.setLeap(publication.leap());
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
     * The leap second the survivors vote for (ntpd's rule: more than half of them, so that no single
     * source can arm one), held until it has passed, and what to serve and arm for it now.
     */
    private LeapDecision leapOf(Mitigation.Synchronized chosen, long nowNanos) {
        List<LeapBallot> ballots = new ArrayList<>();
        for (Candidate survivor : chosen.survivors()) {
            ballots.add(LeapBallot.of(peerById(survivor.associationId()).variables.leap()));
        }
        votedLeap = LeapVote.hold(votedLeap, LeapVote.count(ballots), nowNanos);
        return LeapSchedule.at(nowNanos, LeapSchedule.pending(nowNanos, leapTable, votedLeap), false);
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
            systemPeerId = OptionalInt.empty();
            withoutSourceSinceMonoNanos = monoNanos;
            deferred = Optional.empty();
            system = SystemVariables.unsynchronized(clock.precisionLog2());
            clock.setUnsynchronized();
            events.lostSynchronization(NoSelectionReason.NO_CANDIDATES);
        }
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
     * and the sources' vote counts only once it has expired, as in ntpd.
     */
    public void useLeapTable(LeapTable table) {
        leapTable = table;
    }

    /** The system variables to serve: unsynchronised until the first correction. */
    public SystemVariables systemVariables() {
        return system;
    }


    /** The discipline, for the frequency to save in the drift file and for ntpq. */
    public ClockDiscipline discipline() {
        return discipline;
    }


    /** One association and what the system process keeps of it. */
    private static final class Peer {
        final int id;
        final SourceSpec spec;
        final ClientSource source;
        final ClockFilter filter;
        final DelayStatistics delays = new DelayStatistics();
        final Set<CandidateFlag> flags;
        final int referenceIdBits;
        PeerVariables variables;
        Measurement lastMeasurement;
        boolean removed;
        long handle;
        long requestId;

        Peer(int id, SourceSpec spec, ClientSource source, ClockFilter filter) {
            this.id = id;
            this.spec = spec;
            this.source = source;
            this.filter = filter;
            this.flags = flagsOf(spec.association());
            this.referenceIdBits = ReferenceId.ofAddress(spec.address().getAddress()).bits();
        }

        /** Neither dropped nor stopped by a DENY or RSTR kiss. */
        boolean isPolled() {
            return !removed && !source.isDenied();
        }

        boolean isSelectable() {
            return variables != null && source.reach() != 0 && isPolled()
                    && !spec.association().options().has(AssociationFlag.NOSELECT)
                    && variables.leap() != LeapIndicator.UNSYNCHRONIZED
                    && variables.stratum() > 0 && variables.stratum() < NtpConstants.MAXSTRAT;
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
