package org.jntp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The daemon's client core in short simulated runs: what SCENARIOS.md's presets measure over
 * hours, asserted here over minutes so that CI stays fast.
 */
class CoreClientSimulationTest {

    private static final Seeds THREE_SEEDS = new Seeds(1, 3);

    private static Scenario lan(int servers, int falsetickers, long seconds) {
        return lan(servers, falsetickers, 0.5, 0, 0.1, false, seconds);
    }

    /** A lan scenario of SCENARIOS.md's model with the given departures from its defaults. */
    private static Scenario lan(int servers, int falsetickers, double falsetickerOffsetSeconds, double loss,
            double offsetSeconds, boolean warm, long seconds) {
        return new Scenario(servers, falsetickers, falsetickerOffsetSeconds, Delay.LAN, Delay.LAN, loss,
                offsetSeconds, 100, 1e-9, 6, 10, warm, seconds, THREE_SEEDS);
    }

    private static Summary run(Scenario scenario) {
        return Simulator.run(scenario, CoreClient.factory(), seed -> { });
    }

    @Test
    void slewsAStartingOffsetAwayWithinSecondsAndStaysBelowAMillisecond() {
        Summary summary = run(lan(1, 0, 3000));

        assertThat(summary.firstBelow1msMaxSeconds().orElseThrow()).isLessThanOrEqualTo(8);
        assertThat(summary.never()).isZero();
        assertThat(summary.maxAbsOffsetSeconds()).isLessThan(1e-3);
        assertThat(summary.rmsOffsetSeconds()).isLessThan(100e-6);
    }

    @Test
    void neverFollowsAFalsetickerOutvotedByTwoGoodServers() {
        Summary summary = run(lan(3, 1, 3000));

        assertThat(summary.followedFalseticker()).isZero();
        assertThat(summary.unsynchronizedSeconds()).isZero();
        assertThat(summary.maxAbsOffsetSeconds()).isLessThan(1e-3);
    }

    @Test
    void keepsAFalsetickerOnlyFiveMillisecondsOffFromPullingTheClock() {
        Scenario subtleLiar = lan(3, 1, 0.005, 0, 0.1, false, 3000);

        Summary summary = run(subtleLiar);

        assertThat(summary.followedFalseticker()).isZero();
        assertThat(summary.maxAbsOffsetSeconds()).isLessThan(1e-3);
    }

    @Test
    void keepsTimeWhenHalfThePacketsAreLost() {
        Scenario lossy = lan(1, 0, 0.5, 0.5, 0.1, false, 4000);

        Summary summary = run(lossy);

        assertThat(summary.never()).isZero();
        assertThat(summary.maxAbsOffsetSeconds()).isLessThan(1e-3);
    }

    @Test
    void stepsAStartingOffsetBeyondTheStepThreshold() {
        Scenario farOff = lan(1, 0, 0.5, 0, 0.5, false, 1000);

        Summary summary = run(farOff);

        assertThat(summary.firstBelow1msMaxSeconds().orElseThrow()).isLessThanOrEqualTo(2);
        assertThat(summary.never()).isZero();
    }

    @Test
    void leavesAClockBeyondThePanicThresholdAlone() {
        Scenario panic = lan(1, 0, 0.5, 0, 2000, false, 600);

        Summary summary = run(panic);

        assertThat(summary.never()).isEqualTo(3);
    }

    @Test
    void startsFromTheDriftFileAndNeedsNoFrequencyLearning() {
        Scenario warm = lan(1, 0, 0.5, 0, 0.1, true, 3000);

        Summary summary = run(warm);

        assertThat(summary.settledMaxSeconds().orElseThrow()).isLessThanOrEqualTo(8);
    }
}
