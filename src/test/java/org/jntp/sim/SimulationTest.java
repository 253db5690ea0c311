package org.jntp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jntp.clock.SimulatedClock;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpTimestamp;
import org.junit.jupiter.api.Test;

class SimulationTest {

    private static final Scenario LAN_1 = Scenarios.shortRun(Preset.LAN_1, 2000, 1, 1);

    @Test
    void sameSeedGivesIdenticalMetrics() {
        assertThat(Simulation.run(LAN_1, 3, SteppingClient.factory()))
                .isEqualTo(Simulation.run(LAN_1, 3, SteppingClient.factory()));
    }

    @Test
    void differentSeedsGiveDifferentMetrics() {
        assertThat(Simulation.run(LAN_1, 3, SteppingClient.factory()).rmsOffsetSeconds())
                .isNotEqualTo(Simulation.run(LAN_1, 4, SteppingClient.factory()).rmsOffsetSeconds());
    }

    @Test
    void measuresAClientThatConverges() {
        SeedResult r = Simulation.run(LAN_1, 1, SteppingClient.factory());

        assertThat(r.firstBelow1msSeconds()).hasValue(1);
        assertThat(r.settledSeconds().orElseThrow()).isBetween(2L, 1000L);
        assertThat(r.rmsOffsetSeconds()).isBetween(20e-6, 200e-6);
        assertThat(r.rmsFreqPpm()).isLessThan(2);
    }

    @Test
    void measuresAFreeRunningClockAtItsInitialOffset() {
        SeedResult r = Simulation.run(Scenarios.clock(0.1, 0, 100), 1, SilentClient.factory());

        assertThat(r.firstBelow1msSeconds()).isEmpty();
        assertThat(r.settledSeconds()).isEmpty();
        assertThat(r.windowSamples()).isEqualTo(76);
        assertThat(r.rmsOffsetSeconds()).isCloseTo(0.1, within(1e-12));
        assertThat(r.rmsFreqPpm()).isZero();
    }

