package org.jntp.sim;

import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.jntp.clock.SimulatedClock;

/**
 * One run (one seed) of the model of SCENARIOS.md: a discrete-event world of servers and a
 * network around one client. Events run in true-time order; at equal times, deliveries go first in
 * the order they were scheduled, then the client's timers, then the once-a-second sample, which so
 * sees everything that happened at its second. The client's clock is advanced exactly to each
 * event.
 *
 * <p>The seed fixes every draw, in three streams split from it in this order: the clock's (its
 * initial frequency error, then one wander step per second), the network's (loss and delay, per
 * packet) and the client's own. The clock's path therefore does not depend on the client at all.
 */
final class Simulation {

    /** True time at the start of every run: 2026-01-01T00:00:00Z, Unix ns. */
    static final long START_NANOS = 1_767_225_600L * 1_000_000_000L;
    private static final long SECOND_NANOS = 1_000_000_000L;
    /** A client asking to wake again and again without time passing is stuck: stop it. */
    private static final int MAX_WAKES_AT_ONE_INSTANT = 1000;

    /** A datagram on its way. */
    private sealed interface Delivery {
        record ToServer(int server, long handle, byte[] datagram) implements Delivery {}

        record ToClient(long handle, InetSocketAddress from, byte[] datagram) implements Delivery {}
    }

    private record Scheduled(long atNanos, long sequence, Delivery delivery) {}

