package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.jntp.clock.Clock;
import org.jntp.clock.SimulatedClock;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.discipline.DisciplineSettings;
import org.jntp.discipline.SelectionParameters;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.NtpServer;
import org.jntp.server.ServerCounters;
import org.jntp.server.ServerOutcome;
import org.jntp.server.SystemVariables;
import org.jntp.server.access.DiscardSettings;
import org.jntp.server.access.IpAddress;
import org.jntp.server.access.MruList;
import org.jntp.server.access.MruSettings;
import org.jntp.server.access.RestrictTable;
import org.junit.jupiter.api.Test;

/**
 * The client core with one source, our own server on true time, whose replies leave
 * {@link #SEND_NANOS} after it stamped their basic transmit timestamp: a basic sample is off by half
 * of that, an interleaved one is not, and the clock follows.
 */
class InterleavedSynchronizerTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long START_NANOS = 1_795_681_550_123_456_789L;
    private static final long ONE_WAY_NANOS = 1_000_000;
    private static final long SEND_NANOS = 200_000;
    private static final int RUN_SECONDS = 1200;
    private static final IpAddress CLIENT = IpAddress.ipv4(0xC000_0263);

    private final SimulatedClock clock =
            SimulatedClock.offsetAndWandering(START_NANOS, 0.05, 20, 0, new SplittableRandom(5));
    private final NtpServer server = serverOnTrueTime();
    private final ByteBuffer reply = ByteBuffer.allocate(1280);
    private long monoNanos;

    private NtpServer serverOnTrueTime() {
        RestrictTable restrictions = RestrictTable.defaults();
        return new NtpServer(() -> new SystemVariables(LeapIndicator.NO_WARNING, 1, -24, 0, 0,
                ReferenceId.ofAscii("GPS").bits(), clock.trueNanos() - SECOND), () -> restrictions,
                MruList.create(MruSettings.defaults(), DiscardSettings.defaults(), 1, 3),
                DiscardSettings.defaults().averageLog2(), new ServerCounters());
    }

    /** Runs the core against the server for {@link #RUN_SECONDS}; returns how far the clock is from true time. */
    private double offsetAfterRun(String serverOptions) throws Exception {
        clock.setMaxSlewRate(Clock.MAX_SLEW_RATE_PPM);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 123);
        ConfigResult.Valid valid = (ConfigResult.Valid) ConfigParser.parse(
                "server 192.0.2.1 iburst minpoll 4 maxpoll 4 " + serverOptions + "\n", "test.conf");
        Synchronizer synchronizer = Synchronizer.start(
                List.of(new Synchronizer.SourceSpec(address, valid.config().associations().getFirst())),
                new SyncSettings(SelectionParameters.defaults(), DisciplineSettings.defaults(clock.maxSlewRatePpm()),
                        Orphan.NONE),
                clock, new SplittableRandom(1), SyncEvents.NONE, 0);
        for (int s = 0; s < RUN_SECONDS; s++) {
            monoNanos += SECOND;
            clock.advance(SECOND);
            for (Synchronizer.Transmit transmit : synchronizer.wake(monoNanos)) {
                exchange(synchronizer, transmit);
            }
        }
        return (clock.nowNanos() - clock.trueNanos()) / 1e9;
    }

    private void exchange(Synchronizer synchronizer, Synchronizer.Transmit transmit) {
        long sentNanos = clock.nowNanos();
        synchronizer.transmitted(transmit.handle(), sentNanos, sentNanos);
        clock.advance(ONE_WAY_NANOS);
        long receiveNanos = clock.trueNanos();
        ServerOutcome outcome = server.respond(ByteBuffer.wrap(transmit.datagram()), CLIENT.mappedHigh(),
                CLIENT.mappedLow(), 40000, receiveNanos, monoNanos, reply);
        if (outcome == ServerOutcome.ANSWERED) {
            NtpServer.stampTransmit(reply, receiveNanos);
        }
        server.transmitted(reply, CLIENT.mappedHigh(), CLIENT.mappedLow(), receiveNanos + SEND_NANOS);
        clock.advance(SEND_NANOS + ONE_WAY_NANOS);
        byte[] bytes = new byte[reply.limit()];
        reply.get(0, bytes);
        synchronizer.receive(transmit.handle(), bytes, bytes.length, clock.nowNanos(), monoNanos);
    }

    @Test
    void aBasicSourceKeepsHalfTheServersSendTimeInTheClock() throws Exception {
        // the server's transmit timestamp is early, so the server looks behind: the clock follows it back
        assertThat(offsetAfterRun("")).isCloseTo(-SEND_NANOS / 2e9, within(20e-6));
    }

    @Test
    void anInterleavedSourceTakesTheServersSendTimeOutOfTheClock() throws Exception {
        assertThat(offsetAfterRun("xleave")).isCloseTo(0, within(20e-6));
    }
}
