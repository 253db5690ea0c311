package org.jntp.interop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** chronyc talking to one chronyd over its command socket, inside that daemon's namespace. */
final class Chronyc {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

    private final Netns netns;
    private final Daemon chronyd;

    Chronyc(Netns netns, Daemon chronyd) {
        this.netns = netns;
        this.chronyd = chronyd;
    }

    List<ChronySource> sources() {
        return Arrays.stream(csv("sources").split("\n"))
                .filter(line -> !line.isBlank())
                .map(ChronySource::parseCsv)
                .toList();
    }

    /**
     * The sources once one of them is selected and answered its last eight polls, or as they are
     * when timeout has passed.
     */
    List<ChronySource> awaitSelection(Duration timeout) {
        return Await.until(timeout, PROBE_INTERVAL, this::sources,
                sources -> sources.stream().anyMatch(s -> s.selected() && s.fullyReachable()));
    }

    ChronyTracking tracking() {
        return ChronyTracking.parseCsv(csv("tracking"));
    }

    /** The last valid reply from its only source. */
    ChronyNtpData ntpdata() {
        return ChronyNtpData.parse(run("ntpdata"));
    }

    /** What it counted of the requests it served. */
    ChronyServerStats serverstats() {
        return ChronyServerStats.parse(run("serverstats"));
    }

    /** {@code authdata} of its sources, one line each, as {@code -c} writes them (mode 2nd, cookies 9th). */
    List<String> authdata() {
        return csv("authdata").lines().filter(line -> !line.isBlank()).toList();
    }

    private String csv(String command) {
        return run("-c", command);
    }

    private String run(String... command) {
        String socket = chronyd.dir().resolve("run/chronyd.sock").toString();
        List<String> args = new ArrayList<>(List.of("chronyc", "-h", socket));
        args.addAll(List.of(command));
        CommandResult result = netns.run(TIMEOUT, args.toArray(String[]::new));
        if (!result.succeeded()) {
            throw new IllegalStateException(result.describe() + chronyd.logTail());
        }
        return result.stdout();
    }
}
