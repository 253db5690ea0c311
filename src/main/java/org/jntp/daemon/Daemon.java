package org.jntp.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jntp.clock.Clock;
import org.jntp.config.MetricsEndpoint;
import org.jntp.config.NtpConfig;
import org.jntp.config.SetVar;
import org.jntp.config.SystemFlag;
import org.jntp.daemon.net.ThisHostSources;
import org.jntp.daemon.net.UdpSocket;
import org.jntp.daemon.stats.StatsWriter;
import org.jntp.discipline.NtpConstants;
import org.jntp.metrics.NtpMetrics;
import org.jntp.nts.MasterKeyRing;
import org.jntp.nts.NonceGenerator;
import org.jntp.server.Counter;
import org.jntp.server.NtpServer;
import org.jntp.server.NtsServing;
import org.jntp.server.ServerCounters;
import org.jntp.server.SharedCounters;
import org.jntp.server.SystemVariables;
import org.jntp.server.access.MruList;
import org.jntp.server.access.MruSettings;
import org.jntp.server.access.RestrictTable;
import org.jntp.server.control.ConfigSaver;
import org.jntp.server.control.ControlAuth;
import org.jntp.server.control.ControlHooks;
import org.jntp.server.control.ControlServer;
import org.jntp.server.control.OrderedLists;
import org.jntp.server.control.Reconfiguration;
import org.jntp.server.control.NonceKey;
import org.jntp.server.control.ServerStatistics;

/**
 * The running daemon: its sockets and server threads, the system variables they serve, and the
 * client thread that polls the time sources, steers the clock and decides what is served.
 * Everything here is wiring; the decisions live in the server, access, source and refclock packages.
 */
public final class Daemon implements AutoCloseable {
    /** The MRU list is split this many ways so server threads rarely wait on each other. */
    private static final int MRU_SHARDS = 16;
    private static final long CLIENT_STOP_MILLIS = 5_000;
    private static final int NONCE_KEY_OCTETS = 32;

    private final EventLog log;
    /** Written by the client thread, read by every server thread for each reply. */
    private final Published published;
    private final List<ServerLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<ServerCounters> counters = new ArrayList<>();
    /** Every server thread's counters, for ntpq, once all threads are made. */
    private volatile List<ServerCounters> allCounters = List.of();
    private final long startMonoNanos = System.nanoTime();
    private ClientLoop client;
    private Thread clientThread;
    /** The server's statistics now, once the sockets are open. */
    private Supplier<ServerStatistics> serverStatistics;
    private Optional<MetricsServer> metrics = Optional.empty();
    private Optional<NtsService> nts = Optional.empty();

    private Daemon(EventLog log, Published published) {
        this.log = log;
        this.published = published;
    }

    /** As {@link #start(NtpConfig, Clock, int, ClientOptions, EventLog)} with ntpd's default options. */
    public static Daemon start(NtpConfig config, Clock clock, int port, EventLog log) throws IOException {
        return start(config, clock, port, ClientOptions.defaults(), log);
    }

    /** As {@link #start(NtpConfig, Clock, Preopened, ClientOptions, EventLog)}, opening the sockets and keys first. */
    public static Daemon start(NtpConfig config, Clock clock, int port, ClientOptions options, EventLog log)
            throws IOException {
        return start(config, clock, Preopened.open(config, port, log), options, log);
    }

    /**
     * ntpd's line {@code proto: precision = 244.141 usec (-12)}, the microseconds to three decimals
     * without java.util.Formatter: its first use loads the locale data, 0.2 s of the daemon's start
     * under the kernel test bed's emulation. 2^precision s in thousandths of a µs is exact in a double.
     */
    static String precisionLine(int precisionLog2) {
        long thousandths = Math.round(Math.scalb(1e9, precisionLog2));
        return "proto: precision = " + thousandths / 1000 + "." + String.valueOf(1000 + thousandths % 1000).substring(1)
                + " usec (" + precisionLog2 + ")";
    }

