package org.jntp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jntp.daemon.DaemonExit;
import org.jntp.daemon.EventLog;
import org.junit.jupiter.api.Test;

class ThreadFailuresTest {
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logged, true, StandardCharsets.UTF_8),
            System::currentTimeMillis, ZoneOffset.UTC, 1, 0);
    private final List<DaemonExit> exits = new ArrayList<>();

    @Test
    void stopsTheDaemonWithTheReasonInOneLogLineWhenAThreadFailsUnforeseen() throws Exception {
        Thread thread = Thread.ofPlatform().name("ntpd-resolver").unstarted(() -> {
            throw new IllegalStateException("no such state");
        });
        thread.setUncaughtExceptionHandler(new ThreadFailures(log, exits::add));

        thread.start();
        thread.join();

        String reason = "internal error in thread ntpd-resolver: java.lang.IllegalStateException: no such state";
        assertThat(exits).containsExactly(new DaemonExit.Failed(reason));
        assertThat(exits.getFirst().status()).isEqualTo(1);
        assertThat(logged.toString(StandardCharsets.UTF_8).lines()).singleElement().asString().endsWith(reason);
    }
}
