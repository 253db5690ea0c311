package org.jntp.source;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.jntp.discipline.Candidate;
import org.jntp.discipline.CandidateFlag;
import org.jntp.discipline.ClockFilter;
import org.jntp.discipline.ClockSelect;
import org.jntp.discipline.Mitigation;
import org.jntp.discipline.NtpConstants;
import org.jntp.discipline.PeerStatistics;
import org.jntp.discipline.RootDistance;
import org.jntp.discipline.SelectionParameters;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;

/**
 * ntpdate's exchange, sans I/O: a few samples from each server, then the clock filter and the
 * selection of RFC 5905 pick the server whose offset to take. Each server gets its next request as
 * soon as the previous one is answered, but never sooner than {@link #MIN_GAP_NANOS} after it (as
 * ntpdate 4.2.8 waits, so that a server's {@code discard minimum 1} does not refuse it), or once
 * the timeout has passed without an answer.
 *
 * <p>The driver sends what {@link #wake} returns, reports the send time through
 * {@link #transmitted}, hands replies to {@link #receive} and sleeps until
 * {@link #nextWakeMonoNanos}, until {@link #done}.
 */
public final class DateQuery {

    /** ntpdate 4.2.8's least gap between two requests to one server. */
    public static final long MIN_GAP_NANOS = 1_000_000_000L;

    /**
     * How to query.
     *
     * @param samples      requests per server, 1 to 8 (ntpdate's {@code -p}, default 4)
     * @param timeoutNanos how long to wait for each reply (ntpdate's {@code -t}, default 2 s)
     * @param version      the NTP version to send (ntpdate's {@code -o}, default 4)
     */
    public record Settings(int samples, long timeoutNanos, int version) {

        /** ntpdate 4.2.8's defaults. */
        public static final Settings DEFAULTS = new Settings(4, 2_000_000_000L, 4);

        /** Checks the ranges ntpdate accepts. */
        public Settings {
            if (samples < 1 || samples > NtpConstants.NSTAGE) {
                throw new IllegalArgumentException("samples " + samples);
            }
            if (timeoutNanos <= 0) {
                throw new IllegalArgumentException("timeout " + timeoutNanos);
            }
            if (version < 1 || version > 4) {
                throw new IllegalArgumentException("version " + version);
            }
        }
    }

    /**
     * What one server said.
     *
     * @param address    the server
     * @param sent       requests sent
     * @param answered   usable replies
     * @param variables  what its last usable reply said of it, empty without one
     * @param statistics its clock filter's offset, delay, dispersion and jitter
     * @param kiss       the kiss code that stopped the queries, if one did
     */
    public record ServerReport(InetSocketAddress address, int sent, int answered, Optional<PeerVariables> variables,
            PeerStatistics statistics, Optional<KissCode> kiss) {}

    /**
     * The outcome: every server's report, in the order given, and the one chosen, if any.
     *
     * @param servers the reports
     * @param chosen  the index in {@code servers} of the server whose offset to take
     */
    public record Result(List<ServerReport> servers, OptionalInt chosen) {

        public Result {
            servers = List.copyOf(servers);
        }
    }

    private final Settings settings;
    private final RandomGenerator random;
    private final double precisionSeconds;
    private final List<Server> servers = new ArrayList<>();
    private final Map<Long, Server> outstanding = new HashMap<>();
    private long lastHandle;

    private DateQuery(List<InetSocketAddress> addresses, Settings settings, int precisionLog2, RandomGenerator random,
            long startMonoNanos) {
        this.settings = settings;
        this.random = random;
        this.precisionSeconds = Math.scalb(1.0, precisionLog2);
        PollSettings poll = new PollSettings(NtpConstants.MINPOLL,
                NtpConstants.MINPOLL, settings.version(), false, false, false);
        for (InetSocketAddress address : addresses) {
            servers.add(new Server(address, new ClientSource(poll, precisionLog2, startMonoNanos),
                    new ClockFilter(precisionSeconds, SelectionParameters.defaults().maxDistanceSeconds()),
                    startMonoNanos));
        }
    }

    /** Starts querying {@code servers} at once. */
    public static DateQuery start(List<InetSocketAddress> servers, Settings settings, int precisionLog2,
            RandomGenerator random, long monoNanos) {
        return new DateQuery(servers, settings, precisionLog2, random, monoNanos);
    }

    /**
     * The requests due at {@code monoNanos}; a request unanswered past the timeout counts as
     * lost first.
     *
     * @param clockNanos our clock now (Unix ns), T1 until {@link #transmitted} says better
     */
    public List<Synchronizer.Transmit> wake(long monoNanos, long clockNanos) {
        List<Synchronizer.Transmit> transmits = new ArrayList<>();
        for (Server server : servers) {
            if (server.awaiting && monoNanos - server.deadlineMonoNanos >= 0) {
                forget(server);
                server.nextMonoNanos = monoNanos;
                server.done = server.sent >= settings.samples();
            }
            if (server.done || server.awaiting || monoNanos - server.nextMonoNanos < 0) {
                continue;
            }
            Request request = server.source.query(clockNanos, random);
            long handle = ++lastHandle;
            server.handle = handle;
            server.requestId = request.id();
            server.sent++;
            server.awaiting = true;
            server.deadlineMonoNanos = monoNanos + settings.timeoutNanos();
            server.nextMonoNanos = monoNanos + MIN_GAP_NANOS;
            outstanding.put(handle, server);
            transmits.add(new Synchronizer.Transmit(handle, server.address, request.datagram(), Mode.CLIENT));
        }
        return transmits;
    }

