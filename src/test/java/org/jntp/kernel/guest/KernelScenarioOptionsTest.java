package org.jntp.kernel.guest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class KernelScenarioOptionsTest {

    @Test
    void runsJntpFromThePresetsOffsetUnlessTold() {
        KernelScenario.Options options = KernelScenario.Options.parse(
                new String[] {"--preset", "lan-3f", "--seed", "2", "--seconds", "20000"}).orElseThrow();

        assertThat(options.daemon()).isEqualTo(ScenarioDaemon.JNTP);
        assertThat(options.offsetSeconds()).isEqualTo(0.1);
        assertThat(options.restartAtSeconds()).isEmpty();
        assertThat(options.leapFile()).isEmpty();
    }

    @Test
    void takesTheLeapFileItsTruthAndDaemonFollow() {
        KernelScenario.Options options = KernelScenario.Options.parse(new String[] {"--preset", "lan-1", "--seconds",
                "480", "--leapfile", "/jntp/leap/leap-seconds.list"}).orElseThrow();

        assertThat(options.leapFile()).contains(Path.of("/jntp/leap/leap-seconds.list"));
    }

    @Test
    void takesTheDaemonTheRestartAndTheDaemonsFlags() {
        KernelScenario.Options options = KernelScenario.Options.parse(new String[] {"--preset", "lan-1", "--seconds",
                "750", "--daemon", "chronyd", "--restart-at", "450", "--offset", "5", "--", "-g"}).orElseThrow();

        assertThat(options.daemon()).isEqualTo(ScenarioDaemon.CHRONYD);
        assertThat(options.restartAtSeconds()).isEqualTo(OptionalLong.of(450));
        assertThat(options.offsetSeconds()).isEqualTo(5);
        assertThat(options.daemonFlags()).isEqualTo(List.of("-g"));
    }

    @Test
    void refusesADaemonItCannotRun() {
        assertThat(KernelScenario.Options.parse(
                new String[] {"--preset", "lan-1", "--seconds", "60", "--daemon", "ntpsec"})).isEmpty();
    }
}
