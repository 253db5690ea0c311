package org.jntp.kernel.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jntp.clock.KernelClock;
import org.jntp.clock.LinuxAdjtimex;
import org.jntp.clock.LinuxClockGettime;
import org.jntp.clock.Timex;
import org.jntp.clock.TimexRequest;
import org.jntp.leap.Leap;
import org.jntp.leap.LeapFileResult;
import org.jntp.leap.LeapSecondsFile;
import org.jntp.sim.PollIntervals;
import org.jntp.sim.Preset;
import org.jntp.sim.Report;
import org.jntp.sim.Scenario;
import org.jntp.sim.Seeds;
import org.jntp.sim.SeedResult;
import org.jntp.sim.Summary;

/**
 * Runs inside a test-bed guest only (through {@code testbed-guard}): one scenario of SCENARIOS.md on
 * the guest's real kernel. It builds true time on the raw oscillator with the scenario's offset and
 * frequency error ({@link Truth}), starts the scenario's servers on 127.0.0.2 and up
 * ({@link TruthServer}), runs jntp's {@code ntpd} (or chronyd, {@link ScenarioDaemon}) on the kernel
 * clock against them for the given guest seconds (or until it exits by itself), samples the clock's
 * true offset every second ({@link OffsetProbe}) and prints {@code scenario:} lines, the exact
 * {@link ResultLine}, then {@code ntpsim}'s seed and {@code summary} lines.
 *
 * <pre>
 * KernelScenario --preset lan-1 --seed 1 --seconds 1200 [--offset 0.1] [--daemon jntp|chronyd]
 *     [--restart-at S] [--conf LINE]... [--stop mid-slew] [--leapfile PATH] [-- DAEMON_FLAG...]
 * </pre>
 * The offset defaults to the preset's (SCENARIOS.md: 0.1 s). {@code --restart-at S} stops the
 * daemon at guest second S and starts it again with the same configuration (its drift file, say).
 * {@code --leapfile PATH} gives the daemon that leap-seconds.list, and true time its next leap after
 * the guest clock's start: the servers announce it through its last day, true time takes it, and a
 * {@link LeapWatch} records the kernel's leap state, printed in {@code scenario: leap} lines.
 */
public final class KernelScenario {

    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final long STOP_WAIT_SECONDS = 20;
    private static final int FIRST_SERVER_HOST = 2;
    private static final int EXIT_USAGE = 2;
    private static final int WARM_UP_ROUNDS = 200;
    private static final long NOMINAL_TICK_MICROS = 10_000;

