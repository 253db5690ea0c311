package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.jntp.clock.Clock;
import org.jntp.clock.SimulatedClock;
import org.jntp.config.Association;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.discipline.DisciplineSettings;
import org.jntp.discipline.SelectionParameters;
import org.jntp.nts.CookieCodec;
import org.jntp.nts.MasterKeyRing;
import org.jntp.nts.NtsServerExchange;
import org.jntp.nts.SessionKeys;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpTimestamp;

/**
 * Jazzer target for the client side's whole reply path, as the client thread drives it: a
 * server, an interleaved server, a symmetric peer and an NTS server polled on a simulated clock,
 * and whatever comes back in answer, or from the peer unasked. An answer is fuzzed bytes, or the
 * reply a server would make with fuzzed fields (so that it passes the origin check and reaches
 * the filter, the selection and the discipline), or either with fuzzed octets after the header
 * (extension fields, a MAC); the NTS server's may also be its authentic answer with fuzzed octets
 * changed. No datagram makes the core throw, the frequency it sets stays within the kernel's
 * limits, and the stratum it serves is one NTP has.
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
    private static final InetSocketAddress NTS_SERVER = address("192.0.2.4");
    private static final int COOKIES = 8;
    private static final int MAX_CHANGES = 4;

    @FuzzTest
    void takesOrDropsEveryDatagramAndKeepsItsClockWithinBounds(FuzzedDataProvider data) {
        SimulatedClock clock = SimulatedClock.offsetAndWandering(START_NANOS, 0.05, 20, 0, new SplittableRandom(1));
        clock.setMaxSlewRate(Clock.MAX_SLEW_RATE_PPM);
        Synchronizer synchronizer = Synchronizer.start(sources(), new SyncSettings(SelectionParameters.defaults(),
                DisciplineSettings.defaults(clock.maxSlewRatePpm()), Orphan.NONE), clock, new SplittableRandom(2),
                SyncEvents.NONE, 0);
        Random random = new Random(8915);
        MasterKeyRing ring = MasterKeyRing.create(START_NANOS / SECOND, random);
        int ntsId = synchronizer.addSource(new Synchronizer.SourceSpec(NTS_SERVER,
                parse("server 192.0.2.4 nts iburst minpoll 4").associations().getFirst()), 0);
        SessionKeys keys = SynchronizerNtsTest.sessionKeys(random);
        List<byte[]> cookies = new ArrayList<>();
        for (int i = 0; i < COOKIES; i++) {
            cookies.add(CookieCodec.make(keys, ring, random));
        }
        synchronizer.ntsKeysEstablished(ntsId, keys, cookies);
        long monoNanos = 0;
        int steps = data.consumeInt(1, MAX_STEPS);
        for (int step = 0; step < steps && data.remainingBytes() > 0; step++) {
            long elapsed = data.consumeLong(0, 64 * SECOND);
            monoNanos += elapsed;
            clock.advance(elapsed);
            for (Synchronizer.Transmit transmit : synchronizer.wake(monoNanos)) {
                synchronizer.transmitted(transmit.handle(), clock.nowNanos(), clock.nowNanos());
                if (data.consumeBoolean()) {
                    byte[] reply = transmit.destination().equals(NTS_SERVER) && data.consumeBoolean()
                            ? changed(authentic(transmit.datagram(), clock.trueNanos(), ring, random), data)
                            : answer(transmit.datagram(), clock.trueNanos(), data);
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

    /**
     * The NTS server's authentic answer to {@code request}, on true time, with the cookies it asks
     * for; a plain reply if its NTS fields do not verify.
     */
    private static byte[] authentic(byte[] request, long trueNanos, MasterKeyRing ring, Random random) {
        ByteBuffer requestBuffer = ByteBuffer.wrap(request);
        long serverBits = NtpTimestamp.bitsOfUnixNanos(trueNanos);
        ByteBuffer reply = ByteBuffer.allocate(MAX_DATAGRAM);
        reply.put(0, (byte) ((4 << 3) | 4)).put(1, (byte) 1).put(3, (byte) -20);
        reply.putLong(16, serverBits).putLong(24, requestBuffer.getLong(40)).putLong(32, serverBits)
                .putLong(40, serverBits);
        reply.limit(NtpHeader.LENGTH);
        NtsServerExchange exchange = new NtsServerExchange();
        if (exchange.verify(requestBuffer, ring) instanceof NtsServerExchange.Verified verified) {
            exchange.writeReply(requestBuffer, verified, request.length, reply, ring, random);
        }
        byte[] datagram = new byte[reply.limit()];
        reply.get(0, datagram);
        return datagram;
    }

    /** {@code datagram} with up to {@link #MAX_CHANGES} fuzzed octets changed. */
    private static byte[] changed(byte[] datagram, FuzzedDataProvider data) {
        int changes = data.consumeInt(0, MAX_CHANGES);
        for (int i = 0; i < changes && datagram.length > 0; i++) {
            datagram[data.consumeInt(0, datagram.length - 1)] = data.consumeByte();
        }
        return datagram;
    }

    private static NtpConfig parse(String text) {
        return switch (ConfigParser.parse(text, "fuzz.conf")) {
            case ConfigResult.Valid valid -> valid.config();
            case ConfigResult.Invalid invalid -> throw new AssertionError(invalid.errors().toString());
        };
    }

    private static List<Synchronizer.SourceSpec> sources() {
        NtpConfig config = parse(CONFIG);
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
