package org.jntp.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jntp.clock.LinuxAdjtimex;
import org.jntp.clock.Timex;
import org.jntp.clock.TimexRequest;
import org.jntp.kernel.guest.ClockWriteSmoke;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test bed itself, through scripts/kernel/run-guest: one guest runs the smoke scenario
 * (guest.ClockWriteSmoke), which writes the guest's kernel clock with jntp's own FFM code, while
 * this machine's clock is read, never written, before and after.
 */
@KernelTest
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KernelTestBedIT {
    private static final Path RUN_GUEST = TestBed.RUN_GUEST;
    /** run-guest's own bound on the guest; the command around it gets a little more. */
    private static final int GUEST_TIMEOUT_S = 75;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(GUEST_TIMEOUT_S + 10);
    /** Host clock drift between the two readings that is no jump: a 500 ppm slew over the run. */
    private static final long HOST_JUMP_TOLERANCE_NANOS = 100_000_000;
    private static final int THIRD_GUEST_REFUSED = 75;
    private static final int NO_SCENARIO_RUN = 125;

    private static Timex hostBefore;
    private static Timex hostAfter;
    private static long hostRealtimeMinusMonotonicBeforeNanos;
    private static long hostRealtimeMinusMonotonicAfterNanos;
    private static BoundedCommand.Outcome smoke;
    /** Why no guest can run here, if none can. */
    private static Optional<String> unavailable;

    @BeforeAll
    static void runTheSmokeScenarioInAGuest() {
        unavailable = TestBed.whyNoGuest();
        if (unavailable.isPresent()) {
            return;
        }
        LinuxAdjtimex host = LinuxAdjtimex.open();
        hostBefore = host.adjust(TimexRequest.READ);
        hostRealtimeMinusMonotonicBeforeNanos = TestBed.realtimeMinusMonotonicNanos();
        smoke = TestBed.runInGuest(GUEST_TIMEOUT_S, false, 0, ClockWriteSmoke.class.getName(), List.of());
        hostRealtimeMinusMonotonicAfterNanos = TestBed.realtimeMinusMonotonicNanos();
        hostAfter = host.adjust(TimexRequest.READ);
    }

    @BeforeEach
    void skipWithoutAGuest() {
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "kernel test bed skipped: " + unavailable.get());
    }

    @Test
    void scenarioRunsToItsEndMarkerAndExitsZero() {
        assertThat(smoke.exitCode()).as(smoke::describe).isZero();
        assertThat(smoke.output()).as(smoke::describe)
                .contains("smoke: all checks ok")
                .contains("=== jntp-testbed: exit 0 ===");
    }

    @Test
    void guestKernelReadsBackTheFrequencySet() {
        assertThat(smoke.output()).as(smoke::describe)
                .contains("smoke: frequency ok: set 12.500000 ppm, the kernel reads 12.500000 ppm");
    }

    @Test
    void guestKernelSlewsTheOffsetAtAdjtimesRate() {
        assertThat(smoke.output()).as(smoke::describe).contains("smoke: slew ok: asked 100000 us");
    }

    @Test
    void guestClockStepsByFiveSeconds() {
        assertThat(smoke.output()).as(smoke::describe).contains("smoke: step ok: stepped 5.000 s");
    }

    @Test
    void hostClockStateIsIdenticalAfterTheGuestWroteItsOwn() {
        assertThat(TestBed.discipline(hostAfter)).isEqualTo(TestBed.discipline(hostBefore));
    }

    @Test
    void hostTimeDidNotJumpWhileTheGuestStepped() {
        long jumpNanos = hostRealtimeMinusMonotonicAfterNanos - hostRealtimeMinusMonotonicBeforeNanos;
        assertThat(Math.abs(jumpNanos)).as("host realtime moved %d ns against its monotonic clock", jumpNanos)
                .isLessThan(HOST_JUMP_TOLERANCE_NANOS);
    }

    @Test
    void guestWithoutTheMarkerRunsNoScenario() {
        BoundedCommand.Outcome refused = BoundedCommand.run(RUN_TIMEOUT, Map.of(), List.of(RUN_GUEST.toString(),
                "--timeout", String.valueOf(GUEST_TIMEOUT_S), "--without-marker", "--", "echo", "scenario ran"));

        assertThat(refused.exitCode()).as(refused::describe).isEqualTo(NO_SCENARIO_RUN);
        assertThat(refused.output()).as(refused::describe)
                .contains("testbed-guard: refusing to run anything: the kernel command line lacks "
                        + LinuxAdjtimex.WRITE_MARKER)
                .contains("=== jntp-testbed: refused ===")
                .doesNotContain("scenario ran");
    }

    @Test
    void refusesAThirdGuestWhileTwoRun(@TempDir Path run) throws Exception {
        Path slot0 = Files.createFile(run.resolve("slot.0"));
        Path slot1 = Files.createFile(run.resolve("slot.1"));
        BoundedCommand.Outcome third = BoundedCommand.run(Duration.ofSeconds(20), Map.of("KERNEL_RUN", run.toString()),
                List.of("flock", slot0.toString(), "flock", slot1.toString(), RUN_GUEST.toString(), "--", "true"));

        assertThat(third.exitCode()).as(third::describe).isEqualTo(THIRD_GUEST_REFUSED);
        assertThat(third.output()).contains("2 guests already run on this machine");
    }
}
