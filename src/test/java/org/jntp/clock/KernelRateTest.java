package org.jntp.clock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a rate becomes the kernel's tick length and frequency. */
class KernelRateTest {

    @Test
    void aPlainFrequencyKeepsTheNominalTick() {
        assertThat(KernelRate.of(-12.5)).isEqualTo(new KernelRate(10_000, -819_200));
    }

    @Test
    void fiveHundredPpmIsStillTheFrequencyAlone() {
        assertThat(KernelRate.of(500)).isEqualTo(new KernelRate(10_000, 500 * 65_536));
    }

    @Test
    void aFasterRateTakesTheNearestTickAndLeavesTheRestToTheFrequency() {
        assertThat(KernelRate.of(1e6 / 11)).isEqualTo(new KernelRate(10_909, 595_782));
    }

    @Test
    void aSlowerRateShortensTheTick() {
        assertThat(KernelRate.of(-1e6 / 13)).isEqualTo(new KernelRate(9_231, -1_512_369));
    }

    @Test
    void halfATickRoundsAwayFromZero() {
        assertThat(KernelRate.of(650)).isEqualTo(new KernelRate(10_007, -50 * 65_536));
        assertThat(KernelRate.of(-650)).isEqualTo(new KernelRate(9_993, 50 * 65_536));
    }

    @Test
    void ratesBeyondATenthOfTheTickAreClamped() {
        assertThat(KernelRate.of(200_000)).isEqualTo(new KernelRate(11_000, 500 * 65_536));
        assertThat(KernelRate.of(-200_000)).isEqualTo(new KernelRate(9_000, -500 * 65_536));
    }

    @Test
    void theRateAddsAHundredPpmPerMicrosecondOfTickToTheFrequency() {
        assertThat(new KernelRate(10_001, 65_536).ratePpm()).isEqualTo(101.0);
    }

    @Test
    void theRequestSetsTickAndFrequencyTogether() {
        TimexRequest request = new KernelRate(9_990, -65_536).request();

        assertThat(request.modes()).isEqualTo(Timex.ADJ_TICK | Timex.ADJ_FREQUENCY);
        assertThat(request.tick()).isEqualTo(9_990L);
        assertThat(request.freq()).isEqualTo(-65_536L);
    }
}
