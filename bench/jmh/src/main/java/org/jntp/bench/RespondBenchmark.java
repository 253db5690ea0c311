package org.jntp.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SoftwareClock;
import org.jntp.protocol.HeaderView;
import org.jntp.protocol.NtpTimestamp;
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
 * The request handler with ntpd's default restrict table (no restrict lines): one client polling,
 * answered with time. {@link #respondAndStamp} is the handler alone, on times the benchmark makes
 * up; {@link #respondInterleaved} the same for a client in interleaved mode;
 * {@link #respondOnSoftwareClock} adds the clock reads the server loop makes around it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class RespondBenchmark {
    private static final IpAddress CLIENT = IpAddress.ipv4(0xC000_0207); // 192.0.2.7
    private static final int CLIENT_PORT = 40123;
    /** Time from receive to transmit, roughly what the server loop takes per batch. */
    private static final long TURNAROUND_NANOS = 20_000;

    private ServerFixture fixture;
    private NtpServer server;
    private ByteBuffer request;
    private ByteBuffer interleavedRequest;
    private ByteBuffer reply;
    private SoftwareClock clock;
    private long addressHigh;
    private long addressLow;
    private long nowNanos;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = ServerFixture.configuredBy("");
        server = fixture.server();
        request = ServerFixture.clientRequest();
        interleavedRequest = ServerFixture.clientRequest();
        reply = ServerFixture.replyBuffer();
        clock = new SoftwareClock.Spec(0.25, 50).over(KernelClock.open());
        addressHigh = CLIENT.mappedHigh();
        addressLow = CLIENT.mappedLow();
        nowNanos = ServerFixture.START_NANOS;
    }

    /** Every request must have been answered with time, or the benchmark measured something else. */
    @TearDown(Level.Trial)
    public void checkAllAnswered() {
        Outcomes.requireAllAnswered(fixture.counters());
    }

    /** respond, stampTransmit and transmitted, as the server loop calls them for one request. */
    @Benchmark
    public ServerOutcome respondAndStamp() {
        long receiveNanos = nowNanos += ServerFixture.SECOND_NANOS / 1000;
        ServerOutcome outcome = server.respond(request, addressHigh, addressLow, CLIENT_PORT, receiveNanos,
                receiveNanos, reply);
        NtpServer.stampTransmit(reply, receiveNanos + TURNAROUND_NANOS);
        server.transmitted(reply, addressHigh, addressLow, receiveNanos + TURNAROUND_NANOS);
        return outcome;
    }

    /**
     * respond and transmitted for a client in interleaved mode: each request's origin is the
     * receive timestamp of the last reply, so each is answered with the last reply's send time.
     */
    @Benchmark
    public ServerOutcome respondInterleaved() {
        long receiveNanos = nowNanos += ServerFixture.SECOND_NANOS / 1000;
        HeaderView.putOriginTimeBits(interleavedRequest, HeaderView.receiveTimeBits(reply));
        HeaderView.putReceiveTimeBits(interleavedRequest, NtpTimestamp.bitsOfUnixNanos(receiveNanos));
        ServerOutcome outcome = server.respond(interleavedRequest, addressHigh, addressLow, CLIENT_PORT,
                receiveNanos, receiveNanos, reply);
        server.transmitted(reply, addressHigh, addressLow, receiveNanos + TURNAROUND_NANOS);
        return outcome;
    }

    /**
     * The server loop's per-request work short of the system calls: the receive time read from the
     * clock (as when the kernel gave no timestamp), the monotonic time, the handler and a second
     * clock read for the transmit time.
     */
    @Benchmark
    public ServerOutcome respondOnSoftwareClock() {
        long receiveNanos = clock.nowNanos();
        ServerOutcome outcome = server.respond(request, addressHigh, addressLow, CLIENT_PORT, receiveNanos,
                System.nanoTime(), reply);
        NtpServer.stampTransmit(reply, clock.nowNanos());
        server.transmitted(reply, addressHigh, addressLow, clock.nowNanos());
        return outcome;
    }
}
