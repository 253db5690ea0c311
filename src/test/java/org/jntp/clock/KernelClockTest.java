package org.jntp.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.clock.Timex.ADJ_ESTERROR;
import static org.jntp.clock.Timex.ADJ_FREQUENCY;
import static org.jntp.clock.Timex.ADJ_MAXERROR;
import static org.jntp.clock.Timex.ADJ_NANO;
import static org.jntp.clock.Timex.ADJ_OFFSET;
import static org.jntp.clock.Timex.ADJ_SETOFFSET;
import static org.jntp.clock.Timex.ADJ_STATUS;
import static org.jntp.clock.Timex.ADJ_TICK;
import static org.jntp.clock.Timex.ADJ_TIMECONST;
import static org.jntp.clock.Timex.STA_DEL;
import static org.jntp.clock.Timex.STA_INS;
import static org.jntp.clock.Timex.STA_NANO;
import static org.jntp.clock.Timex.STA_PLL;
import static org.jntp.clock.Timex.STA_UNSYNC;

import org.junit.jupiter.api.Test;

/** The kernel clock's write path, against a fake clock_adjtime: nothing here reaches the kernel. */
class KernelClockTest {

    private static final int PRECISION = -22;

    private static KernelClock clockOver(RecordingAdjtimex adjtimex) {
        return new KernelClock(adjtimex, PRECISION);
    }

    @Test
    void slewHandsTheOffsetToAdjtimeInMicroseconds() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(0);

        clockOver(kernel).slew(0.25);