    /**
     * Says when the request sent as {@code handle} really left, as our clock read right before and
     * right after the send.
     */
    public void transmitted(long handle, long beforeSendNanos, long afterSendNanos) {
        Server server = outstanding.get(handle);
        if (server != null) {
            server.source.transmitted(server.requestId, beforeSendNanos, afterSendNanos);
        }
    }

    /**
     * Takes in a datagram that arrived at our clock's {@code rxClockNanos} on the socket that sent
     * {@code handle}; one that does not answer the request leaves it waiting for the reply.
     *
     * @return whether the request is done with: answered, or not awaited; its socket may close
     */
    public boolean receive(long handle, byte[] datagram, int length, long rxClockNanos, long monoNanos) {
        Server server = outstanding.get(handle);
        if (server == null) {
            return true;
        }
        // ntpdate leaves the clock alone while it asks: no correction to take out of the samples
        switch (server.source.receive(datagram, length, server.requestId, rxClockNanos, 0, monoNanos)) {
            case Reply.Measured measured -> {
                server.variables = Optional.of(measured.variables());
                server.filter.add(measured.sample(), server.source.hostPollLog2());
                server.answered++;
                answered(server);
            }
            case Reply.KissOfDeath kiss -> {
                server.kiss = Optional.of(kiss.code());
                answered(server);
                server.done = true;
            }
            case Reply.Rejected rejected -> { }
        }
        return !outstanding.containsKey(handle);
    }

    private void answered(Server server) {
        forget(server);
        server.done = server.sent >= settings.samples();
    }

    private void forget(Server server) {
        outstanding.remove(server.handle);
        server.awaiting = false;
    }

    /** Whether every server has had all its requests answered or timed out. */
    public boolean done() {
        return servers.stream().allMatch(server -> server.done);
    }

    /** When {@link #wake} has something to do next: a request due or a timeout; {@code Long.MAX_VALUE} when done. */
    public long nextWakeMonoNanos() {
        long next = Long.MAX_VALUE;
        for (Server server : servers) {
            if (!server.done) {
                next = Math.min(next, server.awaiting ? server.deadlineMonoNanos : server.nextMonoNanos);
            }
        }
        return next;
    }

    /**
     * Each server's report and the server the RFC 5905 selection chose among those that answered
     * synchronised, at {@code clockNanos} on our clock.
     */
    public Result result(long clockNanos) {
        List<ServerReport> reports = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        SelectionParameters tos = SelectionParameters.defaults();
        for (int i = 0; i < servers.size(); i++) {
            Server server = servers.get(i);
            PeerStatistics statistics = server.filter.statistics()
                    .withDispersion(server.filter.sampledDispersionSeconds());
            reports.add(new ServerReport(server.address, server.sent, server.answered, server.variables,
                    statistics, server.kiss));
            if (server.answered > 0 && server.kiss.isEmpty()
                    && server.variables.get().leap() != LeapIndicator.UNSYNCHRONIZED) {
                PeerVariables variables = server.variables.get();
                double distance = RootDistance.of(statistics, variables.rootDelaySeconds(),
                        variables.rootDispersionSeconds(), clockNanos, tos.minDistanceSeconds());
                candidates.add(new Candidate(i + 1, statistics.offsetSeconds(), distance, statistics.jitterSeconds(),
                        variables.stratum(), EnumSet.noneOf(CandidateFlag.class)));
            }
        }
        OptionalInt chosen = switch (ClockSelect.run(candidates, tos, OptionalInt.empty())) {
            case Mitigation.Synchronized selected -> OptionalInt.of(selected.systemPeer().associationId() - 1);
            case Mitigation.Unsynchronized none -> OptionalInt.empty();
        };
        return new Result(reports, chosen);
    }

    private static final class Server {
        final InetSocketAddress address;
        final ClientSource source;
        final ClockFilter filter;
        long nextMonoNanos;
        long deadlineMonoNanos;
        long handle;
        long requestId;
        int sent;
        int answered;
        boolean awaiting;
        boolean done;
        Optional<PeerVariables> variables = Optional.empty();
        Optional<KissCode> kiss = Optional.empty();

        Server(InetSocketAddress address, ClientSource source, ClockFilter filter, long startMonoNanos) {
            this.address = address;
            this.source = source;
            this.filter = filter;
            this.nextMonoNanos = startMonoNanos;
        }
    }
}
