package org.jntp.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static final Scenario SIX_SEEDS = Scenarios.shortRun(Preset.LAN_3, 1000, 3, 8);

    @Test
    void handsOverTheSeedsInSeedOrder() {
        List<Long> seeds = new ArrayList<>();
        Simulator.run(SIX_SEEDS, SteppingClient.factory(), r -> seeds.add(r.seed()));

        assertThat(seeds).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
    }

    @Test
    void parallelRunsGiveWhatEachSeedGivesAlone() {
        List<SeedResult> parallel = new ArrayList<>();
        Simulator.run(SIX_SEEDS, SteppingClient.factory(), parallel::add);

        for (SeedResult result : parallel) {
            assertThat(result).isEqualTo(Simulation.run(SIX_SEEDS, result.seed(), SteppingClient.factory()));
        }
    }

    @Test
    void summaryPoolsTheSeeds() {
        List<SeedResult> results = new ArrayList<>();
        Summary summary = Simulator.run(SIX_SEEDS, SteppingClient.factory(), results::add);

        assertThat(summary).isEqualTo(Summary.of(results));
        assertThat(summary.seeds()).isEqualTo(6);
    }

    @Test
    void aClientThatThrowsFailsTheSimulation() {
        ClientFactory broken = setup -> {
            throw new UnsupportedOperationException("no core");
        };

        assertThatThrownBy(() -> Simulator.run(SIX_SEEDS, broken, r -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no core");
    }
}
