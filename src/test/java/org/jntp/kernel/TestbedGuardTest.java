package org.jntp.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jntp.clock.LinuxAdjtimex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard every clock-writing program in a test-bed guest runs through, tried on this machine. */
class TestbedGuardTest {
    private static final Path GUARD = Path.of(System.getProperty("jntp.home", "."), "scripts/kernel/guest/testbed-guard");
    private static final int REFUSED = 126;

    @Test
    void refusesToRunAnythingOnAMachineWithoutTheMarker(@TempDir Path dir) {
        Path ran = dir.resolve("ran");
        BoundedCommand.Outcome outcome = BoundedCommand.run(Duration.ofSeconds(10), Map.of(),
                List.of("/bin/sh", GUARD.toString(), "touch", ran.toString()));

        assertThat(outcome.exitCode()).as(outcome::describe).isEqualTo(REFUSED);
        assertThat(ran).doesNotExist();
    }

    @Test
    void namesTheMarkerThatJntpsClockWritesNeed() {
        BoundedCommand.Outcome outcome = BoundedCommand.run(Duration.ofSeconds(10), Map.of(),
                List.of("/bin/sh", GUARD.toString(), "true"));

        assertThat(outcome.output()).contains("lacks " + LinuxAdjtimex.WRITE_MARKER);
    }
}
