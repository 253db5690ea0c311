package org.jntp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PresetTest {

    @Test
    void lan1IsOneServerOnALanPolling6To10() {
        assertThat(Preset.named("lan-1").orElseThrow().scenario()).isEqualTo(new Scenario(1, 0, 0.5, Delay.LAN,
                Delay.LAN, 0, 0.1, 100, 1e-9, 6, 10, false, 20_000, new Seeds(1, 10)));
    }

    @Test
    void wan1IsOneServerOnAWan() {
        Scenario s = Preset.named("wan-1").orElseThrow().scenario();

        assertThat(s.servers()).isEqualTo(1);
        assertThat(s.upDelay()).isEqualTo(new Delay(1e-3, 1e-3)).isEqualTo(s.downDelay());
    }

    @Test
    void lan3IsThreeGoodServers() {
        Scenario s = Preset.named("lan-3").orElseThrow().scenario();

        assertThat(s.servers()).isEqualTo(3);
        assertThat(s.falsetickers()).isZero();
        assertThat(s.upDelay()).isEqualTo(new Delay(1e-4, 1e-4));
    }

    @Test
    void lan3fIsTwoGoodServersAndAFalsetickerHalfASecondAhead() {
        Scenario s = Preset.named("lan-3f").orElseThrow().scenario();

        assertThat(s.servers()).isEqualTo(3);
        assertThat(s.falsetickers()).isEqualTo(1);
        assertThat(s.falsetickerOffsetSeconds()).isEqualTo(0.5);
        assertThat(s.upDelay()).isEqualTo(Delay.LAN);
    }

    @Test
    void wan3fIsLan3fOnAWan() {
        Scenario s = Preset.named("wan-3f").orElseThrow().scenario();

        assertThat(s.servers()).isEqualTo(3);
        assertThat(s.falsetickers()).isEqualTo(1);
        assertThat(s.downDelay()).isEqualTo(Delay.WAN);
    }

    @Test
    void p6PresetsPollEvery64Seconds() {
        for (String name : new String[] {"lan-1-p6", "wan-1-p6"}) {
            Scenario s = Preset.named(name).orElseThrow().scenario();

            assertThat(s.minpoll()).isEqualTo(6);
            assertThat(s.maxpoll()).isEqualTo(6);
        }
        assertThat(Preset.named("wan-1-p6").orElseThrow().scenario().upDelay()).isEqualTo(Delay.WAN);
    }

    @Test
    void lan1WarmStartsWithADriftFile() {
        Scenario warm = Preset.named("lan-1-warm").orElseThrow().scenario();

        assertThat(warm.warm()).isTrue();
        assertThat(Preset.values()).filteredOn(p -> p != Preset.LAN_1_WARM)
                .allSatisfy(p -> assertThat(p.scenario().warm()).isFalse());
    }

    @Test
    void everyPresetRunsTenSeedsOf20000SecondsFromAClockOff100msAndUpTo100Ppm() {
        assertThat(Preset.values()).allSatisfy(p -> {
            Scenario s = p.scenario();
            assertThat(s.seconds()).isEqualTo(20_000);
            assertThat(s.seeds()).isEqualTo(new Seeds(1, 10));
            assertThat(s.offsetSeconds()).isEqualTo(0.1);
            assertThat(s.freqPpm()).isEqualTo(100);
            assertThat(s.wanderPerSqrtSecond()).isEqualTo(1e-9);
            assertThat(s.lossProbability()).isZero();
        });
    }

    @Test
    void unknownNameIsNoPreset() {
        assertThat(Preset.named("lan-2")).isEmpty();
    }
}
