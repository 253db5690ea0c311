package org.jntp.bench;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jntp.nts.Aead;
import org.jntp.nts.CookieCodec;
import org.jntp.nts.KeNegotiation;
import org.jntp.nts.MasterKeyRing;
import org.jntp.nts.NonceGenerator;
import org.jntp.nts.NtsClientExchange;
import org.jntp.nts.SessionKeys;
import org.jntp.server.Counter;
import org.jntp.server.NtpServer;
import org.jntp.server.NtsServing;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * A server with NTS on, answering a plain request ({@link #plainRequest}) and an NTS request
 * ({@link #ntsRequest}: one cookie, no placeholder, as a client with a full jar sends): opening the
 * cookie, checking the Authenticator, making one fresh cookie and sealing the reply. Issue 7 asks
 * for NTS requests at half the plain rate or better. The randomness is the DRBG a daemon would use.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class NtsRespondBenchmark {
    private static final IpAddress CLIENT = IpAddress.ipv4(0xC000_0207); // 192.0.2.7
    private static final int CLIENT_PORT = 40123;
    private static final long TURNAROUND_NANOS = 20_000;

    private ServerFixture fixture;
    private NtpServer server;
    private ByteBuffer plainRequest;
    private ByteBuffer ntsRequest;
    private ByteBuffer reply;
    private long addressHigh;
    private long addressLow;
    private long nowNanos;

    @Setup(Level.Trial)
    public void setUp() throws NoSuchAlgorithmException {
        SecureRandom random = SecureRandom.getInstance("DRBG");
        MasterKeyRing ring = MasterKeyRing.create(ServerFixture.START_NANOS / ServerFixture.SECOND_NANOS, random);
        fixture = ServerFixture.configuredBy("", new NtsServing(() -> Optional.of(ring),
                NonceGenerator.seededBy(random)));
        server = fixture.server();
        plainRequest = ServerFixture.clientRequest();
        ntsRequest = ByteBuffer.allocateDirect(1280);
        ntsRequest.put(0, ServerFixture.clientRequest(), 0, 48);
        SessionKeys keys = sessionKeys(random);
        NtsClientExchange.writeRequest(ntsRequest, CookieCodec.make(keys, ring, random), 0, keys, random);
        reply = ServerFixture.replyBuffer();
        addressHigh = CLIENT.mappedHigh();
        addressLow = CLIENT.mappedLow();
        nowNanos = ServerFixture.START_NANOS;
    }

    private static SessionKeys sessionKeys(SecureRandom random) {
        byte[] c2s = new byte[Aead.KEY_OCTETS];
        byte[] s2c = new byte[Aead.KEY_OCTETS];
        random.nextBytes(c2s);
        random.nextBytes(s2c);
        return new SessionKeys(KeNegotiation.AES_SIV_CMAC_256, c2s, s2c);
    }

    /** Every request must have been answered with time, with NTS in {@link #ntsRequest}, or the benchmark measured something else. */
    @TearDown(Level.Trial)
    public void checkAllAnswered(BenchmarkParams params) {
        Outcomes.requireAllAnswered(fixture.counters());
        long nts = fixture.counters().get(Counter.NTS_ANSWERED);
        long expected = params.getBenchmark().endsWith(".ntsRequest") ? fixture.counters().get(Counter.ANSWERED) : 0;
        if (nts != expected) {
            throw new IllegalStateException(nts + " requests answered with NTS, expected " + expected);
        }
    }

    /** respond and stampTransmit for a plain request, on a server with NTS on. */
    @Benchmark
    public ServerOutcome plainRequest() {
        long receiveNanos = nowNanos += ServerFixture.SECOND_NANOS / 1000;
        ServerOutcome outcome = server.respond(plainRequest, addressHigh, addressLow, CLIENT_PORT, receiveNanos,
                receiveNanos, reply);
        NtpServer.stampTransmit(reply, receiveNanos + TURNAROUND_NANOS);
        return outcome;
    }

    /** respond for an NTS request: its reply leaves sealed, stamped already. */
    @Benchmark
    public ServerOutcome ntsRequest() {
        long receiveNanos = nowNanos += ServerFixture.SECOND_NANOS / 1000;
        return server.respond(ntsRequest, addressHigh, addressLow, CLIENT_PORT, receiveNanos, receiveNanos, reply);
    }
}
