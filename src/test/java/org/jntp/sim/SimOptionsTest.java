package org.jntp.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimOptionsTest {

    private static SimOptions ok(String... args) {
        return switch (SimOptions.parse(List.of(args))) {
            case SimOptions.Parse.Ok ok -> ok.options();
            case SimOptions.Parse.Help help -> throw new AssertionError("help");
            case SimOptions.Parse.Error error -> throw new AssertionError(error.message());
        };
    }

    private static String error(String... args) {
        return switch (SimOptions.parse(List.of(args))) {
            case SimOptions.Parse.Ok ok -> throw new AssertionError("accepted: " + ok);
            case SimOptions.Parse.Help help -> throw new AssertionError("help");
            case SimOptions.Parse.Error error -> error.message();
        };
    }

    @Test
    void aPresetAloneRunsThePreset() {
        SimOptions options = ok("wan-3f");

        assertThat(options.presetName()).isEqualTo("wan-3f");
        assertThat(options.scenario()).isEqualTo(Preset.WAN_3F.scenario());
    }

    @Test
    void everyModelParameterIsAFlag() {
        Scenario s = ok("lan-1", "--servers", "5", "--falsetickers", "2", "--falseticker-offset", "-0.25",
                "--delay", "0.002,0.003", "--loss", "0.05", "--offset", "-1.5", "--freq", "250", "--wander", "2e-9",
                "--minpoll", "4", "--maxpoll", "8", "--warm", "--seconds", "3600", "--seeds", "3-7").scenario();

        assertThat(s).isEqualTo(new Scenario(5, 2, -0.25, new Delay(0.002, 0.003), new Delay(0.002, 0.003), 0.05,
                -1.5, 250, 2e-9, 4, 8, true, 3600, new Seeds(3, 7)));
    }

    @Test
    void flagsTakeTheirValueAfterAnEqualsSign() {
        Scenario s = ok("lan-1", "--servers=4", "--seeds=2").scenario();

        assertThat(s.servers()).isEqualTo(4);
        assertThat(s.seeds()).isEqualTo(new Seeds(2, 2));
    }

    @Test
    void delayUpAndDelayDownSetOneDirectionEach() {
        Scenario s = ok("lan-1", "--delay-up", "0.01,0", "--delay-down", "0.0001,0.0002").scenario();

        assertThat(s.upDelay()).isEqualTo(new Delay(0.01, 0));
        assertThat(s.downDelay()).isEqualTo(new Delay(0.0001, 0.0002));
    }

    @Test
    void coldUndoesAWarmPreset() {
        assertThat(ok("lan-1-warm", "--cold").scenario().warm()).isFalse();
    }

    @Test
    void laterFlagsWin() {
        assertThat(ok("lan-1", "--servers", "2", "--servers", "3").scenario().servers()).isEqualTo(3);
    }

    @Test
    void helpAsksForUsage() {
        assertThat(SimOptions.parse(List.of("lan-1", "--help"))).isInstanceOf(SimOptions.Parse.Help.class);
        assertThat(SimOptions.USAGE).contains("lan-3f").contains("--delay-up");
    }

    @Test
    void aPresetIsNeeded() {
        assertThat(error()).contains("preset");
    }

    @Test
    void unknownPresetIsAnError() {
        assertThat(error("lan-9")).isEqualTo("unknown preset 'lan-9'; presets: " + Preset.names());
    }

    @Test
    void unknownFlagIsAnError() {
        assertThat(error("lan-1", "--jitter", "1")).isEqualTo("unknown flag '--jitter' (see --help)");
    }

    @Test
    void aFlagWithoutItsValueIsAnError() {
        assertThat(error("lan-1", "--loss")).isEqualTo("--loss needs a value");
    }

    @Test
    void aValueThatIsNotANumberIsAnError() {
        assertThat(error("lan-1", "--offset", "0.1s")).isEqualTo("--offset: expected seconds, got '0.1s'");
        assertThat(error("lan-1", "--freq", "NaN")).startsWith("--freq:");
        assertThat(error("lan-1", "--servers", "1.5")).startsWith("--servers:");
    }

    @Test
    void lossMustBeBelowOne() {
        assertThat(error("lan-1", "--loss", "1")).isEqualTo("--loss: expected a probability in [0, 1), got '1'");
        assertThat(error("lan-1", "--loss", "-0.1")).startsWith("--loss:");
    }

    @Test
    void delayNeedsBaseAndJitter() {
        assertThat(error("lan-1", "--delay", "0.001")).startsWith("--delay: expected BASE,JITTER");
        assertThat(error("lan-1", "--delay-up", "-1,0")).startsWith("--delay-up:");
    }

    @Test
    void serversAreAtLeastOne() {
        assertThat(error("lan-1", "--servers", "0")).startsWith("--servers:");
    }

    @Test
    void falsetickersCannotOutnumberServers() {
        assertThat(error("lan-3f", "--servers", "1", "--falsetickers", "2"))
                .isEqualTo("--falsetickers 2 is more than the 1 servers");
    }

    @Test
    void minpollCannotExceedMaxpoll() {
        assertThat(error("lan-1-p6", "--minpoll", "7")).isEqualTo("minpoll 7 is above maxpoll 6");
    }

    @Test
    void pollsStayWithinNtpConfLimits() {
        assertThat(error("lan-1", "--maxpoll", "18")).startsWith("--maxpoll: expected a poll exponent from 3 to 17");
    }

    @Test
    void seedsMustAscend() {
        assertThat(error("lan-1", "--seeds", "10-1")).startsWith("--seeds:");
        assertThat(error("lan-1", "--seeds", "-3")).startsWith("--seeds:");
    }

    @Test
    void secondsArePositive() {
        assertThat(error("lan-1", "--seconds", "0")).startsWith("--seconds:");
    }

    @Test
    void warmTakesNoValue() {
        assertThat(error("lan-1", "--warm=yes")).isEqualTo("--warm takes no value");
    }
}
