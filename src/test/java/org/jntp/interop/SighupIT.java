package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jntp.cli.InheritedSignals;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SIGHUP to bin/ntpd: the log file reopened, as logrotate needs, and every host name looked up again. */
@InteropTest
class SighupIT {
    private static final String ADDRESS = "127.0.0.1";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    @AutoClose
    private static PeerDaemons peers;

    @BeforeAll
    static void createNamespace() throws IOException {
        assumeFalse(InheritedSignals.hangUpIgnored(), "started with SIGHUP ignored (nohup): ntpd would inherit it");
        peers = PeerDaemons.inNewNamespace("sighup");
    }

    private static String read(Path path) {
        try {
            return Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void reopensTheLogFileAndLooksTheHostNamesUpAgainWithoutStopping() throws Exception {
        try (Daemon daemon = peers.jntpWithEnvironment(ADDRESS, Map.of("JNTP_SOURCES", "server nosuch.invalid"))) {
            Path log = daemon.dir().resolve("log");
            Path rotated = daemon.dir().resolve("log.1");
            assertThat(Await.until(WAIT, POLL, () -> read(log), text -> text.contains("cannot resolve")))
                    .as(daemon::logTail).contains("server nosuch.invalid: cannot resolve");
            Files.move(log, rotated);

            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(daemon.pid())).start();
            assertThat(kill.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            String reopened = Await.until(WAIT, POLL, () -> read(log), text -> text.contains("cannot resolve"));

            assertThat(read(rotated)).contains("Saw SIGHUP");
            assertThat(reopened).as(daemon::logTail).contains("logfile " + log + " reopened")
                    .contains("looking up 1 host name(s) again").contains("server nosuch.invalid: cannot resolve");
            assertThat(ProcessHandle.of(daemon.pid()).map(ProcessHandle::isAlive)).contains(true);
        }
    }
}
