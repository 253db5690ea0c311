package org.jntp.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel clock's own slews, at the daemon's rate, against a fake clock_adjtime, a hand-driven
 * {@code System.nanoTime()} and a timer the test fires: tick and frequency over the plain correction
 * for as long as the slew needs, then the plain correction back.
 */
class KernelClockSlewTest {

    private static final long START_MONO_NANOS = 5_000_000_000L;
    private static final long MILLISECOND_NANOS = 1_000_000L;
    private static final double FAST_PPM = Clock.MAX_SLEW_RATE_PPM;
    /** A tenth of a second at 83 333 ppm of the clock's own time. */
    private static final long TENTH_SLEW_NANOS = 1_200_000_000L;
    private static final TimexRequest PLAIN_ZERO = TimexRequest.rate(10_000, 0);
    /** 1e6/11 ppm over the oscillator: the clock gains 1/12 of its own second. */
    private static final TimexRequest FASTER_OVER_ZERO = TimexRequest.rate(10_909, 595_782);

    private final RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(0);
    private final ManualSlewTimer timer = new ManualSlewTimer();
    private long monoNanos = START_MONO_NANOS;
    private final KernelClock clock = new KernelClock(kernel, -20, () -> monoNanos, timer);

    private KernelClock fastClock(double freqPpm) {
        clock.setMaxSlewRate(FAST_PPM);
        clock.setFrequency(freqPpm);
        return clock;
    }

    private List<TimexRequest> writesAfter(int count) {
        List<TimexRequest> writes = kernel.writes();
        return writes.subList(count, writes.size());
    }

    @Test
    void slewsAtTheRateAskedUpToTheTickLimit() {
        clock.setMaxSlewRate(1e6);

        assertThat(clock.maxSlewRatePpm()).isEqualTo(Clock.MAX_SLEW_RATE_PPM);
    }

    @Test
    void slewRunsTheKernelFasterThanThePlainCorrectionByTickAndFrequency() {
        fastClock(0).slew(0.1);

        assertThat(kernel.writes()).containsExactly(PLAIN_ZERO, FASTER_OVER_ZERO);
    }

    @Test
    void negativeSlewWithAFrequencyCorrectionShortensTheTick() {
        fastClock(-20).slew(-0.05);

        assertThat(kernel.writes()).last().isEqualTo(TimexRequest.rate(9_231, -2_722_265));
    }

    @Test
    void slewIsDueAfterTheOffsetOverTheRateOfTheClocksOwnTime() {
        fastClock(0).slew(0.1);

        assertThat(timer.lastDueMonoNanos() - START_MONO_NANOS).isCloseTo(TENTH_SLEW_NANOS, within(1_000L));
    }

    @Test
    void endOfTheSlewPutsThePlainCorrectionBack() {
        fastClock(0).slew(0.1);
        monoNanos = timer.lastDueMonoNanos();
        timer.fireAll();

        assertThat(writesAfter(2)).containsExactly(PLAIN_ZERO);
    }

    @Test
    void aLateEndHandsTheOvershootToAdjtime() {
        fastClock(0).slew(0.1);
        monoNanos = timer.lastDueMonoNanos() + MILLISECOND_NANOS;
        timer.fireAll();

        assertThat(writesAfter(2)).containsExactly(PLAIN_ZERO, TimexRequest.singleShotOffset(-83));
    }

    @Test
    void theTimerFiringEarlyChangesNothing() {
        fastClock(0).slew(0.1);
        monoNanos += TENTH_SLEW_NANOS / 2;
        timer.fireAll();

        assertThat(writesAfter(2)).isEmpty();
    }

    @Test
    void aNewSlewReplacesTheOneInProgressInOneWrite() {
        fastClock(0).slew(0.1);
        monoNanos += TENTH_SLEW_NANOS / 2;
        clock.slew(-0.1);

        assertThat(writesAfter(2)).containsExactly(TimexRequest.rate(9_231, -1_512_369));
        assertThat(timer.lastDueMonoNanos() - monoNanos).isCloseTo(TENTH_SLEW_NANOS, within(1_000L));
    }

    @Test
    void theReplacedSlewLeavesNothingToAdjtime() {
        fastClock(0).slew(0.1);
        monoNanos += TENTH_SLEW_NANOS / 2;
        clock.slew(0.01);
        monoNanos = timer.lastDueMonoNanos();
        timer.fireAll();

        assertThat(writesAfter(3)).containsExactly(PLAIN_ZERO);
    }

