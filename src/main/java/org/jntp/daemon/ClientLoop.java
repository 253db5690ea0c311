package org.jntp.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jntp.auth.KeyRing;
import org.jntp.clock.Clock;
import org.jntp.config.Association;
import org.jntp.config.AssociationFlag;
import org.jntp.config.AssociationOptions;
import org.jntp.config.AssociationType;
import org.jntp.config.Fudge;
import org.jntp.config.NtpConfig;
import org.jntp.config.NtsSettings;
import org.jntp.config.RefclockAddress;
import org.jntp.config.RuntimeConfig;
import org.jntp.config.ServerAddress;
import org.jntp.daemon.net.Endpoint;
import org.jntp.daemon.net.Poller;
import org.jntp.daemon.net.ReceiveBatch;
import org.jntp.daemon.net.UdpSocket;
import org.jntp.daemon.stats.StatsWriter;
import org.jntp.discipline.ClockDiscipline;
import org.jntp.discipline.ClockSetting;
import org.jntp.discipline.DisciplineSettings;
import org.jntp.discipline.NtpConstants;
import org.jntp.leap.LeapSmear;
import org.jntp.leap.LeapTable;
import org.jntp.protocol.Mode;
import org.jntp.protocol.ReferenceId;
import org.jntp.protocol.control.ClockSource;
import org.jntp.refclock.LocalClock;
import org.jntp.server.SharedCounters;
import org.jntp.server.SystemVariables;
import org.jntp.server.access.IpAddress;
import org.jntp.server.control.AssociationState;
import org.jntp.server.control.ControlState;
import org.jntp.server.control.SystemState;
import org.jntp.source.Retirement;
import org.jntp.source.SyncEvents;
import org.jntp.source.SyncSettings;
import org.jntp.source.Synchronizer;
import org.jntp.source.TosSettings;

/**
 * The client thread: drives the client core ({@link Synchronizer}) on real sockets. It sleeps in
 * one {@code poll(2)} until the core's next poll, a reply, the local clock's next reading or the
 * drift file's next write, whichever comes first; sends each request from a socket of its own
 * (a fresh source port every time, as chrony does against off-path forgery), takes the reply's
 * arrival time from the kernel, and publishes the system variables the server threads serve.
 * Peers (symmetric associations) are the exception: their packets go from the NTP port, and the
 * server threads hand over what a peer sends there, through {@link PeerInbox}.
 *
 * <p>Host names resolve on a thread of their own. Once the first lookups are done (or after
 * {@link #START_WAIT_NANOS}) the core polls what there is, and a name that resolves later joins
 * the running core, which keeps all it learnt of the clock. A pool member (or {@code preempt}
 * server) that stops answering or keeps being a falseticker gives way to an address of the pool's
 * reserve, and once that reserve is used up the pool's name is looked up again.
 *
 * <p>An {@code nts} line joins the core once its NTS-KE exchange, on a thread of its own
 * ({@link NtsKeyExchanges}), gave keys, at the NTP server the exchange named; when the core finds
 * its keys lost (an NTS NAK, cookies run out) the exchange runs again and the keys come back to
 * the same association.
 */
final class ClientLoop implements Runnable {
    /** The longest the core waits for the first lookups of host names before starting without them. */
    static final long START_WAIT_NANOS = 10_000_000_000L;
    private static final int RECEIVE_BATCH = 4;
    /** Room for a reply with extension fields and a MAC, as the server takes requests. */
    private static final int MAX_DATAGRAM = 1280;
    private static final int WARM_UP_ROUNDS = 3;
    /** Far enough apart that each round of the rehearsal core is due to poll. */
    private static final long WARM_UP_SPACING_NANOS = 3_600_000_000_000L;
    private static final long WARM_UP_WAIT_NANOS = 100_000_000L;

