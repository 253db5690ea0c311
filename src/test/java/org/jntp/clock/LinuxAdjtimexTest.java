package org.jntp.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class LinuxAdjtimexTest {

    private static final String CMDLINE_WITHOUT_MARKER = "console=ttyS0 quiet panic=1";

    @Test
    void refusesEveryWriteWithoutTheMarker() {
        LinuxAdjtimex adjtimex = new LinuxAdjtimex(CMDLINE_WITHOUT_MARKER, LinuxAdjtimex.CLOCK_REALTIME);
        List<TimexRequest> writes = List.of(
                TimexRequest.singleShotOffset(1),
                TimexRequest.rate(10_000, 0),
                TimexRequest.setOffset(0, 1),
                TimexRequest.status(Timex.STA_UNSYNC),
                TimexRequest.errors(0, 1, 1),
                TimexRequest.timeConstant(4));

        for (TimexRequest write : writes) {
            assertThatThrownBy(() -> adjtimex.adjust(write))
                    .isInstanceOf(ClockWritesRefusedException.class)
                    .hasMessageContaining(LinuxAdjtimex.WRITE_MARKER);
        }
    }

    @Test
    void allowsWritesWhenTheMarkerIsOneOfTheWords() {
        assertThat(LinuxAdjtimex.allowsWrites("console=ttyS0 jntp.clock-writes=allowed quiet\n")).isTrue();
    }

    @Test
    void ignoresTheMarkerInsideAnotherWord() {
        assertThat(LinuxAdjtimex.allowsWrites("xjntp.clock-writes=allowed jntp.clock-writes=allowedx")).isFalse();
    }

    @Test
    void ignoresAnEmptyCommandLine() {
        assertThat(LinuxAdjtimex.allowsWrites("")).isFalse();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsPlausibleStateFromTheKernelWithoutWriting() {
        // without the marker no write could get through, whatever this test did
        Timex timex = new LinuxAdjtimex(CMDLINE_WITHOUT_MARKER, LinuxAdjtimex.CLOCK_REALTIME).adjust(TimexRequest.READ);

        assertThat(timex.tick()).as("tick, µs per clock interrupt at USER_HZ 100").isBetween(9_000L, 11_000L);
        assertThat(timex.status() & ~0xffff).as("status bits outside STA_*").isZero();
        assertThat(Math.abs(timex.freq())).as("freq within the kernel's ±500 ppm").isLessThanOrEqualTo(500L << 16);
        assertThat(timex.maxerror()).isBetween(0L, 16_000_000L);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void reportsAKernelErrorWithItsErrno() {
        int noSuchClock = 4095;
        LinuxAdjtimex adjtimex = new LinuxAdjtimex(CMDLINE_WITHOUT_MARKER, noSuchClock);

        assertThatThrownBy(() -> adjtimex.adjust(TimexRequest.READ))
                .isInstanceOf(ClockException.class)
                .hasMessage("clock_adjtime(clock 4095, modes 0x0) failed: Invalid argument (errno 22)");
    }
}
