package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.jntp.clock.ClockException;
import org.jntp.clock.KernelClock;
import org.junit.jupiter.api.Test;

class GuardedClockTest {
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
            () -> 0, ZoneOffset.UTC, 1, 0);

    /** A kernel clock whose every adjustment is refused, as under setpriv --bounding-set -sys_time. */
    private static KernelClock refusingClock() {
        return new KernelClock(request -> {
            throw new ClockException("clock_adjtime(clock 0, modes 0x1) failed: Operation not permitted (errno 1)");
        }, -20);
    }

    @Test
    void saysOnceWhyTheClockCannotBeAdjusted() {
        GuardedClock clock = new GuardedClock(refusingClock(), log);

        clock.slew(0.001);
        clock.setFrequency(12);
        clock.step(1);
        clock.setSynchronized(0.01, 0.001);

        String logged = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(logged.lines()).hasSize(1);
        assertThat(logged).contains("cannot adjust the clock").contains("Operation not permitted")
                .contains("without steering").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(clock.refusal()).hasValueSatisfying(reason -> assertThat(reason).contains("errno 1"));
    }
}