    private final GuardedClock clock;
    private final SyncSettings settings;
    private final ClientOptions options;
    private final SourceSet sources;
    private final List<ResolveSchedule.Name> names;
    private final Optional<LocalDriver> local;
    private final SyncLog events;
    private final StatsWriter stats;
    private final DriftKeeper drift;
    private final Poller poller;
    private final Published published;
    private final Optional<LeapSmear> leapSmear;
    private final CompletableFuture<DaemonExit> exit;
    private final EventLog log;
    private final RandomBits random = new RandomBits(KernelRandom::fill);
    private final Queue<NameResolver.News> news = new ConcurrentLinkedQueue<>();
    private final Queue<Configured> configured = new ConcurrentLinkedQueue<>();
    private final OutstandingRequests<UdpSocket> outstanding = new OutstandingRequests<>();
    private final RequestSender sender;
    private final ReplyReader replyReader;
    private final PeerInbox inbox;
    private final PeerSender peerSender;
    private final NameResolver resolver;
    private final List<Association> ntsLines;
    private final NtsKeyExchanges keyExchanges;
    /** NTS as a client: requests and replies (the client thread), NTS-KE exchanges (their own threads). */
    private final SharedCounters ntsCounters = new SharedCounters();
    private final Queue<NtsKeyExchanges.Keyed> keyed = new ConcurrentLinkedQueue<>();
    /** The NTS lines of the core's NTS associations, by association id, to exchange keys again. */
    private final Map<Integer, Association> ntsAssociations = new HashMap<>();
    /** The NTS sources polled: outside {@link SourceSet}, for their address comes from NTS-KE. */
    private final List<Synchronizer.SourceSpec> ntsPolled = new ArrayList<>();
    /** Set on the client thread once the resolver thread runs: at start with names, or at the first given at run time. */
    private boolean resolving;
    private final Endpoint from = new Endpoint();
    private volatile boolean running = true;

    private Synchronizer synchronizer;
    private List<Synchronizer.SourceSpec> polled = List.of();
    private boolean awaitingNames;
    private long startDeadlineMonoNanos;
    private long nextLocalPollMonoNanos;
    private SystemVariables localVariables;
    private Served served = Served.NOTHING;
    private long sent;
    private long sendFailures;

    /** The local clock driver, the unit its address names, how often it is read, and its association for ntpq. */
    private record LocalDriver(LocalClock driver, int unit, long pollNanos, LocalClockAssociation association) {}

    /** What a CONFIGURE request added and let go, and who sent it. */
    private record Configured(InetSocketAddress from, List<Association> associations,
            List<RuntimeConfig.Unpeer> unpeers) {}

    /** Which source the server threads are serving. */
    private enum Served { NOTHING, LOCAL_CLOCK, NETWORK }

    private ClientLoop(GuardedClock clock, SyncSettings settings, ClientOptions options, SourcePlan plan,
            Optional<LocalDriver> local, DriftKeeper drift, Optional<LeapTable> leapTable,
            Optional<LeapSmear> leapSmear, Poller poller, RequestSender sender, Published published, StatsWriter stats,
            NtsSettings nts, EventLog log, long monoNanos) {
        this.clock = clock;
        this.settings = settings;
        this.options = options;
        this.sources = new SourceSet(settings.tos().maxclock(), options.serverPort());
        this.names = plan.names();
        this.local = local;
        this.events = new SyncLog(log, settings.discipline().panicThresholdSeconds());
        this.stats = stats;
        this.drift = drift;
        this.poller = poller;
        this.published = published;
        this.leapSmear = leapSmear;
        this.exit = new CompletableFuture<>();
        this.log = log;
        this.sender = sender;
        this.replyReader = new ReplyReader(clock, log);
        this.inbox = new PeerInbox(poller::wakeUp);
        this.peerSender = new PeerSender(log);
        this.resolver = new NameResolver(new ResolveSchedule(names, monoNanos), HostLookup.system(), options.family(),
                this::deliver, log, System::nanoTime);
        this.ntsLines = plan.nts();
        this.keyExchanges = new NtsKeyExchanges(nts, options.family(), this::deliverKeys, ntsCounters, log);
        for (Association literal : plan.literals()) {
            ServerAddress.Literal address = (ServerAddress.Literal) literal.address();
            sources.add(literal, List.of(address.address().inetAddress())).forEach(log::info);
        }
        // before the server threads start, so that none answers a peer as a stranger
        routePeers(sources.sources());
        this.synchronizer = Synchronizer.start(List.of(), settings, clock, random, new SyncEventsPair(events, stats),
                monoNanos);
        synchronizer.countIn(ntsCounters);
        if (options.setAndQuit()) {
            synchronizer.setClockOnce();
        }
        leapTable.ifPresent(synchronizer::useLeapTable);
        leapSmear.ifPresent(synchronizer::smearLeaps);
        this.awaitingNames = !names.isEmpty();
        this.startDeadlineMonoNanos = monoNanos + START_WAIT_NANOS;
        local.ifPresent(driver -> {
            pollLocal(driver);
            nextLocalPollMonoNanos = monoNanos + driver.pollNanos();
        });
        publish(monoNanos);
    }

