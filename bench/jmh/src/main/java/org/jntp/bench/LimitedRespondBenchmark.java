package org.jntp.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.jntp.server.NtpServer;
import org.jntp.server.ServerOutcome;
import org.jntp.server.access.IpAddress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The request handler behind Debian's default restrict lines ({@code restrict default kod limited
 * ...}), fed by many clients so that the MRU list inserts, evicts and rate limits on every request.
 *
 * <p>Requests arrive every {@link #STEP_NANOS}, alternately from one of {@link #HOT_CLIENTS} that
 * poll far faster than the 2 s guard and 8 s average allow (dropped, with a RATE kiss-o'-death
 * once per headway) and from one of {@link #COLD_CLIENTS} seen once per cycle. A cold client has
 * long left the list when it comes back, and by then the list holds a full {@code maxage} of
 * clients, so each cold request recycles the oldest entry of its shard.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class LimitedRespondBenchmark {
    /** Debian's ntp.conf restrict lines. */
    private static final String NTP_CONF = """
            restrict -4 default kod notrap nomodify nopeer noquery limited
            restrict -6 default kod notrap nomodify nopeer noquery limited
            restrict 127.0.0.1
            restrict ::1
            """;
    private static final int HOT_CLIENTS = 64;
    private static final int COLD_CLIENTS = 1 << 15;
    /** Client of each request, a cycle of this many: every other one hot, the others cold. */
    private static final int SEQUENCE = 2 * COLD_CLIENTS;
    /** 100 requests a second: a hot client every 1.28 s, 64 s of history is 3200 cold clients. */
    private static final long STEP_NANOS = ServerFixture.SECOND_NANOS / 100;
    private static final int FIRST_PORT = 40000;

    private ServerFixture fixture;
    private NtpServer server;
    private ByteBuffer request;
    private ByteBuffer reply;
    private final long[] addressHigh = new long[SEQUENCE];
    private final long[] addressLow = new long[SEQUENCE];
    private int next;
    private long nowNanos;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = ServerFixture.configuredBy(NTP_CONF);
        server = fixture.server();
        request = ServerFixture.clientRequest();
        reply = ServerFixture.replyBuffer();
        for (int i = 0; i < SEQUENCE; i++) {
            IpAddress client = i % 2 == 0 ? hotClient(i / 2 % HOT_CLIENTS) : coldClient(i / 2);
            addressHigh[i] = client.mappedHigh();
            addressLow[i] = client.mappedLow();
        }
        nowNanos = ServerFixture.START_NANOS;
    }

    /** 192.0.2.0/26 (TEST-NET-1). */
    private static IpAddress hotClient(int index) {
        return IpAddress.ipv4(0xC000_0200 | index);
    }

    /** Half in 198.18.0.0/15 (the benchmarking range), half in 2001:db8::/32. */
    private static IpAddress coldClient(int index) {
        return index % 2 == 0
                ? IpAddress.ipv4(0xC612_0000 | index)
                : IpAddress.ipv6(0x2001_0DB8_0000_0000L | index, 0x1234_5678_0000_0000L | index);
    }

    /** The mix must have answered, dropped, kissed and recycled, or it measured something else. */
    @TearDown(Level.Trial)
    public void checkLimitedPathTaken() {
        Outcomes.requireLimitedMix(fixture.counters(), fixture.mru(), COLD_CLIENTS);
    }

    /** One request from the next client in the cycle, answered (or not) and stamped as the server loop does. */
    @Benchmark
    public ServerOutcome respondAndStamp() {
        int client = next++ & (SEQUENCE - 1);
        long receiveNanos = nowNanos += STEP_NANOS;
        ServerOutcome outcome = server.respond(request, addressHigh[client], addressLow[client],
                FIRST_PORT + client, receiveNanos, receiveNanos, reply);
        if (outcome == ServerOutcome.ANSWERED) {
            NtpServer.stampTransmit(reply, receiveNanos + 20_000);
        }
        return outcome;
    }
}
