package org.jntp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void windowStartsAt5000SecondsInAFullRun() {
        assertThat(Scenarios.shortRun(Preset.LAN_1, 20_000, 1, 1).windowStartSeconds()).isEqualTo(5000);
    }

    @Test
    void windowStartsAt5000SecondsInALongerRun() {
        assertThat(Scenarios.shortRun(Preset.LAN_1, 80_000, 1, 1).windowStartSeconds()).isEqualTo(5000);
    }

    @Test
    void windowIsTheLastThreeQuartersOfAShorterRun() {
        assertThat(Scenarios.shortRun(Preset.LAN_1, 2_000, 1, 1).windowStartSeconds()).isEqualTo(500);
    }

    @Test
    void ntpConfHasOneServerLinePerServer() {
        assertThat(Preset.LAN_3F.scenario().ntpConf()).isEqualTo("""
                server 192.0.2.1 iburst minpoll 6 maxpoll 10
                server 192.0.2.2 iburst minpoll 6 maxpoll 10
                server 192.0.2.3 iburst minpoll 6 maxpoll 10
                """);
    }

    @Test
    void falsetickersAreTheLastServers() {
        Scenario scenario = Preset.LAN_3F.scenario();

        assertThat(scenario.isFalseticker(0)).isFalse();
        assertThat(scenario.isFalseticker(1)).isFalse();
        assertThat(scenario.isFalseticker(2)).isTrue();
    }

    @Test
    void followToleranceIsATenthOfASecond() {
        assertThat(Preset.LAN_3F.scenario().followToleranceSeconds()).isEqualTo(0.1);
    }

    @Test
    void followToleranceIsHalfTheOffsetOfANearbyFalseticker() {
        assertThat(Scenarios.lyingServer(-0.05, 100).followToleranceSeconds()).isEqualTo(0.025);
    }

    @Test
    void refusesMoreFalsetickersThanServers() {
        assertThatThrownBy(() -> new Scenario(2, 3, 0.5, Delay.LAN, Delay.LAN, 0, 0.1, 100, 1e-9, 6, 10, false,
                100, new Seeds(1, 1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("falsetickers");
    }
}