    /**
     * The client side of the daemon for {@code config}, steering {@code clock}, with what it serves
     * published at once (the local clock, if configured) and from then on, with the control state
     * ntpq reads, and with its statistics written to {@code stats}, which it closes when it stops.
     * Run it on a thread of its own.
     */
    static ClientLoop create(NtpConfig config, Clock clock, ClientOptions options, Published published,
            StatsWriter stats, EventLog log) throws IOException {
        long monoNanos = System.nanoTime();
        GuardedClock guarded = new GuardedClock(clock, log);
        guarded.setMaxSlewRate(SyncSettings.maxSlewRatePpm(config));
        TosSettings.of(config.tos()).unused().forEach(name -> log.info("tos " + name + ": not used yet"));
        config.tinker().stream().filter(option -> !SyncSettings.TINKER_USED.contains(option.name()))
                .forEach(option -> log.info("tinker " + option.name() + ": not used (the discipline is not ntpd's PLL)"));
        DriftKeeper drift = new DriftKeeper(options.driftFile(), log, monoNanos,
                config.misc().wanderThreshold() * 1e6);
        SyncSettings lines = SyncSettings.of(config, options.panicAllowedOnce(), options.slewOnly(),
                guarded.maxSlewRatePpm(), OptionalDouble.empty());
        DisciplineSettings discipline = drift.restore(lines.discipline(), guarded);
        SourcePlan plan = SourcePlan.of(options.setAndQuit() ? SourcePlan.withIburst(config.associations())
                : config.associations(), options.family());
        plan.notices().forEach(log::info);
        Optional<LocalDriver> local = plan.localClock().map(line -> localDriver(config, line));
        Optional<LeapTable> leapTable = config.files().leapFile()
                .flatMap(path -> LeapFileReader.load(Path.of(path), log, clock.nowNanos()));
        return new ClientLoop(guarded, new SyncSettings(lines.tos(), discipline, lines.orphan()), options, plan,
                local, drift, leapTable, leapSmear(config, log), Poller.open(),
                new RequestSender(log, config.misc().trafficClass()), published, stats, config.nts(), log, monoNanos);
    }

    /** The smear of {@code leapsmearinterval}, logged as ntpd logs it; none for 0. */
    private static Optional<LeapSmear> leapSmear(NtpConfig config, EventLog log) {
        int seconds = config.leapSmearIntervalSeconds();
        if (seconds == 0) {
            return Optional.empty();
        }
        log.info("config: leap smear interval " + seconds + " s");
        return Optional.of(new LeapSmear(seconds));
    }

    /**
     * The local clock as the last fudge line for its address sets it, ntpd's defaults otherwise;
     * its association comes first, with ID 1.
     */
    private static LocalDriver localDriver(NtpConfig config, SourcePlan.LocalClockLine line) {
        RefclockAddress refclock = line.address();
        Optional<Fudge> fudge = config.fudges().stream().filter(f -> f.clock().equals(refclock)).reduce((a, b) -> b);
        OptionalInt fudgedStratum = fudge.map(Fudge::stratum).orElse(OptionalInt.empty());
        Optional<ReferenceId> fudgedRefid = fudge.flatMap(Fudge::refid).map(ReferenceId::ofAscii);
        LocalClock driver = new LocalClock(fudgedStratum.orElse(LocalClock.DEFAULT_STRATUM),
                fudgedRefid.orElse(LocalClock.DEFAULT_REFERENCE_ID));
        OptionalInt refidBits = fudgedRefid.map(id -> OptionalInt.of(id.bits())).orElse(OptionalInt.empty());
        return new LocalDriver(driver, refclock.unit(), (1L << line.pollLog2()) * 1_000_000_000L,
                new LocalClockAssociation(1, driver, refclock.unit(), fudgedStratum, refidBits, line.pollLog2()));
    }