        TimexRequest write = kernel.onlyWrite();
        assertThat(write.modes()).isEqualTo(Timex.ADJ_OFFSET_SINGLESHOT);
        assertThat(write.offset()).isEqualTo(250_000L);
    }

    @Test
    void slewSwitchesOffAKernelPllLeftOnAndKeepsTheOtherStatusBits() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(STA_UNSYNC | STA_INS | STA_PLL | STA_NANO);

        clockOver(kernel).slew(0.001);

        assertThat(kernel.writes()).first().isEqualTo(TimexRequest.status(STA_UNSYNC | STA_INS | STA_NANO));
        assertThat(kernel.writes()).last().isEqualTo(TimexRequest.singleShotOffset(1000));
    }

    @Test
    void slewRoundsHalfAMicrosecondAwayFromZero() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(0);

        clockOver(kernel).slew(-2.5e-6);

        assertThat(kernel.onlyWrite().offset()).isEqualTo(-3L);
    }

    @Test
    void slewIsClampedToHalfASecond() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(0);

        clockOver(kernel).slew(-2.0);

        assertThat(kernel.onlyWrite().offset()).isEqualTo(-500_000L);
    }

    @Test
    void slewsAtTheAdjtimeRateUntilToldOtherwise() {
        assertThat(clockOver(RecordingAdjtimex.withStatus(0)).maxSlewRatePpm()).isEqualTo(Clock.ADJTIME_SLEW_RATE_PPM);
    }

    @Test
    void stepSetsTheOffsetInSecondsAndNanoseconds() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(0);

        clockOver(kernel).step(1.5);

        TimexRequest write = kernel.onlyWrite();
        assertThat(write.modes()).isEqualTo(ADJ_SETOFFSET | ADJ_NANO);
        assertThat(write.timeSec()).isEqualTo(1L);
        assertThat(write.timeNsec()).isEqualTo(500_000_000L);
    }

    @Test
    void negativeStepBorrowsASecondSoNanosecondsStayPositive() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(0);

        clockOver(kernel).step(-0.25);

        TimexRequest write = kernel.onlyWrite();
        assertThat(write.timeSec()).isEqualTo(-1L);
        assertThat(write.timeNsec()).isEqualTo(750_000_000L);
    }

    @Test
    void stepWritesNothingElse() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(0);

        clockOver(kernel).step(3.0);

        assertThat(kernel.requests()).containsExactly(new TimexRequest(ADJ_SETOFFSET | ADJ_NANO, 0, 0, 0, 0, 0, 0, 3, 0, 0));
    }

    @Test
    void setFrequencyWritesPpmScaledBy65536WithTheNominalTick() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(0);

        clockOver(kernel).setFrequency(-12.5);

        assertThat(kernel.requests()).containsExactly(
                new TimexRequest(ADJ_TICK | ADJ_FREQUENCY, 0, -819_200, 0, 0, 0, 0, 0, 0, 10_000));
    }

    @Test
    void setFrequencyIsClampedTo500Ppm() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(0);

        clockOver(kernel).setFrequency(600);

        assertThat(kernel.onlyWrite().freq()).isEqualTo(500L * 65_536);
    }

    @Test
    void frequencyPpmCountsTheTickTheKernelRunsAt() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(0);
        kernel.adjust(TimexRequest.rate(10_002, 655_360));

        assertThat(clockOver(kernel).frequencyPpm()).isEqualTo(210.0);
    }

    @Test
    void frequencyPpmReadsWhatTheKernelReports() {
        RecordingAdjtimex kernel = new RecordingAdjtimex(STA_PLL, -655_360, 0, 0);

        double freqPpm = clockOver(kernel).frequencyPpm();

        assertThat(freqPpm).isEqualTo(-10.0);
        assertThat(kernel.requests()).containsExactly(TimexRequest.READ);
    }

    @Test
    void setTimeConstantWritesThePollExponentAsGiven() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(0);

        clockOver(kernel).setTimeConstant(6);

        assertThat(kernel.requests()).containsExactly(new TimexRequest(ADJ_TIMECONST | ADJ_NANO, 0, 0, 0, 0, 0, 6, 0, 0, 0));
    }

    @Test
    void insertLeapSetsStaIns() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(STA_PLL | STA_NANO);

        clockOver(kernel).setLeap(LeapState.INSERT);

        TimexRequest write = kernel.onlyWrite();
        assertThat(write.modes()).isEqualTo(ADJ_STATUS);
        assertThat(write.status()).isEqualTo(STA_PLL | STA_NANO | STA_INS);
    }

    @Test
    void deleteLeapReplacesAnInsert() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(STA_PLL | STA_INS);

        clockOver(kernel).setLeap(LeapState.DELETE);

        assertThat(kernel.onlyWrite().status()).isEqualTo(STA_PLL | STA_DEL);
    }

    @Test
    void noLeapClearsBothLeapBits() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(STA_PLL | STA_INS | STA_DEL);

        clockOver(kernel).setLeap(LeapState.NONE);

        assertThat(kernel.onlyWrite().status()).isEqualTo(STA_PLL);
    }

    @Test
    void setSynchronizedClearsStaUnsyncAndWritesErrorsInMicroseconds() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(STA_PLL | STA_UNSYNC);

        clockOver(kernel).setSynchronized(0.05, 0.001);

        TimexRequest write = kernel.onlyWrite();
        assertThat(write.modes()).isEqualTo(ADJ_STATUS | ADJ_MAXERROR | ADJ_ESTERROR);
        assertThat(write.status()).isEqualTo(STA_PLL);
        assertThat(write.maxerror()).isEqualTo(50_000L);
        assertThat(write.esterror()).isEqualTo(1_000L);
    }

    @Test
    void setSynchronizedClampsErrorsToSixteenSeconds() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(0);

        clockOver(kernel).setSynchronized(20, -1);

        TimexRequest write = kernel.onlyWrite();
        assertThat(write.maxerror()).isEqualTo(16_000_000L);
        assertThat(write.esterror()).isZero();
    }

    @Test
    void setUnsynchronizedSetsStaUnsync() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(STA_PLL | STA_INS);

        clockOver(kernel).setUnsynchronized();

        TimexRequest write = kernel.onlyWrite();
        assertThat(write.modes()).isEqualTo(ADJ_STATUS);
        assertThat(write.status()).isEqualTo(STA_PLL | STA_INS | STA_UNSYNC);
    }

    @Test
    void statusReportsTheKernelState() {
        RecordingAdjtimex kernel = new RecordingAdjtimex(STA_PLL | STA_INS, 0, 50_000, 1_000);

        ClockStatus status = clockOver(kernel).status();

        assertThat(status).isEqualTo(new ClockStatus(LeapState.INSERT, true, 0.05, 0.001, 0));
    }

    @Test
    void setTaiOffsetWritesAdjTaiWithTheOffsetInConstant() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(STA_INS);

        clockOver(kernel).setTaiOffset(36);

        TimexRequest write = kernel.onlyWrite();
        assertThat(write.modes()).isEqualTo(Timex.ADJ_TAI);
        assertThat(write.constant()).isEqualTo(36);
    }

    @Test
    void statusReportsTheKernelsTaiOffset() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(0);
        KernelClock clock = clockOver(kernel);

        clock.setTaiOffset(37);

        assertThat(clock.status().taiOffsetSeconds()).isEqualTo(37);
    }

    @Test
    void statusChangesBuildOnEachOther() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(STA_UNSYNC);
        KernelClock clock = clockOver(kernel);

        clock.slew(0.01);
        clock.setLeap(LeapState.DELETE);
        clock.setSynchronized(0.02, 0.002);

        assertThat(clock.status()).isEqualTo(new ClockStatus(LeapState.DELETE, true, 0.02, 0.002, 0));
    }

    @Test
    void readingWritesNothing() {
        RecordingAdjtimex kernel = RecordingAdjtimex.withStatus(0);
        KernelClock clock = clockOver(kernel);

        clock.status();
        clock.frequencyPpm();
        clock.readTimex();

        assertThat(kernel.writes()).isEmpty();
    }

    @Test
    void reportsThePrecisionItWasGiven() {
        assertThat(clockOver(RecordingAdjtimex.withStatus(0)).precisionLog2()).isEqualTo(PRECISION);
    }
}
