package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.DoubleBinaryOperator;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jntp.server.access.MruSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 8's flood: our daemon, a client of a chronyd server polling every 8 s, with
 * {@code restrict default limited kod}, {@code discard average 3} and a small {@code mru maxmem},
 * takes for {@code jntp.flood.seconds} (60 by default) three generators at once, each from
 * addresses of its own: 16 clients flooding at 20 000 requests/s in all, from addresses that
 * are in the client table before the rest starts; a closed loop from 1 024 addresses, many more
 * than the table holds, asking as fast as the daemon answers; and 20 000 invalid datagrams/s from
 * 64 more. Throughout, ntpq reads its variables every 2 s and /proc its memory every second;
 * jcmd reads its heap before, halfway and after.
 *
 * <p>Beyond a full table, clients go unmonitored and unlimited, as in ntpd: the table's bound is
 * what keeps memory bounded, and the rate limits hold for the clients it holds.
 */
@InteropTest
@ResourceLock(value = InteropTest.CPUS, mode = ResourceAccessMode.READ_WRITE)
class FloodIT {
    private static final String OURS = "127.0.0.1";
    private static final String UPSTREAM = "127.0.0.2";
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("jntp.flood.seconds", 60));
    private static final int HEAP_CAP_MB = 32;
    /** Measured 55-62 MB under this flood (the heap, the JIT's code, metaspace, thread stacks); a leak would pass it. */
    private static final int RSS_CAP_MB = 96;
    private static final int MRU_MAXMEM_KB = 16;
    private static final int POLL_LOG2 = 3;
    private static final int POLL_SECONDS = 1 << POLL_LOG2;
    /** ntpd's {@code discard average} 3: one answer per client every 8 s at most. */
    private static final int AVERAGE_HEADWAY_SECONDS = 8;
    /** ntpd's poll_update(): each interval stretched by up to 255/4096 of itself... */
    private static final double POLL_JITTER_SECONDS = POLL_SECONDS * 255 / 4096.0;
    /** ...and NTP_MINPKT added while the headway the start-up volley left drains (the first minute or so). */
    private static final double MIN_PACKET_SECONDS = 2;
    /** How late a machine flooded on both cores may deliver a timer or a packet. */
    private static final double LATENESS_SECONDS = 0.5;
    private static final int LIMITED_CLIENTS = 16;
    private static final String LIMITED_FIRST = "127.1.0.1";
    private static final int MANY_CLIENTS = 1024;
    private static final String MANY_FIRST = "127.2.0.1";
    private static final int INVALID_CLIENTS = 64;
    private static final String INVALID_FIRST = "127.3.0.1";
    private static final int OPEN_LOOP_RATE = 20_000;
    /** Neither NTP's header length nor a whole number of words: never a request, whatever the random bytes say. */
    private static final int INVALID_LENGTH = 203;
    /** The limited clients flood this long alone, so that they are in the table before it fills. */
    private static final Duration LEAD = Duration.ofSeconds(2);
    /** Past the start-up volley (packets 2, 4 and 8 s apart, then a burst at 16 s): then every poll is 8 or 10 s. */
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Duration SYNC_LIMIT = Duration.ofSeconds(60);
    private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(1);
    private static final int SAMPLES_PER_QUERY = 2;
    /** ntpq asks every 2 s or so; a busy machine may stretch that, but not past this on average. */
    private static final Duration QUERY_GAP_LIMIT = Duration.ofSeconds(10);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(20);
    /**
     * How long the latest poll may be on its way there and back: a table read meanwhile shows its
     * reach bit clear. A reply lost keeps the bit clear, shifted up, until eight polls have passed.
     */
    private static final Duration REPLY_IN_FLIGHT = Duration.ofSeconds(2);
    private static final double TOLERANCE_MILLIS = 1.0;
    /** The depths show maxmem, converted as ntpd converts it. */
    private static final String VARIABLES = "rv 0 offset,sys_jitter,mru_depth,mru_maxdepth,ss_received,ss_badformat,"
            + "ss_limited,ss_kodsent,ss_processed";
    private static final Pattern MRULIST_ROW = Pattern.compile("(?m)^ *\\d+ +\\S+ .* \\d+\\.\\d+\\.\\d+\\.\\d+$");

    private static PeerDaemons peers;
    private static Path statsDir;
    private static Daemon ours;
    private static Observed observed;

    /** Resident memory now and at its peak, from /proc. */
    private record Memory(long rssKb, long peakRssKb) {}

    /** What ntpq read of the system variables, so many seconds into the flood. */
    private record Query(double atSeconds, CommandResult variables) {
        NtpqVariables parsed() {
            return NtpqVariables.parse(variables.stdout());
        }
    }

    private record Observed(HeapInfo heapBefore, HeapInfo heapHalfway, HeapInfo heapAfter, List<Memory> memory,
            List<Query> queries, Memory memoryAfter, NtpqVariables variablesAfter, CommandResult mrulist,
            PeersTable.Row source, List<Double> pollTimes, NtploadResult limited, NtploadResult many,
            NtploadResult invalid) {
        long mrulistRows() {
            return MRULIST_ROW.matcher(mrulist.stdout()).results().count();
        }
    }

    @BeforeAll
    static void floodOurDaemonSynchronisedToChronyd() throws IOException {
        peers = PeerDaemons.inNewNamespace("flood");
        statsDir = Files.createTempDirectory("jntp-flood-stats");
        peers.chronydServer(UPSTREAM);
        ours = peers.jntpWithEnvironment(OURS, Map.of("JNTP_LOCAL_STRATUM", "", "JNTP_SOURCES", conf(statsDir),
                "JNTP_JAVA_OPTS", "-Xmx" + HEAP_CAP_MB + "m"), "--software-clock", "0,0");
        long listeningNanos = System.nanoTime();
        CommandResult synced = Await.until(SYNC_LIMIT, SAMPLE_INTERVAL, () -> ntpq("-pn"),
                r -> r.succeeded() && r.stdout().contains("\n*"));
        assertThat(synced.stdout()).as(() -> synced.describe() + ours.logTail()).contains("\n*");
        sleep(SETTLE.minusNanos(System.nanoTime() - listeningNanos));

        String ntpload = ntploadBinary();
        Path junk = Files.createTempFile("jntp-flood", ".bin");
        try (ExecutorService generators = Executors.newVirtualThreadPerTaskExecutor()) {
            Files.write(junk, invalidDatagram());
            HeapInfo heapBefore = heap();
            double floodStartUnixSeconds = System.currentTimeMillis() / 1e3;
            CompletableFuture<CommandResult> limited = CompletableFuture.supplyAsync(() -> load(ntpload,
                    DURATION.plus(LEAD), LIMITED_FIRST, LIMITED_CLIENTS, "-r", Integer.toString(OPEN_LOOP_RATE)),
                    generators);
            sleep(LEAD);
            long floodNanos = System.nanoTime();
            CompletableFuture<CommandResult> many = CompletableFuture.supplyAsync(() -> load(ntpload, DURATION,
                    MANY_FIRST, MANY_CLIENTS), generators);
            CompletableFuture<CommandResult> invalid = CompletableFuture.supplyAsync(() -> load(ntpload, DURATION,
                    INVALID_FIRST, INVALID_CLIENTS, "-r", Integer.toString(OPEN_LOOP_RATE), "-f", junk.toString()),
                    generators);
            List<Memory> memory = new ArrayList<>();
            List<Query> queries = new ArrayList<>();
            List<HeapInfo> heapHalfway = new ArrayList<>();
            while (!(many.isDone() && invalid.isDone())) {
                double atSeconds = (System.nanoTime() - floodNanos) / 1e9;
                if (heapHalfway.isEmpty() && atSeconds >= DURATION.toSeconds() / 2.0) {
                    heapHalfway.add(heap());
                }
                if (memory.size() % SAMPLES_PER_QUERY == 0) {
                    queries.add(new Query(atSeconds, ntpq("-c", VARIABLES)));
                }
                memory.add(memory());
                sleep(SAMPLE_INTERVAL);
            }
            double floodEndUnixSeconds = System.currentTimeMillis() / 1e3;
            NtploadResult manyResult = result(many.join());
            NtploadResult invalidResult = result(invalid.join());
            NtploadResult limitedResult = result(limited.join());
            CommandResult after = ntpq("-c", VARIABLES);
            CommandResult table = Await.until(REPLY_IN_FLIGHT, SAMPLE_INTERVAL.dividedBy(4), () -> ntpq("-pn"),
                    FloodIT::latestPollAnswered);
            CommandResult mrulist = ntpq("-n", "-c", "mrulist");
            assertThat(after.succeeded() && table.succeeded() && mrulist.succeeded()).as(() -> after.describe()
                    + table.describe() + mrulist.describe() + ours.logTail()).isTrue();
            observed = new Observed(heapBefore, heapHalfway.getFirst(), heap(), memory, queries, memory(),
                    NtpqVariables.parse(after.stdout()), mrulist,
                    PeersTable.parse(table.stdout()).rows().getFirst(),
                    pollTimes(floodStartUnixSeconds, floodEndUnixSeconds), limitedResult, manyResult, invalidResult);
        } finally {
            Files.deleteIfExists(junk);
        }
        report(observed);
    }

    @AfterAll
    static void stopDaemons() throws IOException {
        if (peers != null) {
            peers.close();
        }
        if (statsDir != null) {
            try (var files = Files.list(statsDir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
                Files.delete(statsDir);
            }
        }
    }

    @Test
    void keepsRunningAndAnsweringNtpqThroughout() {
        assertThat(ProcessHandle.of(ours.pid())).as(ours::logTail).isPresent();
        assertThat(observed.queries())
                .hasSizeGreaterThanOrEqualTo((int) Math.max(2, DURATION.toSeconds() / QUERY_GAP_LIMIT.toSeconds()))
                .allSatisfy(q -> assertThat(q.variables().succeeded()).as(q.variables()::describe).isTrue());
    }

    @Test
    void keepsItsHeapUnderTheCap() {
        assertThat(List.of(observed.heapBefore(), observed.heapHalfway(), observed.heapAfter()))
                .allSatisfy(heap -> assertThat(heap.committedKb()).isLessThanOrEqualTo(HEAP_CAP_MB * 1024L));
    }

    @Test
    void keepsItsResidentMemoryBounded() {
        assertThat(observed.memory()).allSatisfy(m -> assertThat(m.rssKb()).isLessThanOrEqualTo(RSS_CAP_MB * 1024L));
        assertThat(observed.memoryAfter().peakRssKb()).isLessThanOrEqualTo(RSS_CAP_MB * 1024L);
    }

    @Test
    void keepsTheClientTableWithinMaxmemThoughMoreClientsAsk() {
        NtpqVariables after = observed.variablesAfter();

        long maxDepth = MruSettings.entriesIn(MRU_MAXMEM_KB);

        assertThat(after.count("mru_maxdepth")).isEqualTo(maxDepth);
        assertThat(after.count("mru_depth")).as("filled by the flood").isEqualTo(maxDepth);
        assertThat(observed.mrulistRows()).as(observed.mrulist()::describe).isPositive()
                .isLessThanOrEqualTo(maxDepth);
        assertThat(observed.queries()).allSatisfy(q -> assertThat(q.parsed().count("mru_depth"))
                .isLessThanOrEqualTo(maxDepth));
    }

    @Test
    void answersAClientInTheTableAtMostOnceAnAverageHeadwayAndKissesIt() {
        long headways = DURATION.plus(LEAD).toSeconds() / AVERAGE_HEADWAY_SECONDS + 1;
        NtploadResult limited = observed.limited();

        assertThat(limited.answered()).isLessThanOrEqualTo(LIMITED_CLIENTS * headways);
        assertThat(limited.kissOfDeath()).isPositive().isLessThanOrEqualTo(LIMITED_CLIENTS * headways);
    }

    @Test
    void countsTheDroppedAndKissedRequestsAsRateLimited() {
        NtpqVariables after = observed.variablesAfter();
        long kissesReceived = observed.limited().kissOfDeath() + observed.many().kissOfDeath();

        assertThat(after.count("ss_kodsent")).isGreaterThanOrEqualTo(kissesReceived);
        assertThat(after.count("ss_limited")).isGreaterThan(after.count("ss_kodsent"));
    }

    @Test
    void answersNoInvalidDatagramAndCountsThemAsBadFormat() {
        assertThat(observed.invalid().received()).isZero();
        assertThat(observed.variablesAfter().count("ss_badformat")).isPositive();
    }

    @Test
    void staysWithinAMillisecondOfItsServer() {
        assertThat(observed.source().tally()).isEqualTo('*');
        assertThat(observed.queries()).allSatisfy(q -> assertThat(Math.abs(q.parsed().number("offset")))
                .as("offset (ms) %.1f s into the flood", q.atSeconds()).isLessThan(TOLERANCE_MILLIS));
        assertThat(Math.abs(observed.variablesAfter().number("offset"))).as("offset (ms) after the flood")
                .isLessThan(TOLERANCE_MILLIS);
    }

    @Test
    void keepsPollingItsServerEveryEightSecondsAndHearsEveryAnswer() {
        List<Double> times = observed.pollTimes();
        List<Double> intervals = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            intervals.add(times.get(i) - times.get(i - 1));
        }
        int polls = Math.clamp(DURATION.toSeconds() / POLL_SECONDS - 1, 1, 8);
        int lastPolls = (1 << polls) - 1;
        int reach = Integer.parseInt(observed.source().reach(), 8);

        assertThat(times).as("answered polls as chronyd received them").hasSizeGreaterThan(polls);
        assertThat(intervals).as("seconds between answered polls").allMatch(FloodIT::isNtpdsPollInterval);
        assertThat(reach & lastPolls).as("reach %o", reach).isEqualTo(lastPolls);
    }

    private static boolean latestPollAnswered(CommandResult table) {
        if (!table.succeeded()) {
            return false;
        }
        List<PeersTable.Row> rows = PeersTable.parse(table.stdout()).rows();
        return !rows.isEmpty() && (Integer.parseInt(rows.getFirst().reach(), 8) & 1) == 1;
    }

    private static boolean isNtpdsPollInterval(double seconds) {
        double late = seconds - POLL_SECONDS;
        return (late >= -LATENESS_SECONDS && late <= POLL_JITTER_SECONDS + LATENESS_SECONDS)
                || (late >= MIN_PACKET_SECONDS - LATENESS_SECONDS
                        && late <= MIN_PACKET_SECONDS + POLL_JITTER_SECONDS + LATENESS_SECONDS);
    }

    private static String conf(Path statsDir) {
        return String.join("\n",
                "server " + UPSTREAM + " iburst minpoll " + POLL_LOG2 + " maxpoll " + POLL_LOG2,
                "restrict default limited kod",
                "discard average 3",
                "mru maxmem " + MRU_MAXMEM_KB + " mindepth 32",
                "statsdir " + statsDir + "/",
                "statistics rawstats",
                "filegen rawstats file rawstats type none enable");
    }

    /**
     * When chronyd received each poll of ours it answered, by its clock (this machine's), from the
     * first answered before the flood began to the last.
     */
    private static List<Double> pollTimes(double fromUnixSeconds, double toUnixSeconds) throws IOException {
        List<Double> received = Files.readAllLines(statsDir.resolve("rawstats")).stream()
                .map(RawstatsRecord::parse)
                .filter(r -> r.source().equals(UPSTREAM))
                .map(RawstatsRecord::serverReceiveUnixSeconds)
                .toList();
        double from = received.stream().filter(t -> t <= fromUnixSeconds).reduce((a, b) -> b).orElse(fromUnixSeconds);
        return received.stream().filter(t -> t >= from && t <= toUnixSeconds).toList();
    }

    private static CommandResult load(String ntpload, Duration duration, String firstSource, int sources,
            String... options) {
        List<String> command = new ArrayList<>(List.of(ntpload, "-d", OURS, "-t", Long.toString(duration.toSeconds()),
                "-s", firstSource, "-S", Integer.toString(sources), "-n", Integer.toString(sources)));
        command.addAll(List.of(options));
        return peers.netns().run(duration.plus(QUERY_TIMEOUT), command.toArray(String[]::new));
    }

    private static NtploadResult result(CommandResult run) {
        assertThat(run.succeeded()).as(run::describe).isTrue();
        return NtploadResult.parse(run.stdout());
    }

    /** Seeded random bytes, the first octet an NTPv4 client's, of a length no request has. */
    private static byte[] invalidDatagram() {
        byte[] datagram = new byte[INVALID_LENGTH];
        new Random(8).nextBytes(datagram);
        datagram[0] = (byte) 0xe3;
        return datagram;
    }

    /** bench/ntpload, built by bench/lib.sh when missing or older than its source. */
    private static String ntploadBinary() {
        Path home = Path.of(System.getProperty("jntp.home", ".")).toAbsolutePath();
        CommandResult build = Commands.run(QUERY_TIMEOUT, Map.of(), List.of("bash", "-c",
                ". \"$1/bench/lib.sh\" && bench_bin ntpload", "bench_bin", home.toString()));
        assertThat(build.succeeded()).as(build::describe).isTrue();
        return build.stdout().strip();
    }

    private static CommandResult ntpq(String... args) {
        String[] command = new String[args.length + 2];
        command[0] = "ntpq";
        System.arraycopy(args, 0, command, 1, args.length);
        command[command.length - 1] = OURS;
        return peers.netns().run(QUERY_TIMEOUT, command);
    }

    private static HeapInfo heap() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        CommandResult info = Commands.run(QUERY_TIMEOUT, Map.of(),
                List.of(jcmd.toString(), Long.toString(ours.pid()), "GC.heap_info"));
        assertThat(info.succeeded()).as(info::describe).isTrue();
        return HeapInfo.parse(info.stdout());
    }

    private static Memory memory() {
        try {
            Map<String, Long> kb = new HashMap<>();
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(ours.pid()), "status"))) {
                String[] field = line.split(":\\s+");
                if (field[0].equals("VmRSS") || field[0].equals("VmHWM")) {
                    kb.put(field[0], Long.parseLong(field[1].replace(" kB", "")));
                }
            }
            return new Memory(kb.get("VmRSS"), kb.get("VmHWM"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(Observed o) {
        NtpqVariables v = o.variablesAfter();
        long peakRssDuringKb = o.memory().stream().mapToLong(Memory::rssKb).max().orElse(0);
        double worstOffset = o.queries().stream().filter(q -> q.variables().succeeded())
                .mapToDouble(q -> Math.abs(q.parsed().number("offset"))).max().orElse(0);
        System.out.printf(Locale.ROOT, "flood of %d s: limited clients sent %d (%d answered, %d KoDs); many"
                + " clients sent %d (%d answered, %.0f/s; %d KoDs); invalid sent %d (%d came back)%n"
                + "daemon: received %d, bad format %d, rate limited %d, KoDs %d, answered %d; table %d of %d entries"
                + " (%d listed by mrulist); RSS peak %d kB (%d kB at the end, %d kB sampled peak); heap used/committed"
                + " %d/%d kB before, %d/%d halfway, %d/%d after; worst |offset| %.3f ms, after %.3f ms; answered"
                + " polls %d, %.2f-%.2f s apart, reach %s%n",
                DURATION.toSeconds(), o.limited().sent(), o.limited().answered(), o.limited().kissOfDeath(),
                o.many().sent(), o.many().answered(), o.many().answered() / (double) DURATION.toSeconds(),
                o.many().kissOfDeath(), o.invalid().sent(), o.invalid().received(), v.count("ss_received"),
                v.count("ss_badformat"), v.count("ss_limited"), v.count("ss_kodsent"), v.count("ss_processed"),
                v.count("mru_depth"), v.count("mru_maxdepth"), o.mrulistRows(), o.memoryAfter().peakRssKb(), o.memoryAfter().rssKb(), peakRssDuringKb,
                o.heapBefore().usedKb(), o.heapBefore().committedKb(), o.heapHalfway().usedKb(),
                o.heapHalfway().committedKb(), o.heapAfter().usedKb(), o.heapAfter().committedKb(), worstOffset,
                v.number("offset"), o.pollTimes().size(), interval(o.pollTimes(), Math::min),
                interval(o.pollTimes(), Math::max), o.source().reach());
    }

    private static double interval(List<Double> times, DoubleBinaryOperator pick) {
        return IntStream.range(1, times.size()).mapToDouble(i -> times.get(i) - times.get(i - 1))
                .reduce(pick).orElse(0);
    }

    private static void sleep(Duration duration) {
        if (duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