    /** Reads the local clock driver. */
    private void pollLocal(LocalDriver driver) {
        long nowNanos = clock.nowNanos();
        localVariables = driver.driver().poll(nowNanos, clock.precisionLog2());
        driver.association().polled(nowNanos);
    }

    /** Where the server threads leave the packets of configured peers. */
    PeerInbox peerInbox() {
        return inbox;
    }

    /** The serving sockets, one per address, that peer packets leave from; call before {@link #run}. */
    void sendToPeersFrom(List<UdpSocket> serving) {
        peerSender.sendFrom(serving);
    }

    /** Completes when the client side stops the daemon by itself: {@code -q} done, a panic, a failure. */
    CompletableFuture<DaemonExit> exit() {
        return exit;
    }

    /** What the NTS client has done so far; safe to read from any thread. */
    SharedCounters ntsCounters() {
        return ntsCounters;
    }

    /**
     * Signs and checks the packets of sources with a {@code key} with these keys; call it before
     * the thread starts.
     */
    void authenticateWith(Supplier<KeyRing> keys) {
        synchronizer.authenticateWith(keys);
    }

    /** Starts the resolver thread unless it runs. */
    private void startResolving() {
        if (!resolving) {
            resolving = true;
            Thread.ofPlatform().name("ntpd-resolver").daemon(true).start(resolver);
        }
    }

    /** Asks the thread to finish; it returns from {@link #run} promptly, writing the drift file on its way out. */
    void stop() {
        running = false;
        poller.wakeUp();
    }

    /** Releases what {@link #create} opened, for a loop that never ran. */
    void abandon() {
        poller.close();
        stats.close();
    }

    @Override
    public void run() {
        if (!names.isEmpty()) {
            startResolving();
        }
        ntsLines.forEach(line -> keyExchanges.start(line, OptionalInt.empty()));
        try (ReceiveBatch replies = ReceiveBatch.allocate(RECEIVE_BATCH, MAX_DATAGRAM)) {
            warmUp(replies);
            loop(replies);
        } catch (IOException | RuntimeException e) {
            log.info("client stopped: " + e);
            exit.complete(new DaemonExit.Failed(e.toString()));
        } finally {
            resolver.stop();
            keyExchanges.stop();
            outstanding.closeAll();
            sender.close();
            peerSender.close();
            poller.close();
            drift.writeNow(learntFrequency());
            stats.close();
            log.info("client: requests sent " + sent + ", replies taken " + replyReader.answered()
                    + ", from other addresses " + replyReader.foreign() + ", send failures " + sendFailures + ", peer packets taken " + inbox.taken()
                    + ", dropped " + inbox.dropped());
        }
    }

    private void deliver(NameResolver.News item) {
        news.add(item);
        poller.wakeUp();
    }

    private void deliverKeys(NtsKeyExchanges.Keyed item) {
        keyed.add(item);
        poller.wakeUp();
    }

    private void loop(ReceiveBatch replies) throws IOException {
        while (running) {
            long now = System.nanoTime();
            takeNews(now);
            if (synchronizer.nextWakeMonoNanos() - now <= 0) {
                send(synchronizer.wake(now));
                replaceRetiredSources(now);
                for (int id : synchronizer.ntsKeyExchangesDue()) {
                    keyExchanges.start(ntsAssociations.get(id), OptionalInt.of(id));
                }
            }
            if (local.isPresent() && nextLocalPollMonoNanos - now <= 0) {
                pollLocal(local.get());
                nextLocalPollMonoNanos = now + local.get().pollNanos();
            }
            drift.writeIfDue(now, learntFrequency());
            stats.writeSysStatsIfDue(now);
            random.refill();
            publish(now);
            if (finished()) {
                return;
            }
            long wait = waitNanos(System.nanoTime());
            List<UdpSocket> readable = poller.await(outstanding.sockets(), wait);
            for (UdpSocket socket : readable) {
                receive(socket, replies);
            }
            // a wake for a deadline changed nothing yet: the loop's first turn publishes after its work
            if (receiveFromPeers() + readable.size() > 0) {
                publish(System.nanoTime());
                if (finished()) {
                    return;
                }
            }
        }
    }

