package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.jntp.discipline.DisciplineSettings;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {

    @Test
    void keepsNtpdsThresholdsByDefault() {
        DisciplineSettings settings = ClientOptions.defaults().discipline(500);

        assertThat(settings).isEqualTo(DisciplineSettings.defaults(500));
    }

    @Test
    void slewsUpTo600SecondsWithMinusX() {
        ClientOptions slewOnly = new ClientOptions(false, true, false, Optional.empty(), Optional.empty(), 123);

        assertThat(slewOnly.discipline(500).stepThresholdSeconds())
                .isEqualTo(DisciplineSettings.SLEW_ONLY_THRESHOLD_SECONDS);
    }

    @Test
    void allowsOneCorrectionBeyondThePanicThresholdWithMinusG() {
        ClientOptions bigStep = new ClientOptions(true, false, false, Optional.empty(), Optional.empty(), 123);

        DisciplineSettings settings = bigStep.discipline(500);

        assertThat(settings.panicAllowedOnce()).isTrue();
        assertThat(settings.panicThresholdSeconds()).isEqualTo(DisciplineSettings.PANIC_THRESHOLD_SECONDS);
    }

    @Test
    void slewsAtTheRateTheClockReports() {
        assertThat(ClientOptions.defaults().discipline(83_333).maxSlewRatePpm()).isEqualTo(83_333);
    }
}
