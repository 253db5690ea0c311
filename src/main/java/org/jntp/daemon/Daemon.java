package org.jntp.daemon;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jntp.clock.Clock;
import org.jntp.config.Association;
import org.jntp.config.Fudge;
import org.jntp.config.InterfaceAction;
import org.jntp.config.NtpConfig;
import org.jntp.config.RefclockAddress;
import org.jntp.daemon.net.Endpoint;
import org.jntp.daemon.net.LocalAddress;
import org.jntp.daemon.net.LocalAddresses;
import org.jntp.daemon.net.UdpSocket;
import org.jntp.daemon.net.UdpSocketOptions;
import org.jntp.protocol.ReferenceId;
import org.jntp.refclock.LocalClock;
import org.jntp.server.Counter;
import org.jntp.server.NtpServer;
import org.jntp.server.ServerCounters;
import org.jntp.server.SystemVariables;
import org.jntp.server.access.MruList;
import org.jntp.server.access.RestrictTable;

/**
 * The running daemon: its sockets and server threads, the system variables they serve, and the
 * one timer thread that polls the local clock. Everything here is wiring; the decisions live in
 * the server, access and refclock packages.
 */
public final class Daemon implements AutoCloseable {
    /** Server threads per listening address; SO_REUSEPORT spreads clients over them. */
    private static final int THREADS_PER_ADDRESS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /** The MRU list is split this many ways so server threads rarely wait on each other. */
    private static final int MRU_SHARDS = 16;

    private final EventLog log;
    private final AtomicReference<SystemVariables> system;
    private final List<ServerLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<ServerCounters> counters = new ArrayList<>();
    private final ScheduledExecutorService timer;

    private Daemon(EventLog log, SystemVariables initial) {
        this.log = log;
        this.system = new AtomicReference<>(initial);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ntpd-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the sockets the configuration asks for and starts serving.
     *
     * @param port the UDP port to serve on: 123, or another for tests
     * @throws IOException when no address could be opened
     */
    public static Daemon start(NtpConfig config, Clock clock, int port, EventLog log) throws IOException {
        int precision = clock.precisionLog2();
        log.info(String.format("proto: precision = %.3f usec (%d)", Math.scalb(1.0, precision) * 1e6, precision));
        Daemon daemon = new Daemon(log, SystemVariables.unsynchronized(precision));
        try {
            daemon.startLocalClock(config, clock, precision);
            daemon.listen(config, clock, port);
        } catch (IOException | RuntimeException e) {
            daemon.close();
            throw e;
        }
        return daemon;
    }

    /** The system variables being served now. */
    public SystemVariables systemVariables() {
        return system.get();
    }

    /** The server threads' counters, one set per thread. */
    public List<ServerCounters> counters() {
        return List.copyOf(counters);
    }

    private void startLocalClock(NtpConfig config, Clock clock, int precision) {
        Optional<RefclockAddress> local = Optional.empty();
        for (Association association : config.associations()) {
            if (local.isEmpty() && association.address() instanceof RefclockAddress refclock
                    && refclock.type() == LocalClock.DRIVER_TYPE) {
                local = Optional.of(refclock);
            } else {
                log.info("not using " + association.type().keyword() + " " + association.address()
                        + ": only the local clock (127.127.1.u) is served in this version");
            }
        }
        local.ifPresent(refclock -> {
            LocalClock driver = localClock(config, refclock);
            system.set(driver.poll(clock.nowNanos(), precision));
            timer.scheduleAtFixedRate(() -> system.set(driver.poll(clock.nowNanos(), precision)),
                    LocalClock.POLL_INTERVAL_NANOS, LocalClock.POLL_INTERVAL_NANOS, TimeUnit.NANOSECONDS);
            log.info("synchronized to LOCAL(" + refclock.unit() + "), stratum " + driver.stratum());
        });
    }

    /** The local clock as the last fudge line for its address sets it, ntpd's defaults otherwise. */
    private static LocalClock localClock(NtpConfig config, RefclockAddress refclock) {
        Optional<Fudge> fudge = config.fudges().stream().filter(f -> f.clock().equals(refclock)).reduce((a, b) -> b);
        int stratum = fudge.map(f -> f.stratum().orElse(LocalClock.DEFAULT_STRATUM)).orElse(LocalClock.DEFAULT_STRATUM);
        ReferenceId refid = fudge.flatMap(Fudge::refid).map(ReferenceId::ofAscii)
                .orElse(LocalClock.DEFAULT_REFERENCE_ID);
        return new LocalClock(stratum, refid);
    }

    private void listen(NtpConfig config, Clock clock, int port) throws IOException {
        RestrictTable restrictions = config.restrictTable();
        MruList mru = MruList.create(config.mru(), config.discard(), MRU_SHARDS, new SecureRandom().nextLong());
        UdpSocketOptions options = UdpSocketOptions.defaults().withReusePort(true).withReceiveTimeout(Duration.ZERO);
        List<ListenPlan.Listen> plan = ListenPlan.plan(LocalAddresses.list(), config.interfaceRules());
        int index = 0;
        for (ListenPlan.Listen listen : plan) {
            LocalAddress local = listen.address();
            InetSocketAddress address = new InetSocketAddress(local.address(), port);
            List<UdpSocket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < THREADS_PER_ADDRESS; i++) {
                    sockets.add(UdpSocket.open(address, options));
                }
            } catch (IOException e) {
                sockets.forEach(UdpSocket::close);
                log.info("cannot listen on " + local.interfaceName() + " " + display(address) + ": " + e.getMessage());
                continue;
            }
            boolean drop = listen.action() == InterfaceAction.DROP;
            log.info((drop ? "Listen and drop on " : "Listen normally on ") + index + " " + local.interfaceName()
                    + " " + display(address));
            for (UdpSocket socket : sockets) {
                ServerCounters threadCounters = new ServerCounters();
                NtpServer server = new NtpServer(system::get, () -> restrictions, mru, config.discard().averageLog2(),
                        threadCounters);
                ServerLoop loop = new ServerLoop(socket, server, clock, drop, log);
                counters.add(threadCounters);
                loops.add(loop);
                threads.add(Thread.ofPlatform().name("ntpd-server-" + index + "." + threads.size()).start(loop));
            }
            index++;
        }
        if (loops.isEmpty()) {
            throw new IOException("no address to listen on: check the interface lines of the configuration");
        }
    }

    private static String display(InetSocketAddress address) {
        return Endpoint.of(address).toString();
    }

    /**
     * Stops serving: wakes every server thread, waits for them to finish and close their sockets,
     * and logs what the server did, in the words of ntpq's sysstats.
     */
    @Override
    public void close() {
        timer.shutdownNow();
        loops.forEach(ServerLoop::stop);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!counters.isEmpty()) {
            log.info(statistics(ServerCounters.sum(counters)));
        }
    }

    static String statistics(Map<Counter, Long> totals) {
        return "statistics: packets received " + totals.get(Counter.RECEIVED)
                + ", answered " + totals.get(Counter.ANSWERED)
                + ", older version " + totals.get(Counter.OLDER_VERSION)
                + ", bad length or format " + totals.get(Counter.BAD_FORMAT)
                + ", declined " + totals.get(Counter.DECLINED)
                + ", restricted " + totals.get(Counter.RESTRICTED)
                + ", rate limited " + totals.get(Counter.RATE_LIMITED)
                + ", KoD responses " + totals.get(Counter.KOD_SENT);
    }
}
