package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jntp.clock.Clock;
import org.jntp.clock.SimulatedClock;
import org.jntp.config.Association;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.discipline.DisciplineSettings;
import org.jntp.discipline.SelectionParameters;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpTimestamp;

/**
 * Jazzer target for the client side's whole reply path, as the client thread drives it: a
 * server, an interleaved server and a symmetric peer polled on a simulated clock, and whatever
 * comes back in answer, or from the peer unasked. An answer is fuzzed bytes, or the reply a
 * server would make with fuzzed fields (so that it passes the origin check and reaches the
 * filter, the selection and the discipline), or either with fuzzed octets after the header
 * (extension fields, a MAC). No datagram makes the core throw, the frequency it sets stays
 * within the kernel's limits, and the stratum it serves is one NTP has.
 */
class ClientReplyFuzzTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long START_NANOS = 1_795_681_550_123_456_789L;
    /** The client thread's receive buffer: longer datagrams never reach the core. */
    private static final int MAX_DATAGRAM = 1280;
    private static final int MAX_STEPS = 48;
    private static final String CONFIG = """
            server 192.0.2.1 iburst minpoll 4
            server 192.0.2.2 iburst xleave minpoll 4
            peer 192.0.2.3 minpoll 4
            """;
    private static final InetSocketAddress PEER = address("192.0.2.3");

    @FuzzTest
    void takesOrDropsEveryDatagramAndKeepsItsClockWithinBounds(FuzzedDataProvider data) {
        SimulatedClock clock = SimulatedClock.offsetAndWandering(START_NANOS, 0.05, 20, 0, new SplittableRandom(1));
        clock.setMaxSlewRate(Clock.MAX_SLEW_RATE_PPM);
        Synchronizer synchronizer = Synchronizer.start(sources(), new SyncSettings(SelectionParameters.defaults(),
                DisciplineSettings.defaults(clock.maxSlewRatePpm()), Orphan.NONE), clock, new SplittableRandom(2),
                SyncEvents.NONE, 0);
        long monoNanos = 0;
        int steps = data.consumeInt(1, MAX_STEPS);
        for (int step = 0; step < steps && data.remainingBytes() > 0; step++) {
            long elapsed = data.consumeLong(0, 64 * SECOND);
            monoNanos += elapsed;
            clock.advance(elapsed);
            for (Synchronizer.Transmit transmit : synchronizer.wake(monoNanos)) {
                synchronizer.transmitted(transmit.handle(), clock.nowNanos(), clock.nowNanos());
                if (data.consumeBoolean()) {
                    byte[] reply = answer(transmit.datagram(), clock.trueNanos(), data);
                    synchronizer.receive(transmit.handle(), reply, reply.length, clock.nowNanos(), monoNanos);
                }
            }
            if (data.consumeBoolean()) {
                byte[] unasked = answer(new byte[NtpHeader.LENGTH], clock.trueNanos(), data);
                synchronizer.receiveFromPeer(PEER, unasked, unasked.length, clock.nowNanos(), monoNanos);
            }

            assertThat(Math.abs(synchronizer.discipline().frequencyPpm())).isLessThanOrEqualTo(Clock.MAX_FREQUENCY_PPM);
            assertThat(synchronizer.systemVariables().stratum()).isBetween(0, 16);
        }
    }

    /**
     * Fuzzed bytes, or a server's reply to {@code request} on true time with fuzzed leap, mode,
     * stratum, poll, root delay, root dispersion, reference ID and timestamps around true time;
     * either with fuzzed octets after it.
     */
    private static byte[] answer(byte[] request, long trueNanos, FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            return data.consumeBytes(data.consumeInt(0, MAX_DATAGRAM));
        }
        ByteBuffer reply = ByteBuffer.allocate(NtpHeader.LENGTH);
        reply.put(0, (byte) ((data.consumeInt(0, 3) << 6) | (4 << 3) | data.consumeInt(0, 7)));
        reply.put(1, (byte) data.consumeInt(0, 17));
        reply.put(2, data.consumeByte());
        reply.put(3, data.consumeByte());
        reply.putInt(4, data.consumeInt());
        reply.putInt(8, data.consumeInt());
        reply.putInt(12, data.consumeInt());
        long jitterNanos = data.consumeLong(-2 * SECOND, 2 * SECOND);
        reply.putLong(16, NtpTimestamp.bitsOfUnixNanos(trueNanos - data.consumeLong(0, 1024 * SECOND)));
        reply.putLong(24, data.consumeBoolean() ? ByteBuffer.wrap(request).getLong(40) : data.consumeLong());
        reply.putLong(32, NtpTimestamp.bitsOfUnixNanos(trueNanos + jitterNanos));
        reply.putLong(40, NtpTimestamp.bitsOfUnixNanos(trueNanos + jitterNanos + data.consumeLong(0, SECOND)));
        byte[] trailer = data.consumeBytes(data.consumeInt(0, MAX_DATAGRAM - NtpHeader.LENGTH));
        byte[] datagram = new byte[NtpHeader.LENGTH + trailer.length];
        reply.get(0, datagram, 0, NtpHeader.LENGTH);
        System.arraycopy(trailer, 0, datagram, NtpHeader.LENGTH, trailer.length);
        return datagram;
    }

    private static List<Synchronizer.SourceSpec> sources() {
        NtpConfig config = switch (ConfigParser.parse(CONFIG, "fuzz.conf")) {
            case ConfigResult.Valid valid -> valid.config();
            case ConfigResult.Invalid invalid -> throw new AssertionError(invalid.errors().toString());
        };
        List<Synchronizer.SourceSpec> specs = new ArrayList<>();
        for (Association association : config.associations()) {
            specs.add(new Synchronizer.SourceSpec(address(association.address().toString()), association));
        }
        return specs;
    }

    private static InetSocketAddress address(String host) {
        return new InetSocketAddress(InetAddress.ofLiteral(host), 123);
    }
}
