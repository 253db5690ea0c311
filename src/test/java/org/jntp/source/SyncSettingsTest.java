package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.jntp.clock.Clock;
import org.jntp.config.ConfigParser;
import org.jntp.config.ConfigResult;
import org.jntp.config.NtpConfig;
import org.jntp.discipline.DisciplineSettings;
import org.jntp.discipline.SelectionParameters;
import org.junit.jupiter.api.Test;

class SyncSettingsTest {

    private static final double RATE = 500;

    private static NtpConfig config(String text) {
        return ((ConfigResult.Valid) ConfigParser.parse(text, "ntp.conf")).config();
    }

    private static SyncSettings settings(String text) {
        return SyncSettings.of(config(text), false, false, RATE, OptionalDouble.empty());
    }

    @Test
    void takesNtpdsDefaultsFromAnEmptyFile() {
        SyncSettings settings = settings("");

        assertThat(settings.discipline()).isEqualTo(DisciplineSettings.defaults(RATE));
        assertThat(settings.tos()).isEqualTo(SelectionParameters.defaults());
    }

    @Test
    void takesTheThresholdsOfATinkerLine() {
        DisciplineSettings discipline = settings("tinker step 0.5 stepout 300 panic 0").discipline();

        assertThat(discipline.stepThresholdSeconds()).isEqualTo(0.5);
        assertThat(discipline.stepoutSeconds()).isEqualTo(300);
        assertThat(discipline.panicThresholdSeconds()).isZero();
    }

    @Test
    void neverStepsWithAStepThresholdOfZero() {
        assertThat(settings("tinker step 0").discipline().stepThresholdSeconds()).isInfinite();
    }

    @Test
    void slewsBelowSixHundredSecondsWithDashX() {
        SyncSettings settings = SyncSettings.of(config(""), false, true, RATE, OptionalDouble.empty());

        assertThat(settings.discipline().stepThresholdSeconds()).isEqualTo(600);
    }

    @Test
    void allowsOnePanicOffsetWithDashG() {
        SyncSettings settings = SyncSettings.of(config(""), true, false, RATE, OptionalDouble.empty());

        assertThat(settings.discipline().panicAllowedOnce()).isTrue();
    }

    @Test
    void startsFromTheDriftFile() {
        SyncSettings settings = SyncSettings.of(config(""), false, false, RATE, OptionalDouble.of(-7.5));

        assertThat(settings.discipline().initialFrequencyPpm()).isEqualTo(-7.5);
        assertThat(settings.discipline().frequencyKnown()).isTrue();
    }

    @Test
    void takesTheSelectionLimitsOfATosLine() {
        SelectionParameters tos = settings("tos minsane 2 minclock 4 maxclock 6 maxdist 0.5 mindist 0.002").tos();

        assertThat(tos).isEqualTo(new SelectionParameters(2, 4, 6, 0.5, 0.002, 0, SelectionParameters.defaults().ceiling()));
    }

    @Test
    void takesOrphanModeFromTheTosLine() {
        assertThat(settings("tos orphan 10 orphanwait 60").orphan()).isEqualTo(new Orphan(10, 60));
        assertThat(settings("").orphan().enabled()).isFalse();
    }

    @Test
    void asksTheFastestSlewUnlessTinkerSaysOtherwise() {
        assertThat(SyncSettings.maxSlewRatePpm(config(""))).isEqualTo(Clock.MAX_SLEW_RATE_PPM);
        assertThat(SyncSettings.maxSlewRatePpm(config("tinker maxslewrate 2000"))).isEqualTo(2000);
    }
}