    @Test
    void frequencyErrorIsTheOscillatorsPlusTheClocksCorrection() {
        Scenario scenario = Scenarios.clock(0, 100, 100);
        AtomicReference<SimulatedClock> clock = new AtomicReference<>();
        SeedResult free = Simulation.run(scenario, 1, capturing(clock, SilentClient.factory()));
        double oscillatorErrorPpm = clock.get().oscillatorErrorPpm();
        ClientFactory cancelling = setup -> {
            setup.clock().setFrequency(-oscillatorErrorPpm + 0.5);
            return new SilentClient();
        };

        assertThat(free.rmsFreqPpm()).isCloseTo(Math.abs(oscillatorErrorPpm), within(1e-9));
        assertThat(Simulation.run(scenario, 1, cancelling).rmsFreqPpm()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void oscillatorErrorIsDrawnUniformlyWithinFreq() {
        Scenario scenario = Scenarios.clock(0, 100, 1);
        int seeds = 2000;
        double sum = 0;
        double sumOfSquares = 0;
        for (int seed = 0; seed < seeds; seed++) {
            AtomicReference<SimulatedClock> clock = new AtomicReference<>();
            Simulation.run(scenario, seed, capturing(clock, SilentClient.factory()));
            double errorPpm = clock.get().oscillatorErrorPpm();
            assertThat(errorPpm).isBetween(-100.0, 100.0);
            sum += errorPpm;
            sumOfSquares += errorPpm * errorPpm;
        }

        assertThat(sum / seeds).isCloseTo(0, within(3.0));
        // a uniform on ±100 has variance 100²/3
        assertThat(sumOfSquares / seeds).isCloseTo(10_000 / 3.0, within(200.0));
    }

    @Test
    void wanderIsAFractionalFrequencyStepEverySecond() {
        Scenario wandering = new Scenario(1, 0, 0.5, Delay.LAN, Delay.LAN, 0, 0, 0, 1e-6, 6, 10, false, 100,
                new Seeds(1, 1));
        int seeds = 400;
        double sumOfSquares = 0;
        for (int seed = 0; seed < seeds; seed++) {
            AtomicReference<SimulatedClock> clock = new AtomicReference<>();
            Simulation.run(wandering, seed, capturing(clock, SilentClient.factory()));
            sumOfSquares += clock.get().oscillatorErrorPpm() * clock.get().oscillatorErrorPpm();
        }

        // 1e-6 is 1 ppm a step; after 100 steps the deviation is 10 ppm
        assertThat(Math.sqrt(sumOfSquares / seeds)).isCloseTo(10, within(1.0));
    }

    @Test
    void warmStartHandsOverTheFrequencyThatCancelsTheOscillatorError() {
        Scenario warm = new Scenario(1, 0, 0.5, Delay.LAN, Delay.LAN, 0, 0.1, 100, 0, 6, 10, true, 100,
                new Seeds(1, 1));
        AtomicReference<RunSetup> setup = new AtomicReference<>();
        AtomicReference<SimulatedClock> clock = new AtomicReference<>();
        Simulation.run(warm, 2, factory -> {
            setup.set(factory);
            clock.set(factory.clock());
            return new SilentClient();
        });

        assertThat(setup.get().driftPpm().orElseThrow()).isEqualTo(-clock.get().oscillatorErrorPpm());
        assertThat(Math.abs(setup.get().driftPpm().orElseThrow())).isBetween(0.0, 100.0);
    }

    @Test
    void coldStartHasNoDriftFile() {
        AtomicReference<RunSetup> setup = new AtomicReference<>();
        Simulation.run(LAN_1, 1, s -> {
            setup.set(s);
            return new SilentClient();
        });

        assertThat(setup.get().driftPpm()).isEmpty();
        assertThat(setup.get().ntpConf()).isEqualTo("server 192.0.2.1 iburst minpoll 6 maxpoll 10\n");
    }

    @Test
    void theClocksPathDoesNotDependOnTheClient() {
        AtomicReference<SimulatedClock> silent = new AtomicReference<>();
        AtomicReference<SimulatedClock> stepping = new AtomicReference<>();
        Simulation.run(LAN_1, 5, capturing(silent, SilentClient.factory()));
        Simulation.run(LAN_1, 5, capturing(stepping, SteppingClient.factory()));

        assertThat(stepping.get().oscillatorErrorPpm()).isEqualTo(silent.get().oscillatorErrorPpm());
        assertThat(stepping.get().trueNanos()).isEqualTo(silent.get().trueNanos());
    }

    @Test
    void aReplyArrivesAfterBothOneWayDelaysWithItsRequestsHandle() {
        Scenario fixedDelay = new Scenario(1, 0, 0.5, new Delay(1e-3, 0), new Delay(2e-3, 0), 0, 0, 0, 0, 6, 10,
                false, 10, new Seeds(1, 1));
        OneRequestClient client = new OneRequestClient(new InetSocketAddress(InetAddress.ofLiteral("192.0.2.1"), 123));
        SeedResult r = Simulation.run(fixedDelay, 1, setup -> client.on(setup.clock()));

        assertThat(client.arrivals).containsExactly("handle=77 at=3000000 from=/192.0.2.1:123");
        assertThat(r.requests()).isEqualTo(1);
        assertThat(r.replies()).isEqualTo(1);
    }

    @Test
    void aRequestToAnAddressWithoutServerGetsNoReply() {
        OneRequestClient client = new OneRequestClient(new InetSocketAddress(InetAddress.ofLiteral("203.0.113.1"), 123));
        SeedResult r = Simulation.run(LAN_1, 1, setup -> client.on(setup.clock()));

        assertThat(r.requests()).isEqualTo(1);
        assertThat(r.replies()).isZero();
        assertThat(client.arrivals).isEmpty();
    }

    @Test
    void lossDropsRequestsAndRepliesAlike() {
        Scenario lossy = new Scenario(3, 0, 0.5, Delay.LAN, Delay.LAN, 0.3, 0.1, 100, 1e-9, 6, 10, false, 20_000,
                new Seeds(1, 1));
        SeedResult r = Simulation.run(lossy, 1, SteppingClient.factory());

        assertThat(r.replies() / (double) r.requests()).isCloseTo(0.7 * 0.7, within(0.05));
    }

    @Test
    void pollIntervalIsMeasuredBetweenRequestsToTheSameServer() {
        SeedResult r = Simulation.run(Scenarios.shortRun(Preset.LAN_3, 1000, 1, 1), 1, SteppingClient.factory());

        assertThat(r.meanPollIntervalSeconds()).hasValue(64.0);
    }

    @Test
    void catchesAClientThatFollowsAFalseticker() {
        SeedResult r = Simulation.run(Scenarios.lyingServer(0.5, 200), 1, SteppingClient.factory());

        assertThat(r.followedFalseticker()).isTrue();
    }

    @Test
    void stopsAClientThatWakesAgainAndAgainWithoutTimePassing() {
        ClientFactory stuck = setup -> new SimulatedClient() {
            @Override
            public long nextWakeNanos() {
                return 0;
            }

            @Override
            public List<Outgoing> wake(long nowNanos) {
                return List.of();
            }

            @Override
            public List<Outgoing> receive(long handle, InetSocketAddress from, byte[] datagram, long nowNanos) {
                return List.of();
            }
        };

        assertThatThrownBy(() -> Simulation.run(LAN_1, 1, stuck)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("again and again");
    }

    private static ClientFactory capturing(AtomicReference<SimulatedClock> clock, ClientFactory factory) {
        return setup -> {
            clock.set(setup.clock());
            return factory.create(setup);
        };
    }

    /** Sends one request at the start and records what comes back. */
    private static final class OneRequestClient implements SimulatedClient {
        final List<String> arrivals = new ArrayList<>();
        private final InetSocketAddress server;
        private SimulatedClock clock;
        private boolean sent;

        OneRequestClient(InetSocketAddress server) {
            this.server = server;
        }

        OneRequestClient on(SimulatedClock runClock) {
            this.clock = runClock;
            return this;
        }

        @Override
        public long nextWakeNanos() {
            return sent ? Long.MAX_VALUE : 0;
        }

        @Override
        public List<Outgoing> wake(long nowNanos) {
            sent = true;
            ByteBuffer request = ByteBuffer.allocate(NtpHeader.LENGTH);
            NtpHeader.clientRequest(4, NtpTimestamp.ofUnixNanos(clock.nowNanos())).encode(request);
            return List.of(new Outgoing(77, server, request.array()));
        }

        @Override
        public List<Outgoing> receive(long handle, InetSocketAddress from, byte[] datagram, long nowNanos) {
            arrivals.add("handle=" + handle + " at=" + nowNanos + " from=" + from);
            return List.of();
        }
    }
}