    private final Scenario scenario;
    private final long seed;
    private final SimulatedClock clock;
    private final Network network;
    private final List<SimServer> servers;
    private final Map<InetSocketAddress, Integer> serverIndex = new HashMap<>();
    private final long[] firstRequestNanos;
    private final long[] lastRequestNanos;
    private final long[] requestsTo;
    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparingLong(Scheduled::atNanos).thenComparingLong(Scheduled::sequence));
    private final ClientFactory factory;
    private final SplittableRandom clientRandom;
    private final Adversary adversary;
    private final List<HostEvent> hostEvents;
    private final OffsetTrace.Probe probe;
    private SimulatedClient client;
    private int nextHostEvent;
    private long sequence;
    private long nowNanos;
    private long requests;
    private long replies;

    private Simulation(Scenario scenario, long seed, ClientFactory factory, Adversary adversary,
            List<HostEvent> hostEvents, OffsetTrace.Probe probe) {
        this.scenario = scenario;
        this.factory = factory;
        this.adversary = adversary;
        this.hostEvents = hostEvents.stream().sorted(Comparator.comparingLong(HostEvent::atSecond)).toList();
        this.probe = probe;
        this.seed = seed;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom clockRandom = root.split();
        SplittableRandom networkRandom = root.split();
        this.clientRandom = root.split();
        double freqErrorPpm = scenario.freqPpm() * (2 * clockRandom.nextDouble() - 1);
        this.clock = SimulatedClock.offsetAndWandering(START_NANOS, scenario.offsetSeconds(), freqErrorPpm,
                scenario.wanderPerSqrtSecond() * 1e6, clockRandom);
        this.network = new Network(scenario.upDelay(), scenario.downDelay(), scenario.lossProbability(),
                networkRandom);
        this.servers = IntStream.range(0, scenario.servers())
                .mapToObj(i -> SimServer.at(Scenario.serverHost(i),
                        scenario.isFalseticker(i) ? scenario.falsetickerOffsetSeconds() : 0, START_NANOS))
                .toList();
        for (int i = 0; i < servers.size(); i++) {
            serverIndex.put(servers.get(i).address(), i);
        }
        this.firstRequestNanos = new long[servers.size()];
        this.lastRequestNanos = new long[servers.size()];
        this.requestsTo = new long[servers.size()];
        OptionalDouble driftPpm = scenario.warm() ? OptionalDouble.of(-freqErrorPpm) : OptionalDouble.empty();
        this.client = factory.create(new RunSetup(clock, scenario.ntpConf(), driftPpm, clientRandom, 0));
    }

    /** Runs seed {@code seed} of {@code scenario} with a client from {@code factory}. */
    static SeedResult run(Scenario scenario, long seed, ClientFactory factory) {
        return run(scenario, seed, factory, Adversary.NONE);
    }

    /** Runs seed {@code seed} of {@code scenario} with a client from {@code factory}, under attack. */
    static SeedResult run(Scenario scenario, long seed, ClientFactory factory, Adversary adversary) {
        return new Simulation(scenario, seed, factory, adversary, List.of(), OffsetTrace.Probe.NONE).run();
    }

    /**
     * Runs seed {@code seed} of {@code scenario} under attack and with {@code hostEvents} befalling
     * the client's host; returns every second's sample.
     */
    static OffsetTrace trace(Scenario scenario, long seed, ClientFactory factory, Adversary adversary,
            List<HostEvent> hostEvents) {
        OffsetTrace trace = OffsetTrace.of(scenario.seconds());
        new Simulation(scenario, seed, factory, adversary, hostEvents, trace.probe()).run();
        return trace;
    }

    private SeedResult run() {
        SeedMetrics metrics = new SeedMetrics(scenario);
        long endNanos = scenario.seconds() * SECOND_NANOS;
        long sampleNanos = 0;
        long lastWakeNanos = -1;
        int wakesAtOneInstant = 0;
        while (sampleNanos <= endNanos) {
            long wakeNanos = Math.max(client.nextWakeNanos(), nowNanos);
            Scheduled next = queue.peek();
            long deliveryNanos = next == null ? Long.MAX_VALUE : next.atNanos();
            if (deliveryNanos <= wakeNanos && deliveryNanos <= sampleNanos) {
                queue.poll();
                advanceTo(deliveryNanos);
                deliver(next.delivery());
            } else if (wakeNanos <= sampleNanos) {
                wakesAtOneInstant = wakeNanos == lastWakeNanos ? wakesAtOneInstant + 1 : 0;
                if (wakesAtOneInstant > MAX_WAKES_AT_ONE_INSTANT) {
                    throw new IllegalStateException("seed " + seed + ": the client asks to wake at "
                            + wakeNanos + " ns again and again");
                }
                lastWakeNanos = wakeNanos;
                advanceTo(wakeNanos);
                send(client.wake(nowNanos));
            } else {
                advanceTo(sampleNanos);
                long second = sampleNanos / SECOND_NANOS;
                befall(second);
                double offsetSeconds = (clock.nowNanos() - clock.trueNanos()) / 1e9;
                double freqErrorPpm = clock.oscillatorErrorPpm() + clock.frequencyPpm();
                metrics.sample(second, offsetSeconds, freqErrorPpm, clock.status().synced());
                probe.sample(second, offsetSeconds, freqErrorPpm);
                sampleNanos += SECOND_NANOS;
            }
        }
        return metrics.result(seed, polls(), requests, replies);
    }

    /** Lets the host events of {@code second} happen. */
    private void befall(long second) {
        while (nextHostEvent < hostEvents.size() && hostEvents.get(nextHostEvent).atSecond() <= second) {
            switch (hostEvents.get(nextHostEvent++)) {
                case HostEvent.ClockJump jump -> clock.step(jump.stepSeconds());
                case HostEvent.Restart restart -> client = factory.create(new RunSetup(clock, scenario.ntpConf(),
                        OptionalDouble.of(clock.frequencyPpm()), clientRandom, nowNanos));
            }
        }
    }

    private void advanceTo(long targetNanos) {
        clock.advance(targetNanos - nowNanos);
        nowNanos = targetNanos;
    }

    private void send(List<Outgoing> outgoing) {
        for (Outgoing packet : outgoing) {
            requests++;
            Integer server = serverIndex.get(packet.destination());
            if (server == null) {
                continue;
            }
            countRequest(server);
            OptionalLong transit = network.transitNanos(Network.Direction.UP);
            if (transit.isPresent()) {
                schedule(transit.getAsLong(), new Delivery.ToServer(server, packet.handle(), packet.datagram()));
            }
        }
    }

    private void countRequest(int server) {
        if (requestsTo[server] == 0) {
            firstRequestNanos[server] = nowNanos;
        }
        lastRequestNanos[server] = nowNanos;
        requestsTo[server]++;
    }

    private void deliver(Delivery delivery) {
        switch (delivery) {
            case Delivery.ToServer toServer -> {
                SimServer server = servers.get(toServer.server());
                server.answer(toServer.datagram(), toServer.handle(), START_NANOS + nowNanos).ifPresent(reply -> {
                    OptionalLong transit = network.transitNanos(Network.Direction.DOWN);
                    if (transit.isPresent()) {
                        for (Adversary.Delivered delivered : adversary.intercept(toServer.server(), reply, nowNanos)) {
                            schedule(transit.getAsLong() + delivered.afterNanos(),
                                    new Delivery.ToClient(toServer.handle(), server.address(), delivered.datagram()));
                        }
                    }
                });
            }
            case Delivery.ToClient toClient -> {
                replies++;
                send(client.receive(toClient.handle(), toClient.from(), toClient.datagram(), nowNanos));
            }
        }
    }

    private void schedule(long afterNanos, Delivery delivery) {
        queue.add(new Scheduled(nowNanos + afterNanos, sequence++, delivery));
    }

    private PollIntervals polls() {
        PollIntervals polls = PollIntervals.NONE;
        for (int i = 0; i < requestsTo.length; i++) {
            if (requestsTo[i] > 1) {
                polls = polls.plus(new PollIntervals(lastRequestNanos[i] - firstRequestNanos[i], requestsTo[i] - 1));
            }
        }
        return polls;
    }
}
