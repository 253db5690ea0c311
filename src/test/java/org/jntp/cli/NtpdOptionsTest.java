package org.jntp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.jntp.clock.SoftwareClock;
import org.jntp.server.access.AddressFamily;
import org.junit.jupiter.api.Test;

class NtpdOptionsTest {

    private static NtpdOptions ok(String... args) {
        return switch (NtpdOptions.parse(List.of(args))) {
            case NtpdOptions.Parse.Ok ok -> ok.options();
            case NtpdOptions.Parse.Error error -> throw new AssertionError(error.message());
            case NtpdOptions.Parse.Version version -> throw new AssertionError("asked for the version");
        };
    }

    private static String error(String... args) {
        return switch (NtpdOptions.parse(List.of(args))) {
            case NtpdOptions.Parse.Ok ok -> throw new AssertionError("accepted " + ok);
            case NtpdOptions.Parse.Error error -> error.message();
            case NtpdOptions.Parse.Version version -> throw new AssertionError("asked for the version");
        };
    }

    @Test
    void checkReadsTheConfigurationWithoutStarting() {
        assertThat(ok("--check", "-c", "/tmp/ntp.conf").checkOnly()).isTrue();
        assertThat(ok("-c", "/tmp/ntp.conf").checkOnly()).isFalse();
    }

    @Test
    void versionAsksForTheVersionAlone() {
        assertThat(NtpdOptions.parse(List.of("-n", "--version"))).isInstanceOf(NtpdOptions.Parse.Version.class);
    }

    @Test
    void readsEtcNtpConfWhenNoConfigIsNamed() {
        assertThat(ok().configFile()).isEqualTo(Path.of("/etc/ntp.conf"));
    }

    @Test
    void acceptsNtpdFlagsSeparatelyAndClustered() {
        NtpdOptions options = ok("-gnq", "-x", "-c", "/tmp/a.conf", "-p/run/ntpd.pid", "-dd");
        assertThat(options.allowBigStep()).isTrue();
        assertThat(options.foreground()).isTrue();
        assertThat(options.setAndQuit()).isTrue();
        assertThat(options.slewOnly()).isTrue();
        assertThat(options.configFile()).isEqualTo(Path.of("/tmp/a.conf"));
        assertThat(options.pidFile()).contains(Path.of("/run/ntpd.pid"));
        assertThat(options.debugLevel()).isEqualTo(2);
    }

    @Test
    void limitsTimeSourcesToOneFamilyWithMinus4OrMinus6() {
        assertThat(ok("-4").family()).contains(AddressFamily.IPV4);
        assertThat(ok("-6n").family()).contains(AddressFamily.IPV6);
        assertThat(ok().family()).isEmpty();
    }

    @Test
    void acceptsFileOverridesAndUser() {
        NtpdOptions options = ok("-f", "/var/lib/ntp/drift", "-k", "/etc/ntp.keys", "-l", "/var/log/ntp.log",
                "-u", "ntp:ntp");
        assertThat(options.driftFile()).contains(Path.of("/var/lib/ntp/drift"));
        assertThat(options.keysFile()).contains(Path.of("/etc/ntp.keys"));
        assertThat(options.logFile()).contains(Path.of("/var/log/ntp.log"));
        assertThat(options.user()).contains("ntp:ntp");
    }

    @Test
    void acceptsSoftwareClockInBothSpellings() {
        assertThat(ok("--software-clock", "0.25,50").softwareClock()).contains(new SoftwareClock.Spec(0.25, 50));
        assertThat(ok("--software-clock=0.25,0").softwareClock()).contains(new SoftwareClock.Spec(0.25, 0));
    }

    @Test
    void rejectsAMalformedSoftwareClock() {
        assertThat(error("--software-clock", "fast")).startsWith("--software-clock: ").contains("OFFSET_S,FREQ_PPM");
    }

    @Test
    void servesOnPort123UnlessAnotherIsGiven() {
        assertThat(ok().port()).isEqualTo(123);
        assertThat(ok("--port", "12300").port()).isEqualTo(12300);
        assertThat(error("--port", "70000")).contains("1..65535");
    }

    @Test
    void rejectsAPortThatIsNotDecimalDigits() {
        assertThat(error("--port", "+123")).contains("1..65535");
        assertThat(error("--port", "12a")).contains("1..65535");
        assertThat(error("--port", "000123")).contains("1..65535");
        assertThat(error("--port", "0")).contains("1..65535");
    }

    @Test
    void rejectsUnknownFlagWithUsage() {
        assertThat(error("-z")).startsWith("unknown option -z").contains("usage: ntpd");
    }

    @Test
    void rejectsFlagMissingItsValue() {
        assertThat(error("-c")).startsWith("option -c needs a value");
        assertThat(error("--software-clock")).contains("OFFSET_S,FREQ_PPM");
    }

    @Test
    void rejectsStrayArgument() {
        assertThat(error("ntp.conf")).startsWith("unexpected argument \"ntp.conf\"");
    }
}