    /** How long to sleep: until the earliest deadline; at least a millisecond once one is overdue, never spinning. */
    private long waitNanos(long now) {
        long next = Math.min(Math.min(synchronizer.nextWakeMonoNanos(), drift.nextWriteMonoNanos()),
                stats.nextSysStatsMonoNanos());
        if (local.isPresent()) {
            next = Math.min(next, nextLocalPollMonoNanos);
        }
        if (awaitingNames) {
            next = Math.min(next, startDeadlineMonoNanos);
        }
        return next == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(next - now, 1_000_000L);
    }

    /**
     * Adds associations sent at run time (ntpq's {@code :config}), as their ntp.conf lines would
     * have; any thread may call it. They join the running core at its next turn.
     */
    void configure(InetSocketAddress from, List<Association> associations, List<RuntimeConfig.Unpeer> unpeers) {
        configured.add(new Configured(from, associations, unpeers));
        poller.wakeUp();
    }

    /** What the association IDs ntpq sees are above the core's: the local clock, when there is one, is 1. */
    private int idOffset() {
        return local.isPresent() ? 1 : 0;
    }

    /**
     * SIGHUP: every server, pool and peer name is looked up again at once; any thread may call it.
     * A server whose name moved follows it, a pool takes fresh addresses, a name that never
     * resolved is tried again.
     */
    void lookUpNamesAgain() {
        log.info("looking up " + resolver.names() + " host name(s) again");
        resolver.lookUpAllAgain();
    }

    /** Lets go of the association of a line whose name no longer resolves to the address it is polled at. */
    private void moved(Synchronizer.SourceSpec old) {
        log.info(old.association().type().keyword() + " " + old.association().address() + ": "
                + AddressText.of(old.address().getAddress()) + " is no longer among its addresses, letting it go");
        synchronizer.unpeer(OptionalInt.empty(), Optional.of(old.address().getAddress()), idOffset());
        polling(polled.stream().filter(source -> !source.equals(old)).toList());
    }

    /** {@code unpeer}: the association let go, the sources polled and the peers routed without it. */
    private void unpeer(InetSocketAddress from, RuntimeConfig.Unpeer unpeer) {
        Optional<Synchronizer.SourceSpec> removed = switch (unpeer) {
            case RuntimeConfig.Unpeer.ById byId ->
                    synchronizer.unpeer(OptionalInt.of(byId.associationId()), Optional.empty(), idOffset());
            case RuntimeConfig.Unpeer.ByAddress byAddress ->
                    synchronizer.unpeer(OptionalInt.empty(), Optional.of(byAddress.address().inetAddress()), idOffset());
        };
        String named = switch (unpeer) {
            case RuntimeConfig.Unpeer.ById byId -> "association " + byId.associationId();
            case RuntimeConfig.Unpeer.ByAddress byAddress -> byAddress.address().toString();
        };
        if (removed.isEmpty()) {
            log.info("remote config from " + AddressText.of(from.getAddress()) + ": unpeer " + named
                    + ": no such association");
            return;
        }
        log.info("remote config from " + AddressText.of(from.getAddress()) + ": unpeer " + named + ", "
                + AddressText.of(removed.get().address().getAddress()) + " let go");
        sources.remove(removed.get());
        ntsPolled.remove(removed.get());
        // sources still to be added (the same request's server lines) stay out of polled, so they are added next
        polling(polled.stream().filter(source -> !source.equals(removed.get())).toList());
    }

