package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.jntp.clock.ClockException;
import org.jntp.clock.KernelClock;
import org.jntp.clock.SimulatedClock;
import org.jntp.discipline.ClockSetting;
import org.junit.jupiter.api.Test;

/** ntpd -q's and ntpdate's one setting of the clock, through the clock interface. */
class ClockSetterTest {
    private static final long START_NANOS = 1_780_000_000_000_000_000L;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
            () -> 0, ZoneOffset.UTC, 1, 0);
    private final SimulatedClock clock = SimulatedClock.perfect(START_NANOS);

    private double clockAheadSeconds() {
        return (clock.nowNanos() - clock.trueNanos()) / 1e9;
    }

    @Test
    void stepsTheClockByTheWholeOffset() {
        ClockSetting step = new ClockSetting(ClockSetting.Kind.STEP, -2.5);

        ClockSetter.Outcome outcome = ClockSetter.make(clock, step, log);

        assertThat(outcome).isEqualTo(new ClockSetter.Outcome.Made(step));
        assertThat(clockAheadSeconds()).isCloseTo(-2.5, within(1e-9));
    }

    @Test
    void slewsTheClockWithoutAJump() {
        ClockSetting slew = new ClockSetting(ClockSetting.Kind.SLEW, 0.01);

        ClockSetter.Outcome outcome = ClockSetter.make(clock, slew, log);

        assertThat(outcome).isEqualTo(new ClockSetter.Outcome.Made(slew));
        assertThat(clockAheadSeconds()).isCloseTo(0, within(1e-9));
        clock.advance(60_000_000_000L);
        assertThat(clockAheadSeconds()).isCloseTo(0.01, within(1e-6));
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void saysASlewBeyondWhatOneSlewCoversGoesHalfASecondOnly() {
        ClockSetter.make(clock, new ClockSetting(ClockSetting.Kind.SLEW, -5), log);

        assertThat(logBytes.toString(StandardCharsets.UTF_8))
                .contains("offset -5.000000 s is more than one slew covers (0.5 s): slewing -0.5 s now");
    }

    @Test
    void saysWhyTheSystemRefusedToSetTheClock() {
        KernelClock refusing = new KernelClock(request -> {
            throw new ClockException("clock_adjtime(clock 0, modes 0x100) failed: Operation not permitted (errno 1)");
        }, -20);

        ClockSetter.Outcome outcome = ClockSetter.make(refusing, new ClockSetting(ClockSetting.Kind.STEP, 1), log);

        assertThat(outcome).isInstanceOfSatisfying(ClockSetter.Outcome.Refused.class,
                refused -> assertThat(refused.reason()).contains("Operation not permitted"));
    }
}