    /**
     * What to run.
     *
     * @param preset      SCENARIOS.md's preset: servers, falsetickers, network, polling, wander
     * @param seed        fixes the frequency error, the network's draws and the wander
     * @param seconds     guest seconds the daemon runs, at most
     * @param offsetSeconds the system clock's offset against true time at the start
     * @param daemon      the daemon that disciplines the clock
     * @param restartAtSeconds the guest second at which the daemon is stopped and started again, if any
     * @param confLines   lines added to the daemon's configuration after the server lines
     * @param daemonFlags flags added to the daemon's command line
     * @param stopMidSlew stop the daemon at the first second its slew has the kernel's tick off nominal
     * @param leapFile    the daemon's leap-seconds.list, whose next leap true time takes, if any
     */
    record Options(Preset preset, long seed, long seconds, double offsetSeconds, ScenarioDaemon daemon,
            OptionalLong restartAtSeconds, List<String> confLines, List<String> daemonFlags, boolean stopMidSlew,
            Optional<Path> leapFile) {

        static Optional<Options> parse(String[] args) {
            Optional<Preset> preset = Optional.empty();
            Optional<ScenarioDaemon> daemon = Optional.of(ScenarioDaemon.JNTP);
            long seed = 1;
            long seconds = 0;
            OptionalDouble offset = OptionalDouble.empty();
            OptionalLong restartAt = OptionalLong.empty();
            List<String> conf = new ArrayList<>();
            boolean stopMidSlew = false;
            Optional<Path> leapFile = Optional.empty();
            int i = 0;
            for (; i + 1 < args.length && !args[i].equals("--"); i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--preset" -> preset = Preset.named(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--seconds" -> seconds = Long.parseLong(value);
                    case "--offset" -> offset = OptionalDouble.of(Double.parseDouble(value));
                    case "--daemon" -> daemon = ScenarioDaemon.named(value);
                    case "--restart-at" -> restartAt = OptionalLong.of(Long.parseLong(value));
                    case "--conf" -> conf.add(value);
                    case "--leapfile" -> leapFile = Optional.of(Path.of(value));
                    case "--stop" -> {
                        if (!value.equals("mid-slew")) {
                            return Optional.empty();
                        }
                        stopMidSlew = true;
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            List<String> flags = i < args.length && args[i].equals("--")
                    ? List.of(args).subList(i + 1, args.length) : List.of();
            if (preset.isEmpty() || daemon.isEmpty() || seconds < 1 || (i < args.length && !args[i].equals("--"))) {
                return Optional.empty();
            }
            return Optional.of(new Options(preset.get(), seed, seconds,
                    offset.orElse(preset.get().scenario().offsetSeconds()), daemon.get(), restartAt,
                    List.copyOf(conf), flags, stopMidSlew, leapFile));
        }

        /** The preset's model with this run's start offset, length and seed. */
        Scenario scenario() {
            Scenario p = preset.scenario();
            return new Scenario(p.servers(), p.falsetickers(), p.falsetickerOffsetSeconds(), p.upDelay(),
                    p.downDelay(), p.lossProbability(), offsetSeconds, p.freqPpm(), p.wanderPerSqrtSecond(),
                    p.minpoll(), p.maxpoll(), p.warm(), seconds, new Seeds(seed, seed));
        }
    }

    private KernelScenario() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Optional<Options> parsed = Options.parse(args);
        if (parsed.isEmpty()) {
            System.out.println("usage: KernelScenario --preset NAME --seed N --seconds S [--offset SECONDS]"
                    + " [--daemon jntp|chronyd] [--restart-at S] [--conf LINE]... [--stop mid-slew]"
                    + " [--leapfile PATH] [-- DAEMON_FLAG...]");
            System.exit(EXIT_USAGE);
        }
        run(parsed.get());
        System.exit(0);
    }

    private static void run(Options options) throws IOException, InterruptedException {
        Scenario scenario = options.scenario();
        SplittableRandom seeded = new SplittableRandom(options.seed());
        double errorPpm = (2 * seeded.nextDouble() - 1) * scenario.freqPpm();
        // only read: the scenario leaves every write of the guest's clock to the daemon (precision unused)
        KernelClock clock = new KernelClock(LinuxAdjtimex.open(), 0);
        System.out.println("scenario: kernel before " + discipline(clock.readTimex(), adjtimeLeftMicros()));
        System.out.printf(Locale.ROOT, "scenario: start daemon=%s preset=%s seed=%d seconds=%d offset_s=%+.6f"
                        + " freq_error_ppm=%+.3f servers=%d falsetickers=%d%n", options.daemon().daemonName(),
                options.preset().presetName(), options.seed(), options.seconds(), options.offsetSeconds(), errorPpm,
                scenario.servers(), scenario.falsetickers());
        List<String> confLines = new ArrayList<>(options.confLines());
        Optional<Leap> leap = Optional.empty();
        if (options.leapFile().isPresent()) {
            Path file = options.leapFile().get();
            leap = nextLeap(file);
            confLines.add("leapfile " + file);
            System.out.println("scenario: leap " + leap.map(next -> "kind=" + next.kind() + " transition="
                    + Instant.ofEpochSecond(0, next.transitionNanos())).orElse("none") + " file=" + file);
        }
        Truth truth = Truth.startingNow(options.offsetSeconds(), errorPpm, leap);
        Optional<LeapWatch> leapWatch = leap.map(next -> LeapWatch.start(truth, clock));
        List<TruthServer> servers = new ArrayList<>();
        List<String> serverLines = new ArrayList<>();
        for (int i = 0; i < scenario.servers(); i++) {
            String host = "127.0.0." + (FIRST_SERVER_HOST + i);
            double serverOffset = scenario.isFalseticker(i) ? scenario.falsetickerOffsetSeconds() : 0;
            servers.add(TruthServer.start(host, truth, serverOffset, scenario.upDelay(), scenario.downDelay(),
                    scenario.lossProbability(), options.seed() * 1000 + i));
            serverLines.add("server " + host + " iburst minpoll " + scenario.minpoll() + " maxpoll " + scenario.maxpoll());
        }
        for (TruthServer server : servers) {
            server.warmUp(WARM_UP_ROUNDS);
        }

        OffsetProbe probe = new OffsetProbe(truth, clock, scenario, options.seed());
        Process daemon = options.daemon().start(serverLines, confLines, options.daemonFlags());
        long startRawNanos = LinuxClockGettime.monotonicRawNanos();
        long second = 0;
        boolean exited = false;
        while (second <= options.seconds() && !exited) {
            probe.sample(second);
            if (options.restartAtSeconds().equals(OptionalLong.of(second))) {
                System.out.printf("scenario: daemon restarted at_s=%d status=%s%n", second, stop(daemon));
                probe.restarted();
                daemon = options.daemon().start(serverLines, confLines, options.daemonFlags());
            }
            second++;
            if (options.stopMidSlew() && clock.readTimex().tick() != NOMINAL_TICK_MICROS) {
                System.out.println("scenario: stopping the daemon mid-slew, kernel "
                        + discipline(clock.readTimex(), adjtimeLeftMicros()));
                break;
            }
            long waitNanos = startRawNanos + second * SECOND_NANOS - LinuxClockGettime.monotonicRawNanos();
            exited = daemon.waitFor(Math.max(waitNanos, 0), TimeUnit.NANOSECONDS);
        }
        if (exited) {
            probe.sample(second);
            System.out.printf("scenario: daemon exited by itself status=%d after_s=%d%n", daemon.exitValue(), second);
        } else {
            System.out.printf("scenario: daemon stopped status=%s after_s=%d%n", stop(daemon), second - 1);
        }
        for (TruthServer server : servers) {
            server.close();
            System.out.println("scenario: server " + server.describeLateness());
        }
        System.out.println("scenario: kernel after " + discipline(clock.readTimex(), adjtimeLeftMicros()));
        if (leapWatch.isPresent()) {
            leapWatch.get().close();
            for (LeapWatch.Change change : leapWatch.get().changes()) {
                System.out.println("scenario: leap change " + change.describe());
            }
            System.out.println("scenario: leap watch " + leapWatch.get().describe());
        }
        System.out.println("scenario: probe " + probe.describe());
        PollIntervals polls = PollIntervals.NONE;
        long requests = 0;
        long replies = 0;
        for (TruthServer server : servers) {
            polls = polls.plus(server.polls());
            requests += server.requests();
            replies += server.replies();
        }
        SeedResult result = probe.result(options.seed(), polls, requests, replies);
        System.out.println(new ResultLine(options.daemon().daemonName(), options.preset().presetName(), result).format());
        System.out.println(Report.seedLine(result));
        System.out.println(Report.summaryLine(options.preset().presetName(), Summary.of(List.of(result))));
    }

    /**
     * The first leap of the leap-seconds.list {@code file} after the guest clock's now; the
     * scenario ends with a usage error on a file the daemon would refuse.
     */
    private static Optional<Leap> nextLeap(Path file) throws IOException {
        return switch (LeapSecondsFile.parse(Files.readString(file, StandardCharsets.US_ASCII))) {
            case LeapFileResult.Loaded loaded -> loaded.table().nextLeapAfter(LinuxClockGettime.realtimeNanos());
            case LeapFileResult.Rejected rejected -> {
                System.out.println("scenario: " + rejected.logMessage(file.toString()));
                System.exit(EXIT_USAGE);
                yield Optional.empty();
            }
        };
    }

    /** Stops the daemon as a service manager would (SIGTERM) and says how it ended. */
    private static String stop(Process daemon) throws InterruptedException {
        daemon.destroy();
        return daemon.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS) ? String.valueOf(daemon.exitValue())
                : "still-running";
    }

    /**
     * The kernel discipline's state that only a write changes (maxerror grows by itself), and what an
     * adjtime() slew has still to go: where a daemon stopped mid-slew leaves the rest of it.
     */
    private static String discipline(Timex timex, long adjtimeLeftMicros) {
        return "freq=%d status=0x%x offset=%d constant=%d tick=%d adjtime_left_us=%d".formatted(
                timex.freq(), timex.status(), timex.offset(), timex.constant(), timex.tick(), adjtimeLeftMicros);
    }

    /** ADJ_OFFSET_SS_READ: a mode the kernel counts as a write, though it changes nothing. */
    private static long adjtimeLeftMicros() {
        return LinuxAdjtimex.open().adjust(TimexRequest.SINGLE_SHOT_REMAINING).offset();
    }
}
