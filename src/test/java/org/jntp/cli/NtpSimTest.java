package org.jntp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jntp.sim.ClientFactory;
import org.jntp.sim.SteppingClient;
import org.junit.jupiter.api.Test;

class NtpSimTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Optional<ClientFactory> core, String... args) {
        return NtpSim.run(List.of(args), core, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOneLinePerSeedThenTheSummary() {
        int exit = run(Optional.of(SteppingClient.factory()), "lan-3f", "--seconds", "400", "--seeds", "1-3");

        assertThat(exit).isZero();
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 3)).satisfiesExactly(
                line -> assertThat(line).startsWith("seed=1 first_below_1ms_s="),
                line -> assertThat(line).startsWith("seed=2 "),
                line -> assertThat(line).startsWith("seed=3 "));
        assertThat(lines.get(3)).matches("summary preset=lan-3f rms_offset_us=\\S+ worst_seed_rms_us=\\S+"
                + " max_abs_offset_us=\\S+ first_below_1ms_s=\\S+ settled_mean_s=\\S+ settled_max_s=\\S+ never=\\d+"
                + " mean_poll_interval_s=\\S+ rms_freq_ppm=\\S+ .*");
    }

    @Test
    void printsTheSameEveryRun() {
        run(Optional.of(SteppingClient.factory()), "wan-1", "--seconds", "300", "--seeds", "1-4");
        String first = out();
        out.reset();
        run(Optional.of(SteppingClient.factory()), "wan-1", "--seconds", "300", "--seeds", "1-4");

        assertThat(out()).isEqualTo(first);
    }

    @Test
    void aBadFlagIsOneLineAndExit2() {
        int exit = run(Optional.of(SteppingClient.factory()), "lan-1", "--loss", "2");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).isEqualTo("ntpsim: --loss: expected a probability in [0, 1), got '2'" + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void anUnknownPresetIsExit2() {
        assertThat(run(Optional.of(SteppingClient.factory()), "lan-7")).isEqualTo(2);
        assertThat(err()).startsWith("ntpsim: unknown preset 'lan-7'").doesNotContain("Exception");
    }

    @Test
    void withoutAClientCoreSaysSo() {
        assertThat(run(Optional.empty(), "lan-1")).isEqualTo(1);
        assertThat(err()).isEqualTo("ntpsim: no client core available yet: there is nothing to simulate"
                + System.lineSeparator());
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run(Optional.empty(), "--help")).isZero();
        assertThat(out()).startsWith("usage: ntpsim PRESET [flags]");
    }
}
