package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.config.ConfigTesting.errors;
import static org.jntp.config.ConfigTesting.valid;

import org.junit.jupiter.api.Test;

class MiscParsingTest {
    @Test
    void marksPacketsExpeditedForwardingByDefaultAsNtpdDoes() {
        assertThat(valid("server 192.0.2.1").misc().dscp()).isEqualTo(46);
        assertThat(valid("server 192.0.2.1").misc().trafficClass()).isEqualTo(0xB8);
    }

    @Test
    void takesTheDscpGiven() {
        assertThat(valid("dscp 0").misc().dscp()).isZero();
        assertThat(valid("dscp 63").misc().trafficClass()).isEqualTo(0xFC);
    }

    @Test
    void refusesADscpBeyondSixBits() {
        assertThat(errors("dscp 64")).singleElement().asString()
                .contains("dscp 64 is out of range 0..63");
    }

    @Test
    void writesTheDriftFileOnAChangeOfOneTenthPpmByDefault() {
        assertThat(valid("").misc().wanderThreshold()).isEqualTo(1e-7);
    }

    @Test
    void takesTheNonvolatileThresholdInSecondsPerSecond() {
        assertThat(valid("nonvolatile 5e-7").misc().wanderThreshold()).isEqualTo(5e-7);
    }

    @Test
    void refusesANonvolatileThresholdThatIsNoFrequencyChange() {
        assertThat(errors("nonvolatile 0")).singleElement().asString()
                .contains("is not a frequency change").contains("1e-7");
    }

    @Test
    void readsSetvarWithBlanksAroundTheEqualsSign() {
        assertThat(valid("setvar hostname = alpha.example default").misc().setVars())
                .containsExactly(new SetVar("hostname", "alpha.example", true));
    }

    @Test
    void readsSetvarWrittenAsOneWord() {
        assertThat(valid("setvar site=lab").misc().setVars()).containsExactly(new SetVar("site", "lab", false));
    }

    @Test
    void keepsAQuotedSetvarValueWithBlanks() {
        assertThat(valid("setvar owner = \"time team\"").misc().setVars())
                .containsExactly(new SetVar("owner", "time team", false));
    }

    @Test
    void aLaterSetvarOfTheSameNameReplacesTheEarlier() {
        assertThat(valid("setvar site = a\nsetvar site = b default\n").misc().setVars())
                .containsExactly(new SetVar("site", "b", true));
    }

    @Test
    void refusesSetvarWithoutAValue() {
        assertThat(errors("setvar site")).singleElement().asString()
                .contains("needs NAME = VALUE").contains("setvar NAME = VALUE");
        assertThat(errors("setvar site =")).singleElement().asString().contains("variable site has no value");
    }

    @Test
    void refusesASetvarNameThatNtpqCouldNotAskFor() {
        assertThat(errors("setvar a,b = 1")).singleElement().asString().contains("\"a,b\" is not a variable name");
    }

    @Test
    void refusesSaveconfigWithoutASaveconfigdir() {
        assertThat(valid("server 192.0.2.1").misc().saveConfigDir()).isEmpty();
    }

    @Test
    void endsTheSaveconfigdirWithASlashAsNtpdDoes() {
        assertThat(valid("saveconfigdir /var/lib/ntp/saved").misc().saveConfigDir()).contains("/var/lib/ntp/saved/");
        assertThat(valid("saveconfigdir /var/lib/ntp/saved/").misc().saveConfigDir())
                .contains("/var/lib/ntp/saved/");
    }

    @Test
    void acceptsResetOfTheCountersNtpdNames() {
        assertThat(valid("reset allpeers auth ctl io mem sys timer")).isNotNull();
    }

    @Test
    void refusesResetOfAnUnknownCounterGroup() {
        assertThat(errors("reset peers")).singleElement().asString()
                .contains("unknown counter group \"peers\"");
    }

    @Test
    void warnsThatRlimitIsIgnored() {
        ConfigResult result = ConfigParser.parse("rlimit memlock 32 stacksize 50\n", ConfigTesting.FILE);
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("rlimit: ignored");
    }
}