    @Test
    void setFrequencyMidSlewKeepsTheSlewRateOverTheNewCorrection() {
        fastClock(0).slew(0.1);
        monoNanos += TENTH_SLEW_NANOS / 2;
        clock.setFrequency(100);

        assertThat(writesAfter(2)).containsExactly(TimexRequest.rate(10_910, 1_191_564));
        assertThat(timer.lastDueMonoNanos() - START_MONO_NANOS).isCloseTo(TENTH_SLEW_NANOS, within(1_000L));
    }

    @Test
    void theSlewEndsOnTheFrequencySetMeanwhile() {
        fastClock(0).slew(0.1);
        monoNanos += TENTH_SLEW_NANOS / 2;
        clock.setFrequency(100);
        monoNanos = timer.lastDueMonoNanos();
        timer.fireAll();

        assertThat(writesAfter(3)).containsExactly(TimexRequest.rate(10_000, 6_553_600));
    }

    @Test
    void frequencyPpmWhileSlewingIsThePlainCorrection() {
        fastClock(-20).slew(0.1);

        assertThat(clock.frequencyPpm()).isEqualTo(-20.0);
    }

    @Test
    void stepMidSlewEndsTheSlewWhereItGotTo() {
        fastClock(0).slew(0.1);
        monoNanos += TENTH_SLEW_NANOS / 2;
        clock.step(1.0);
        monoNanos += TENTH_SLEW_NANOS;
        timer.fireAll();

        assertThat(writesAfter(2)).containsExactly(PLAIN_ZERO, TimexRequest.setOffset(1, 0));
    }

    @Test
    void closeMidSlewLeavesThePlainCorrectionAndHandsTheRestToAdjtime() {
        fastClock(0).slew(0.1);
        monoNanos += TENTH_SLEW_NANOS / 4;
        clock.close();

        assertThat(writesAfter(2)).containsExactly(PLAIN_ZERO, TimexRequest.singleShotOffset(75_000));
        assertThat(timer.closed()).isTrue();
    }

    @Test
    void aSlewOfNothingEndsTheSlewInProgressAndAnAdjtimeSlewLeftRunning() {
        fastClock(0).slew(0.1);
        monoNanos += TENTH_SLEW_NANOS / 4;
        clock.slew(0);

        assertThat(writesAfter(2)).containsExactly(PLAIN_ZERO, TimexRequest.singleShotOffset(0));
        monoNanos = timer.lastDueMonoNanos();
        timer.fireAll();
        assertThat(writesAfter(4)).isEmpty();
    }

    @Test
    void closeWithoutASlewWritesNothing() {
        fastClock(0);
        clock.close();

        assertThat(writesAfter(1)).isEmpty();
    }

    @Test
    void aClosedClockSlewsAsAdjtime() {
        fastClock(0).close();
        clock.setMaxSlewRate(FAST_PPM);
        clock.slew(0.002);

        assertThat(clock.maxSlewRatePpm()).isEqualTo(Clock.ADJTIME_SLEW_RATE_PPM);
        assertThat(writesAfter(1)).containsExactly(TimexRequest.singleShotOffset(2_000));
    }

    @Test
    void theAdjtimeRateGivesAdjtimeSlewsBack() {
        clock.setMaxSlewRate(Clock.ADJTIME_SLEW_RATE_PPM);
        clock.slew(0.1);

        assertThat(kernel.onlyWrite()).isEqualTo(TimexRequest.singleShotOffset(100_000));
    }

    @Test
    void slewBeforeAnyFrequencyWasSetKeepsTheKernelsFrequency() {
        RecordingAdjtimex tuned = new RecordingAdjtimex(0, 10 * 65_536, 0, 0);
        KernelClock fresh = new KernelClock(tuned, -20, () -> monoNanos, timer);
        fresh.setMaxSlewRate(FAST_PPM);
        fresh.slew(0.1);
        monoNanos = timer.lastDueMonoNanos();
        timer.fireAll();

        assertThat(tuned.writes()).containsExactly(TimexRequest.rate(10_909, 1_310_720), TimexRequest.rate(10_000, 655_360));
    }

    @Test
    void aTickLeftFastByAKilledDaemonIsNotTakenForTheCorrection() {
        RecordingAdjtimex leftFast = RecordingAdjtimex.withStatus(0);
        leftFast.adjust(FASTER_OVER_ZERO);
        KernelClock fresh = new KernelClock(leftFast, -20, () -> monoNanos, timer);
        fresh.setMaxSlewRate(FAST_PPM);
        fresh.slew(0.1);
        fresh.close();

        assertThat(leftFast.writes()).contains(TimexRequest.rate(10_000, 500 * 65_536));
    }
}