    /**
     * Starts serving on the sockets opened before, and starts polling the time sources of the
     * server, pool and peer lines. The daemon owns the sockets from here, also when it fails to start.
     */
    public static Daemon start(NtpConfig config, Clock clock, Preopened preopened, ClientOptions options,
            EventLog log) throws IOException {
        int precision = clock.precisionLog2();
        log.info(precisionLine(precision));
        Daemon daemon = new Daemon(log, new Published(Published.thisHost(version()),
                SystemVariables.unsynchronized(precision), NtpConstants.MINPOLL_LIMIT));
        try {
            StatsWriter stats = StatsWriter.open(config.statistics(), clock, System::nanoTime,
                    ProcessHandle.current().pid(), log, () -> ServerCounters.sum(daemon.allCounters));
            daemon.client = ClientLoop.create(config, clock, options, daemon.published, stats, log);
            daemon.client.authenticateWith(preopened::keys);
            daemon.client.sendToPeersFrom(daemon.serve(config, clock, preopened, daemon.client.peerInbox()));
            daemon.clientThread = Thread.ofPlatform().name("ntpd-client").start(daemon.client);
            daemon.nts = preopened.nts();
            daemon.nts.ifPresent(NtsService::serve);
            config.metrics().ifPresent(daemon::serveMetrics);
        } catch (IOException | RuntimeException e) {
            daemon.close();
            preopened.close();
            throw e;
        }
        return daemon;
    }

    /**
     * Serves the metrics page. A failure to bind is logged and the daemon keeps time without it:
     * Prometheus shows the target down, which says more than a daemon that will not start.
     */
    private void serveMetrics(MetricsEndpoint endpoint) {
        try {
            MetricsServer server = MetricsServer.start(endpoint,
                    () -> NtpMetrics.page(published.control(), serverStatistics.get()));
            metrics = Optional.of(server);
            log.info("metrics: serving Prometheus metrics on http://" + endpoint + MetricsServer.PATH);
        } catch (IOException e) {
            log.info("metrics: cannot listen on " + endpoint + ": " + e.getMessage() + "; serving no metrics");
        }
    }

    /** The address the metrics page is served on, if any. */
    Optional<InetSocketAddress> metricsAddress() {
        return metrics.map(MetricsServer::address);
    }

    /** The TCP addresses NTS-KE is served on: none without {@code nts enable}. */
    List<InetSocketAddress> ntsKeAddresses() {
        return nts.map(NtsService::keAddresses).orElse(List.of());
    }

    /** The system variables being served now. */
    public SystemVariables systemVariables() {
        return published.system();
    }