    private void takeNews(long now) {
        for (Configured item = configured.poll(); item != null; item = configured.poll()) {
            for (Association association : item.associations()) {
                log.info("remote config from " + AddressText.of(item.from().getAddress()) + ": "
                        + association.type().keyword() + " " + association.address());
                // as at start: an NTS line is polled only once NTS-KE gave it keys, never in the clear
                if (association.options().has(AssociationFlag.NTS)) {
                    keyExchanges.start(association, OptionalInt.empty());
                    continue;
                }
                switch (association.address()) {
                    case ServerAddress.Literal literal ->
                            sources.add(association, List.of(literal.address().inetAddress())).forEach(log::info);
                    case ServerAddress.HostName host -> {
                        startResolving();
                        resolver.lookUp(new ResolveSchedule.Name(association, host));
                    }
                    // run-time configuration refuses reference clocks
                    case RefclockAddress refclock -> { }
                }
            }
            for (RuntimeConfig.Unpeer unpeer : item.unpeers()) {
                unpeer(item.from(), unpeer);
            }
        }
        for (NameResolver.News item = news.poll(); item != null; item = news.poll()) {
            switch (item) {
                case NameResolver.News.Resolved resolved -> {
                    sources.moved(resolved.association(), resolved.addresses()).ifPresent(this::moved);
                    sources.add(resolved.association(), resolved.addresses()).forEach(log::info);
                }
                case NameResolver.News.FirstRoundDone done -> awaitingNames = false;
            }
        }
        takeKeys(now);
        if (awaitingNames && now - startDeadlineMonoNanos >= 0) {
            awaitingNames = false;
            log.info("host names still resolving after " + START_WAIT_NANOS / 1_000_000_000L
                    + " s: starting with the sources there are");
        }
        if (!awaitingNames && !sources.sources().equals(polled)) {
            addNewSources(now);
        }
    }

    /**
     * Hands the core the keys NTS-KE gave: a new NTS source starts polling the NTP server the
     * exchange named, one that lost its keys goes on with the new ones.
     */
    private void takeKeys(long now) {
        for (NtsKeyExchanges.Keyed item = keyed.poll(); item != null; item = keyed.poll()) {
            if (item.associationId().isPresent()) {
                synchronizer.ntsKeysEstablished(item.associationId().getAsInt(), item.keys(), item.cookies());
                continue;
            }
            Synchronizer.SourceSpec spec = new Synchronizer.SourceSpec(item.ntpServer(), item.association());
            int id = synchronizer.addSource(spec, now);
            synchronizer.ntsKeysEstablished(id, item.keys(), item.cookies());
            ntsAssociations.put(id, item.association());
            ntsPolled.add(spec);
            polling(polled);
        }
    }

    /**
     * Puts reserve pool addresses in the place of the pool members (and preempt servers) that
     * stopped answering or kept being falsetickers, and has a pool's name looked up again once its
     * reserve is used up; fresh addresses come back as news.
     */
    private void replaceRetiredSources(long now) {
        List<Retirement> retired = synchronizer.retirePreemptable();
        if (!retired.isEmpty()) {
            for (Retirement retirement : retired) {
                if (ntsPolled.remove(retirement.source())) {
                    // an NTS pool has no reserve: NTS-KE with its name again names a server
                    log.info(retirement.source().association().type().keyword() + " "
                            + retirement.source().association().address() + ": demobilizing "
                            + AddressText.of(retirement.source().address().getAddress()) + ", NTS-KE again");
                    keyExchanges.start(retirement.source().association(), OptionalInt.empty());
                    continue;
                }
                SourceSet.Replacement replacement = sources.replace(retirement);
                replacement.notes().forEach(log::info);
                replacement.lookUpAgain().ifPresent(resolver::lookUpAgain);
            }
            addNewSources(now);
        }
    }

    /**
     * Hands the core the sources it does not poll yet; it keeps all it learnt of the clock. A peer
     * is told which of our addresses it sees, and the server threads route its packets here.
     */
    private void addNewSources(long now) {
        List<Synchronizer.SourceSpec> all = sources.sources();
        for (Synchronizer.SourceSpec source : all) {
            if (polled.contains(source)) {
                continue;
            }
            Optional<InetAddress> ours = isPeer(source) ? peerSender.ourAddressFor(source.address()) : Optional.empty();
            if (ours.isPresent()) {
                synchronizer.addSource(source, ours.get(), now);
            } else {
                synchronizer.addSource(source, now);
            }
        }
        polling(all);
    }

    /** The sources the core polls from now: request sockets prepared for the servers, peers routed. */
    private void polling(List<Synchronizer.SourceSpec> sources) {
        polled = sources;
        sender.prepare(Stream.concat(polled.stream().filter(source -> !isPeer(source)), ntsPolled.stream())
                .map(Synchronizer.SourceSpec::address).toList());
        routePeers(polled);
    }

    /** Has the server threads hand over what the peers among {@code all} send. */
    private void routePeers(List<Synchronizer.SourceSpec> all) {
        inbox.usePeers(all.stream().filter(ClientLoop::isPeer).map(Synchronizer.SourceSpec::address).toList());
    }

