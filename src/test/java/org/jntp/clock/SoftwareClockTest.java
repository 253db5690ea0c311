package org.jntp.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class SoftwareClockTest extends AdjustableClockContract {

    private static final long SECOND = 1_000_000_000L;

    private SimulatedClock base;

    @Override
    Clock newClockOnTrueTime() {
        base = SimulatedClock.perfect(START_NANOS);
        return new SoftwareClock.Spec(0, 0).over(base);
    }

    @Override
    void elapse(double seconds) {
        base.advance(Math.round(seconds * 1e9));
    }

    @Override
    long trueNanos() {
        return base.trueNanos();
    }

    @Test
    void parsesOffsetAndFrequencyError() {
        assertThat(SoftwareClock.parse("0.25,50")).isEqualTo(new SoftwareClock.Spec(0.25, 50));
    }

    @Test
    void parsesSignsExponentsAndSpaces() {
        assertThat(SoftwareClock.parse(" -1.5 , +2e1 ")).isEqualTo(new SoftwareClock.Spec(-1.5, 20));
    }

    @Test
    void rejectsAMissingFrequencyError() {
        assertThatThrownBy(() -> SoftwareClock.parse("0.25"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("software clock must be OFFSET_S,FREQ_PPM in decimal (e.g. 0.25,50), got \"0.25\"");
    }

    @Test
    void rejectsWordsWhereNumbersBelong() {
        assertThatThrownBy(() -> SoftwareClock.parse("NaN,fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OFFSET_S,FREQ_PPM");
    }

    @Test
    void rejectsExtraFields() {
        assertThatThrownBy(() -> SoftwareClock.parse("0.25,50,1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OFFSET_S,FREQ_PPM");
    }

    @Test
    void rejectsAFrequencyErrorNoDisciplineCouldCorrect() {
        assertThatThrownBy(() -> SoftwareClock.parse("0,-501"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("software clock frequency error must be within ±500 ppm, got -501");
    }

    @Test
    void startsAheadOfItsBaseByItsOffset() {
        SoftwareClock clock = SoftwareClock.parse("0.25,0").over(base);

        assertThat(clock.nowNanos() - base.nowNanos()).isEqualTo(250_000_000);
    }

    @Test
    void gainsItsFrequencyErrorOverItsBase() {
        SoftwareClock clock = SoftwareClock.parse("0,50").over(base);
        base.advance(10 * SECOND);

        assertThat(clock.nowNanos() - base.nowNanos()).isEqualTo(500_000);
    }

    @Test
    void frequencyCorrectionCancelsTheFrequencyError() {
        SoftwareClock clock = SoftwareClock.parse("0,50").over(base);
        clock.setFrequency(-50);
        base.advance(100 * SECOND);

        // the correction acts on the clock's own, fast, seconds: 50 ppm of 5 ms is left over
        assertThat(clock.nowNanos() - base.nowNanos()).isCloseTo(-250L, within(1L));
    }

    @Test
    void putsASystemClockTimestampOnItsOwnTimescale() {
        SoftwareClock clock = SoftwareClock.parse("0.25,50").over(base);
        long systemNanos = base.nowNanos();
        base.advance(10 * SECOND);

        assertThat(clock.fromSystemNanos(systemNanos)).isEqualTo(systemNanos + 250_000_000);
        assertThat(clock.fromSystemNanos(base.nowNanos())).isEqualTo(clock.nowNanos());
    }

    @Test
    void frequencyPpmIsTheCorrectionNotTheError() {
        SoftwareClock clock = SoftwareClock.parse("0,50").over(base);

        assertThat(clock.frequencyPpm()).isEqualTo(0.0);
    }

    @Test
    void reportsThePrecisionOfItsBase() {
        SoftwareClock clock = SoftwareClock.parse("0,0").over(base);

        assertThat(clock.precisionLog2()).isEqualTo(base.precisionLog2());
    }

    @Test
    void readsWithoutAllocating() {
        SoftwareClock clock = SoftwareClock.parse("0.25,50").over(base);
        clock.slew(0.1);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        // Until the JIT has compiled the read path, the interpreter's own bookkeeping allocates:
        // warm up until a whole window of reads allocates nothing, then measure a fresh window.
        for (int window = 0; window < 200; window++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            sink += read(clock, 20_000);
            if (threads.getCurrentThreadAllocatedBytes() == before) {
                break;
            }
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        sink += read(clock, 100_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sink).isNotZero();
        // One object per read would be 1.6 MB; the JIT's own transitions may still cost a few bytes.
        assertThat(allocated).isLessThan(1024);
    }

    private static long read(Clock clock, int times) {
        long sink = 0;
        for (int i = 0; i < times; i++) {
            sink += clock.nowNanos();
        }
        return sink;
    }
}
