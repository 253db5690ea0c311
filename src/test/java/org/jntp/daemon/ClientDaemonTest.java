package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jntp.clock.Clock;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SoftwareClock;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.SystemVariables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's client side on loopback: one daemon serves its local clock, another polls it from
 * a software clock set off the system clock, through the real sockets and the real client core.
 */
class ClientDaemonTest {
    /** Generous: iburst synchronises in about two seconds; a loaded machine may take longer. */
    private static final long AWAIT_MILLIS = 30_000;
    private static final String LISTEN_LOOPBACK = """
            interface ignore ipv6
            interface ignore ipv4
            interface listen 127.0.0.1
            """;

    private static Clock system;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
            System::currentTimeMillis, ZoneOffset.UTC, 1, 0);

    @TempDir
    Path dir;

    @BeforeAll
    static void openTheSystemClock() {
        system = KernelClock.open();
    }

    @Test
    void synchronisesToAServerAndServesItsStratumPlusOne() throws Exception {
        try (Upstream upstream = localClockServer(new SoftwareClock.Spec(0, 0), 8);
             Daemon ours = client(upstream, "", new SoftwareClock.Spec(0.25, 0), ClientOptions.defaults())) {
            SystemVariables served = await(ours, v -> v.leap() != LeapIndicator.UNSYNCHRONIZED);

            assertThat(served.stratum()).isEqualTo(9);
        }
        assertThat(log()).contains("synchronized to 127.0.0.1, stratum 8")
                .containsPattern("time reset -0\\.2[45][0-9]{4} s");
    }

    @Test
    void stepsItsClockToTheServersTime() throws Exception {
        SoftwareClock clock = new SoftwareClock.Spec(0.25, 0).over(system);
        try (Upstream upstream = localClockServer(new SoftwareClock.Spec(0, 0), 8);
             Daemon ours = client(upstream, "", clock, ClientOptions.defaults())) {
            await(ours, v -> v.leap() != LeapIndicator.UNSYNCHRONIZED);

            assertThat((clock.nowNanos() - system.nowNanos()) / 1e9).isCloseTo(0.0, within(0.005));
        }
    }

    @Test
    void prefersANetworkServerToTheLocalClock() throws Exception {
        try (Upstream upstream = localClockServer(new SoftwareClock.Spec(0, 0), 3);
             Daemon ours = client(upstream, "server 127.127.1.0\nfudge 127.127.1.0 stratum 8\n",
                     new SoftwareClock.Spec(0.25, 0), ClientOptions.defaults())) {
            assertThat(ours.systemVariables().stratum()).isEqualTo(8);

            SystemVariables served = await(ours, v -> v.stratum() == 4);

            assertThat(served.leap()).isEqualTo(LeapIndicator.NO_WARNING);
        }
        assertThat(log()).contains("synchronized to LOCAL(0), stratum 8").contains("synchronized to 127.0.0.1");
    }

    @Test
    void setAndQuitStepsTheClockOnceAndStops() throws Exception {
        ClientOptions setAndQuit = new ClientOptions(false, false, true, Optional.empty(), Optional.empty(), 0);
        try (Upstream upstream = localClockServer(new SoftwareClock.Spec(0, 0), 8);
             Daemon ours = client(upstream, "", new SoftwareClock.Spec(0.25, 0), setAndQuit)) {
            DaemonExit exit = ours.exit().get(AWAIT_MILLIS, TimeUnit.MILLISECONDS);

            assertThat(exit).isInstanceOfSatisfying(DaemonExit.ClockSet.class, set -> {
                assertThat(set.setting().stepped()).isTrue();
                assertThat(set.setting().offsetSeconds()).isCloseTo(-0.25, within(0.005));
            });
            assertThat(exit.status()).isZero();
        }
    }

    @Test
    void setAndQuitSlewsAnOffsetBelowTheStepThreshold() throws Exception {
        ClientOptions setAndQuit = new ClientOptions(false, false, true, Optional.empty(), Optional.empty(), 0);
        try (Upstream upstream = localClockServer(new SoftwareClock.Spec(0, 0), 8);
             Daemon ours = client(upstream, "", new SoftwareClock.Spec(0.05, 0), setAndQuit)) {
            DaemonExit exit = ours.exit().get(AWAIT_MILLIS, TimeUnit.MILLISECONDS);

            assertThat(exit).isInstanceOfSatisfying(DaemonExit.ClockSet.class, set -> {
                assertThat(set.setting().stepped()).isFalse();
                assertThat(set.setting().offsetSeconds()).isCloseTo(-0.05, within(0.005));
            });
        }
    }

    @Test
    void setAndQuitWithMinusXSlewsAnOffsetBeyondTheStepThreshold() throws Exception {
        ClientOptions slewOnce = new ClientOptions(false, true, true, Optional.empty(), Optional.empty(), 0);
        try (Upstream upstream = localClockServer(new SoftwareClock.Spec(0, 0), 8);
             Daemon ours = client(upstream, "", new SoftwareClock.Spec(0.25, 0), slewOnce)) {
            DaemonExit exit = ours.exit().get(AWAIT_MILLIS, TimeUnit.MILLISECONDS);

            assertThat(exit).isInstanceOfSatisfying(DaemonExit.ClockSet.class, set -> {
                assertThat(set.setting().stepped()).isFalse();
                assertThat(set.setting().offsetSeconds()).isCloseTo(-0.25, within(0.005));
            });
        }
    }

    @Test
    void stopsOnAnOffsetBeyondThePanicThreshold() throws Exception {
        try (Upstream upstream = localClockServer(new SoftwareClock.Spec(2000, 0), 8);
             Daemon ours = client(upstream, "", new SoftwareClock.Spec(0, 0), ClientOptions.defaults())) {
            DaemonExit exit = ours.exit().get(AWAIT_MILLIS, TimeUnit.MILLISECONDS);

            assertThat(exit).isInstanceOfSatisfying(DaemonExit.Panic.class,
                    panic -> assertThat(panic.offsetSeconds()).isCloseTo(2000, within(0.01)));
            assertThat(exit.status()).isEqualTo(1);
        }
        assertThat(log()).contains("panic_stop +2000 s; set clock manually within 1000 s.");
    }

    @Test
    void stepsABeyondPanicOffsetOnceWithMinusG() throws Exception {
        ClientOptions bigStep = new ClientOptions(true, false, false, Optional.empty(), Optional.empty(), 0);
        SoftwareClock clock = new SoftwareClock.Spec(0, 0).over(system);
        try (Upstream upstream = localClockServer(new SoftwareClock.Spec(2000, 0), 8);
             Daemon ours = client(upstream, "", clock, bigStep)) {
            await(ours, v -> v.leap() != LeapIndicator.UNSYNCHRONIZED);

            assertThat((clock.nowNanos() - system.nowNanos()) / 1e9).isCloseTo(2000, within(0.005));
        }
    }

    @Test
    void writesTheLearntFrequencyToTheDriftFileAtExit() throws Exception {
        Path drift = dir.resolve("ntp.drift");
        ClientOptions withDrift = new ClientOptions(false, false, false, Optional.of(drift), Optional.empty(), 0);
        try (Upstream upstream = localClockServer(new SoftwareClock.Spec(0, 0), 8);
             Daemon ours = client(upstream, "", new SoftwareClock.Spec(0.25, 0), withDrift)) {
            await(ours, v -> v.leap() != LeapIndicator.UNSYNCHRONIZED);
        }
        assertThat(DriftFile.read(drift)).isInstanceOf(DriftFile.Reading.Frequency.class);
    }

    @Test
    void startsFromTheDriftFilesFrequency() throws Exception {
        Path drift = dir.resolve("ntp.drift");
        Files.writeString(drift, "12.500\n");
        ClientOptions withDrift = new ClientOptions(false, false, false, Optional.of(drift), Optional.empty(), 0);
        SoftwareClock clock = new SoftwareClock.Spec(0, 0).over(system);
        try (Daemon ignored = Daemon.start(config(LISTEN_LOOPBACK), clock, freePort(), withDrift, log)) {
            assertThat(clock.frequencyPpm()).isEqualTo(12.5);
        }
        assertThat(log()).contains("initial drift restored to 12.500 PPM");
    }

    @Test
    void writesTheConfiguredStatisticsFilesInNtpdsFormats() throws Exception {
        String statistics = "statsdir " + dir + "\nstatistics loopstats peerstats rawstats\n";
        try (Upstream upstream = localClockServer(new SoftwareClock.Spec(0, 0), 8);
             Daemon ours = client(upstream, statistics, new SoftwareClock.Spec(0.25, 0), ClientOptions.defaults())) {
            await(ours, v -> v.leap() != LeapIndicator.UNSYNCHRONIZED);
        }

        String mjdAndSeconds = "\\d{5} \\d{1,5}\\.\\d{3}";
        assertThat(Files.readAllLines(dir.resolve("loopstats"))).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches(mjdAndSeconds + " -?\\d+\\.\\d{9} -?\\d+\\.\\d{3} \\d+\\.\\d{9} \\d+\\.\\d{6} \\d+"));
        assertThat(Files.readAllLines(dir.resolve("peerstats"))).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches(mjdAndSeconds + " 127\\.0\\.0\\.1 [0-9a-f]{4}( -?\\d+\\.\\d{9}){4}"));
        assertThat(Files.readAllLines(dir.resolve("rawstats"))).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches(mjdAndSeconds + " 127\\.0\\.0\\.1 -( \\d{10}\\.\\d{9}){4} 0 4 4 8 \\d+ -?\\d+"
                        + " \\d+\\.\\d{6} \\d+\\.\\d{6} \\d+\\.\\d+\\.\\d+\\.\\d+"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.matches("loopstats\\.\\d{8}"));
        }
    }

    /** A daemon serving its local clock, and the port it serves on. */
    private record Upstream(Daemon daemon, int port) implements AutoCloseable {
        @Override
        public void close() {
            daemon.close();
        }
    }

    @Test
    void dropsAReplyFromAnotherAddressThanTheServerAsked() throws Exception {
        try (DatagramChannel server = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             DatagramChannel forger = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            NtpConfig config = config("server 127.0.0.1 iburst\n" + LISTEN_LOOPBACK);
            try (Daemon ours = Daemon.start(config, new SoftwareClock.Spec(0, 0).over(system), freePort(),
                    ClientOptions.defaults().withServerPort(port), log)) {
                ByteBuffer request = ByteBuffer.allocate(1024);
                InetSocketAddress client = (InetSocketAddress) server.receive(request);
                NtpHeader asked = NtpHeader.decode(request.flip());
                forger.send(stratumOneReply(asked), client);
                server.send(stratumOneReply(asked), client);

                SystemVariables served = await(ours, v -> v.leap() != LeapIndicator.UNSYNCHRONIZED);

                assertThat(served.stratum()).isEqualTo(2);
            }
        }
        assertThat(log()).contains("from other addresses 1,");
    }

    /** What a stratum 1 server reading the system clock answers to {@code request}. */
    private static ByteBuffer stratumOneReply(NtpHeader request) {
        NtpTimestamp now = NtpTimestamp.ofUnixNanos(system.nowNanos());
        ByteBuffer reply = ByteBuffer.allocate(NtpHeader.LENGTH);
        new NtpHeader(LeapIndicator.NO_WARNING, 4, Mode.SERVER, 1, 6, -20, NtpShort.ZERO, NtpShort.ZERO,
                ReferenceId.ofAscii("GPS"), now, request.transmitTime(), now, now).encode(reply);
        return reply.flip();
    }

    private Upstream localClockServer(SoftwareClock.Spec spec, int stratum) throws Exception {
        NtpConfig config = config("server 127.127.1.0\nfudge 127.127.1.0 stratum " + stratum + "\n" + LISTEN_LOOPBACK);
        int port = freePort();
        return new Upstream(Daemon.start(config, spec.over(system), port, log), port);
    }

    private Daemon client(Upstream upstream, String moreConfig, SoftwareClock.Spec spec, ClientOptions options)
            throws Exception {
        return client(upstream, moreConfig, spec.over(system), options);
    }

    private Daemon client(Upstream upstream, String moreConfig, Clock clock, ClientOptions options) throws Exception {
        NtpConfig config = config("server 127.0.0.1 iburst\n" + moreConfig + LISTEN_LOOPBACK);
        return Daemon.start(config, clock, freePort(), options.withServerPort(upstream.port()), log);
    }

    private static SystemVariables await(Daemon daemon, Predicate<SystemVariables> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(AWAIT_MILLIS);
        SystemVariables served = daemon.systemVariables();
        while (!done.test(served) && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
            served = daemon.systemVariables();
        }
        assertThat(served).matches(done, "reached in " + AWAIT_MILLIS + " ms");
        return served;
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private static NtpConfig config(String text) {
        return switch (ConfigParser.parse(text, "test.conf")) {
            case ConfigResult.Valid valid -> valid.config();
            case ConfigResult.Invalid invalid -> throw new AssertionError(invalid.errors().toString());
        };
    }

    private static int freePort() throws Exception {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return ((InetSocketAddress) probe.getLocalAddress()).getPort();
        }
    }
}
