package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jntp.config.TosOption;
import org.jntp.discipline.SelectionParameters;
import org.junit.jupiter.api.Test;

class TosSettingsTest {

    @Test
    void keepsNtpdsDefaultsWithoutTosLines() {
        assertThat(TosSettings.of(List.of()).selection()).isEqualTo(SelectionParameters.defaults());
    }

    @Test
    void takesTheSelectionLimitsOfTosLines() {
        SelectionParameters selection = TosSettings.of(List.of(new TosOption("minsane", "2"),
                new TosOption("minclock", "4"), new TosOption("maxclock", "7"), new TosOption("maxdist", "0.5"),
                new TosOption("mindist", "0.002"), new TosOption("floor", "1"), new TosOption("ceiling", "10")))
                .selection();

        assertThat(selection).isEqualTo(new SelectionParameters(2, 4, 7, 0.5, 0.002, 1, 10));
    }

    @Test
    void letsALaterValueWin() {
        TosSettings tos = TosSettings.of(List.of(new TosOption("maxclock", "7"), new TosOption("maxclock", "0x5")));

        assertThat(tos.selection().maxclock()).isEqualTo(5);
    }

    @Test
    void namesTheOptionsItDoesNotActOn() {
        TosSettings tos = TosSettings.of(List.of(new TosOption("beacon", "10"), new TosOption("minclock", "2")));

        assertThat(tos.unused()).containsExactly("beacon");
    }
}