    private static boolean isPeer(Synchronizer.SourceSpec source) {
        return source.association().type() == AssociationType.PEER;
    }

    /** Hands the core what peers sent to the NTP port. */
    /** Takes what the server threads left from configured peers; returns how many packets. */
    private int receiveFromPeers() {
        List<PeerInbox.Arrival> arrivals = inbox.takeAll();
        for (PeerInbox.Arrival arrival : arrivals) {
            synchronizer.receiveFromPeer(arrival.source(), arrival.datagram(), arrival.datagram().length,
                    arrival.rxClockNanos(), System.nanoTime());
        }
        return arrivals.size();
    }

    private void send(List<Synchronizer.Transmit> transmits) {
        for (Synchronizer.Transmit transmit : transmits) {
            if (transmit.mode() == Mode.SYMMETRIC_ACTIVE) {
                if (peerSender.send(transmit.destination(), transmit.datagram())) {
                    sent++;
                } else {
                    sendFailures++;
                }
                continue;
            }
            Optional<RequestSender.Sent> left =
                    sender.send(transmit.destination(), transmit.datagram(), clock);
            if (left.isPresent()) {
                synchronizer.transmitted(transmit.handle(), left.get().beforeSendNanos(), left.get().afterSendNanos());
                sent++;
                outstanding.sent(transmit.handle(), transmit.destination(), left.get().socket());
            } else {
                sendFailures++;
            }
        }
        sender.replenish();
    }

