package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.config.ConfigTesting.errors;
import static org.jntp.config.ConfigTesting.valid;

import org.junit.jupiter.api.Test;

class LeapSmearParsingTest {
    private static final String FIX = "write the smear's length in whole seconds, such as \"leapsmearinterval 86400\""
            + " (ntpd recommends 7200 to 86400), or 0 for no smear";

    @Test
    void smearsNothingByDefault() {
        assertThat(valid("").leapSmearIntervalSeconds()).isZero();
    }

    @Test
    void takesTheIntervalInSeconds() {
        assertThat(valid("leapsmearinterval 86400").leapSmearIntervalSeconds()).isEqualTo(86_400);
    }

    @Test
    void takesZeroAsNoSmear() {
        assertThat(valid("leapsmearinterval 86400\nleapsmearinterval 0\n").leapSmearIntervalSeconds()).isZero();
    }

    @Test
    void takesAShortIntervalAsNtpdDoes() {
        assertThat(valid("leapsmearinterval 600").leapSmearIntervalSeconds()).isEqualTo(600);
    }

    @Test
    void negativeIntervalIsAnErrorNamingFileAndLine() {
        assertThat(errors("server 192.0.2.1\nleapsmearinterval -3600\n")).containsExactly(
                "/etc/ntp.conf:2: leapsmearinterval: -3600 s is out of range 0..2147483647; " + FIX);
    }

    @Test
    void intervalBeyondAnIntIsAnError() {
        assertThat(errors("leapsmearinterval 3000000000")).containsExactly(
                "/etc/ntp.conf:1: leapsmearinterval: 3000000000 s is out of range 0..2147483647; " + FIX);
    }

    @Test
    void intervalThatIsNoWholeNumberIsAnError() {
        assertThat(errors("leapsmearinterval 1d")).containsExactly(
                "/etc/ntp.conf:1: leapsmearinterval: \"1d\" is not a whole number of seconds; " + FIX);
    }

    @Test
    void missingIntervalIsAnError() {
        assertThat(errors("leapsmearinterval")).containsExactly(
                "/etc/ntp.conf:1: leapsmearinterval: needs the smear interval in seconds; " + FIX);
    }

    @Test
    void extraWordIsAnError() {
        assertThat(errors("leapsmearinterval 86400 cosine")).containsExactly(
                "/etc/ntp.conf:1: leapsmearinterval: unexpected \"cosine\"; leapsmearinterval takes one number");
    }
}
