package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.jntp.discipline.ClockSetting;
import org.junit.jupiter.api.Test;

/** How ntpd -q reports its one setting, worded as ntpd 4.2.8 words it. */
class DaemonExitTest {

    @Test
    void logsAndPrintsAStepAsTimeSet() {
        DaemonExit.ClockSet set = new DaemonExit.ClockSet(new ClockSetting(ClockSetting.Kind.STEP, -1.0001234));

        assertThat(set.logLine()).isEqualTo("ntpd: time set -1.000123 s");
        assertThat(set.printedLine()).isEqualTo("ntpd: time set -1.000123s");
        assertThat(set.status()).isZero();
    }

    @Test
    void logsAndPrintsASlewAsTimeSlewWithItsSign() {
        DaemonExit.ClockSet set = new DaemonExit.ClockSet(new ClockSetting(ClockSetting.Kind.SLEW, 0.001234));

        assertThat(set.logLine()).isEqualTo("ntpd: time slew +0.001234 s");
        assertThat(set.printedLine()).isEqualTo("ntpd: time slew +0.001234s");
    }

    @Test
    void exitsZeroWhenNoServerWasFoundAsNtpdsSuccessfulFailure() {
        assertThat(new DaemonExit.NoServersFound().status()).isZero();
    }
}