    /**
     * Runs the request path a few times against a socket of our own on loopback, before the first
     * real poll. The first run of any path in the JVM pays for loading and linking classes, which
     * takes milliseconds; between the core taking its transmit timestamp and the request leaving,
     * that would be added to the delay and half of it to the offset of the first sample, which is
     * the one a start-up step is made of.
     */
    private void warmUp(ReceiveBatch replies) {
        if (sources.sources().isEmpty() && names.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        try (UdpSocket sink = UdpSocket.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                RequestSender.CLIENT_SOCKET)) {
            Association rehearsal = new Association(AssociationType.SERVER,
                    new ServerAddress.Literal(IpAddress.ipv4(0x7F00_0001)), AssociationOptions.none());
            Synchronizer core = Synchronizer.start(
                    List.of(new Synchronizer.SourceSpec(sink.localAddress(), rehearsal)), settings, clock, random,
                    SyncEvents.NONE, now);
            sender.prepare(List.of(sink.localAddress()));
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                for (Synchronizer.Transmit transmit : core.wake(now + round * WARM_UP_SPACING_NANOS)) {
                    sender.send(transmit.destination(), transmit.datagram(), clock)
                            .ifPresent(left -> left.socket().close());
                    sender.replenish();
                    if (!poller.await(List.of(sink), WARM_UP_WAIT_NANOS).isEmpty()) {
                        sink.receiveQueued(replies);
                        replies.source(0, from);
                    }
                }
            }
        } catch (IOException e) {
            log.debug(1, "no rehearsal of the request path on loopback: " + e.getMessage());
        } finally {
            sender.prepare(List.of());
        }
    }

    private void receive(UdpSocket socket, ReceiveBatch batch) {
        replyReader.read(socket, outstanding, batch, (handle, source, datagram, rxClockNanos, monoNanos) -> {
            boolean answered = synchronizer.receive(handle, datagram, datagram.length, rxClockNanos, monoNanos);
            // a Supplier: formatted for every reply, the line loaded the locale data during the start's first slew
            log.debug(2, () -> String.format(Locale.ROOT, "%s from %s: offset %+.6f s, frequency %+.3f ppm",
                    answered ? "reply" : "not a reply", source, synchronizer.discipline().lastOffsetSeconds(),
                    synchronizer.discipline().frequencyPpm()));
            return answered;
        });
    }

    /** Publishes what the server threads serve: the system peer's time, else the local clock, else nothing. */
    private void publish(long monoNanos) {
        SystemVariables variables;
        Served now;
        if (events.systemPeerSelected()) {
            variables = synchronizer.systemVariables();
            now = Served.NETWORK;
        } else if (localVariables != null) {
            variables = localVariables;
            now = Served.LOCAL_CLOCK;
        } else {
            variables = synchronizer.systemVariables();
            now = Served.NOTHING;
        }
        if (now == Served.LOCAL_CLOCK && served != Served.LOCAL_CLOCK) {
            log.log(SyncLog.SYNC_STATUS, "synchronized to LOCAL(" + local.orElseThrow().unit() + "), stratum "
                    + local.orElseThrow().driver().stratum());
        }
        served = now;
        synchronizer.announce(variables);
        local.ifPresent(driver -> driver.association().serving(served == Served.LOCAL_CLOCK));
        published.publish(variables, controlState(variables));
    }

    /**
     * What ntpq sees: the system variables served, with the system peer and the discipline's
     * state, and every association, the local clock's first. Built here, on the client thread,
     * so that a server thread only reads it.
     */
    private ControlState controlState(SystemVariables variables) {
        int idOffset = idOffset();
        int systemPeerId = switch (served) {
            case NETWORK -> synchronizer.systemPeerId().isPresent()
                    ? synchronizer.systemPeerId().getAsInt() + idOffset : 0;
            case LOCAL_CLOCK -> local.orElseThrow().association().associationId();
            case NOTHING -> 0;
        };
        ClockSource source = switch (served) {
            case NETWORK -> ClockSource.NTP;
            case LOCAL_CLOCK -> ClockSource.LOCAL;
            case NOTHING -> ClockSource.UNSPEC;
        };
        ClockDiscipline discipline = synchronizer.discipline();
        SystemState system = new SystemState(published.host(), variables.leap(), variables.stratum(),
                variables.precisionLog2(), variables.rootDelayNanos() * 1e-9, variables.rootDispersionNanos() * 1e-9,
                variables.referenceIdBits(), variables.referenceTimeNanos(), systemPeerId, source,
                discipline.pollLog2(), NtpConstants.MINPOLL_LIMIT, discipline.lastOffsetSeconds(),
                discipline.frequencyPpm(), synchronizer.systemJitterSeconds(), clockJitterSeconds(discipline),
                discipline.wanderPpm(), leapSmear.map(LeapSmear::intervalSeconds).orElse(0L),
                synchronizer.systemEvents());
        List<AssociationState> associations = new ArrayList<>();
        local.ifPresent(driver -> associations.add(driver.association().state()));
        associations.addAll(synchronizer.associationStates(idOffset));
        return new ControlState(system, associations);
    }

    /** ntpq's {@code clk_jitter}: the discipline's phase error, the clock's precision (ntpd's start) before any. */
    private double clockJitterSeconds(ClockDiscipline discipline) {
        return discipline.state() == ClockDiscipline.State.NSET ? Math.scalb(1.0, clock.precisionLog2())
                : discipline.offsetErrorSeconds();
    }

    /** Whether the daemon must stop now: a panic, or {@code -q} done. */
    private boolean finished() {
        if (events.panicOffsetSeconds().isPresent()) {
            exit.complete(new DaemonExit.Panic(events.panicOffsetSeconds().getAsDouble()));
            return true;
        }
        if (!options.setAndQuit()) {
            return false;
        }
        if (clock.refusal().isPresent()) {
            exit.complete(new DaemonExit.CannotSetClock(clock.refusal().get()));
            return true;
        }
        Optional<ClockSetting> setting = synchronizer.clockSetting();
        if (setting.isEmpty()) {
            if (!awaitingNames && synchronizer.everyAnsweredVolleyOut()) {
                exit.complete(new DaemonExit.NoServersFound());
                return true;
            }
            return false;
        }
        exit.complete(switch (ClockSetter.make(clock.unguarded(), setting.get(), log)) {
            case ClockSetter.Outcome.Made made -> new DaemonExit.ClockSet(made.setting());
            case ClockSetter.Outcome.Refused refused -> new DaemonExit.CannotSetClock(refused.reason());
        });
        return true;
    }

    /** The frequency to save: only once the discipline has corrected the clock, and only if the clock took it. */
    private OptionalDouble learntFrequency() {
        boolean learnt = synchronizer.discipline().state() != ClockDiscipline.State.NSET && clock.refusal().isEmpty();
        return learnt ? OptionalDouble.of(synchronizer.discipline().frequencyPpm()) : OptionalDouble.empty();
    }
}