    /** The daemon's version, from the jar's manifest. */
    private static String version() {
        String version = Daemon.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    /** The addresses and restrictions ntpq's ifstats and reslist would show now. */
    OrderedLists orderedLists() {
        return published.control().lists();
    }

    /** The server threads' counters, one set per thread. */
    public List<ServerCounters> counters() {
        return List.copyOf(counters);
    }

    /**
     * Completes when the daemon stops by itself: {@code -q} set the clock, the offset exceeded the
     * panic threshold, or the client side or a server thread failed. Never completes while the
     * daemon keeps time.
     */
    public CompletableFuture<DaemonExit> exit() {
        return client.exit();
    }

    /** SIGHUP: looks every server, pool and peer host name up again. */
    public void lookUpNamesAgain() {
        client.lookUpNamesAgain();
    }

    /** Starts a server thread on each socket; returns one socket per address served, for peers. */
    private List<UdpSocket> serve(NtpConfig config, Clock clock, Preopened preopened, PeerInbox peers) {
        RestrictTable restrictions = config.restrictTable();
        ServedLists lists = new ServedLists(restrictions);
        published.lists(lists);
        MruList mru = MruList.create(config.mru(), config.discard(), MRU_SHARDS, KernelRandom.nextLong());
        byte[] nonceKey = new byte[NONCE_KEY_OCTETS];
        KernelRandom.fill(nonceKey);
        ControlAuth auth = new ControlAuth(preopened.keys(), config.auth().controlKey(),
                config.isEnabled(SystemFlag.AUTH));
        List<SharedCounters> ntsCounters = Stream.concat(Stream.of(client.ntsCounters()),
                preopened.nts().map(NtsService::counters).stream()).toList();
        serverStatistics = () -> statistics(mru, config.mru(), ntsCounters);
        ControlServer control = new ControlServer(published::control, mru::snapshot, serverStatistics,
                new NonceKey(nonceKey), auth, controlHooks(config));
        ThisHostSources thisHost = ThisHostSources.ofInterfaces();
        List<UdpSocket> serving = new ArrayList<>();
        for (Preopened.Bound bound : preopened.bound()) {
            if (!bound.drop()) {
                serving.add(bound.sockets().getFirst());
            }
            List<SocketCounters> socketCounters = new ArrayList<>();
            for (UdpSocket socket : bound.sockets()) {
                ServerCounters threadCounters = new ServerCounters();
                SocketCounters threadSocketCounters = new SocketCounters();
                NtpServer server = new NtpServer(published::system, () -> restrictions, mru,
                        config.discard().averageLog2(), threadCounters, preopened::keys, ntsServing(preopened));
                ServerLoop loop = new ServerLoop(socket, server, clock, peers, control, thisHost,
                        threadSocketCounters, bound.drop(), log,
                        reason -> client.exit().complete(new DaemonExit.Failed(reason)));
                counters.add(threadCounters);
                socketCounters.add(threadSocketCounters);
                loops.add(loop);
                threads.add(Thread.ofPlatform().name("ntpd-server-" + bound.index() + "." + threads.size())
                        .start(loop));
            }
            lists.add(bound.local(), bound.address(), bound.drop(), socketCounters, bound.boundMonoNanos());
        }
        allCounters = List.copyOf(counters);
        return serving;
    }

    /** CONFIGURE into the client side; SAVECONFIG into saveconfigdir, if there is one; setvar's variables. */
    private ControlHooks controlHooks(NtpConfig config) {
        Reconfiguration reconfiguration = (from, associations, unpeers) -> client.configure(from, associations,
                unpeers);
        List<SetVar> setVars = config.misc().setVars();
        Optional<ConfigSaving> saving = config.misc().saveConfigDir().map(directory -> new ConfigSaving(
                Path.of(directory), config.directives(), ZonedDateTime::now, log));
        return new ControlHooks(Optional.of(reconfiguration), saving.map(ConfigSaver.class::cast),
                () -> saving.map(s -> s.userVariables(setVars)).orElse(setVars));
    }

    /**
     * What a server thread answers NTS requests with: the NTS-KE server's master keys, and a
     * nonce generator of its own, seeded by the system ({@link NonceGenerator}: the JDK's DRBG
     * took a tenth of an NTS answer); NTS off without {@code nts enable}.
     */
    private static NtsServing ntsServing(Preopened preopened) {
        return preopened.nts().map(service -> {
            Supplier<MasterKeyRing> keys = service.masterKeys();
            return new NtsServing(() -> Optional.of(keys.get()), NonceGenerator.seededBy(new SecureRandom()));
        }).orElse(NtsServing.off());
    }

    /** The server's statistics now, for ntpq's sysstats, with NTS's counters as a client and NTS-KE server. */
    private ServerStatistics statistics(MruList mru, MruSettings settings, List<SharedCounters> nts) {
        long uptimeSeconds = (System.nanoTime() - startMonoNanos) / 1_000_000_000L;
        return new ServerStatistics(uptimeSeconds, SharedCounters.sum(ServerCounters.sum(allCounters), nts),
                mru.size(), mru.capacity(), settings.minDepth(), settings.maxAgeSeconds());
    }

    /**
     * Stops serving: wakes every server thread, waits for them to finish and close their sockets,
     * and logs what the server did, in the words of ntpq's sysstats.
     */
    @Override
    public void close() {
        metrics.ifPresent(MetricsServer::close);
        nts.ifPresent(NtsService::close);
        if (clientThread != null) {
            client.stop();
            join(clientThread, CLIENT_STOP_MILLIS);
        } else if (client != null) {
            client.abandon();
        }
        loops.forEach(ServerLoop::stop);
        for (Thread thread : threads) {
            if (!join(thread, TimeUnit.SECONDS.toMillis(5))) {
                return;
            }
        }
        if (!counters.isEmpty()) {
            log.info(statistics(ServerCounters.sum(counters)));
        }
    }

    /** Waits for a thread to end; false if interrupted, with the interrupt kept. */
    private static boolean join(Thread thread, long millis) {
        try {
            thread.join(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String statistics(Map<Counter, Long> totals) {
        return "statistics: packets received " + totals.get(Counter.RECEIVED)
                + ", answered " + totals.get(Counter.ANSWERED)
                + ", older version " + totals.get(Counter.OLDER_VERSION)
                + ", bad length or format " + totals.get(Counter.BAD_FORMAT)
                + ", declined " + totals.get(Counter.DECLINED)
                + ", restricted " + totals.get(Counter.RESTRICTED)
                + ", authentication failed " + totals.get(Counter.AUTHENTICATION_FAILED)
                + ", rate limited " + totals.get(Counter.RATE_LIMITED)
                + ", KoD responses " + totals.get(Counter.KOD_SENT);
    }
}
