package org.jntp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jntp.server.access.AddressFamily;
import org.jntp.source.DateQuery;
import org.junit.jupiter.api.Test;

class NtpdateOptionsTest {

    private static NtpdateOptions ok(String... args) {
        return switch (NtpdateOptions.parse(List.of(args))) {
            case NtpdateOptions.Parse.Ok ok -> ok.options();
            case NtpdateOptions.Parse.Error error -> throw new AssertionError(error.message());
        };
    }

    private static String error(String... args) {
        return switch (NtpdateOptions.parse(List.of(args))) {
            case NtpdateOptions.Parse.Ok ok -> throw new AssertionError("accepted " + ok);
            case NtpdateOptions.Parse.Error error -> error.message();
        };
    }

    @Test
    void takesNtpdatesDefaultsOfFourSamplesTwoSecondsAndVersionFour() {
        NtpdateOptions options = ok("pool.ntp.org");

        assertThat(options.query()).isEqualTo(DateQuery.Settings.DEFAULTS);
        assertThat(options.servers()).containsExactly("pool.ntp.org");
        assertThat(options.port()).isEqualTo(123);
        assertThat(options.queryOnly()).isFalse();
    }

    @Test
    void acceptsFlagsSeparatelyAndClustered() {
        NtpdateOptions options = ok("-qu4", "-p2", "-t", "0.5", "-o", "3", "192.0.2.1", "192.0.2.2");

        assertThat(options.queryOnly()).isTrue();
        assertThat(options.family()).contains(AddressFamily.IPV4);
        assertThat(options.query()).isEqualTo(new DateQuery.Settings(2, 600_000_000L, 3));
        assertThat(options.servers()).containsExactly("192.0.2.1", "192.0.2.2");
    }

    @Test
    void roundsTheTimeoutToAFifthOfASecondAndAtLeastOne() {
        assertThat(ok("-t", "1.31", "s").query().timeoutNanos()).isEqualTo(1_400_000_000L);
        assertThat(ok("-t", "0.01", "s").query().timeoutNanos()).isEqualTo(200_000_000L);
    }

    @Test
    void letsTheLastOfStepAndSlewWin() {
        assertThat(ok("-b", "-B", "s").neverStep()).isTrue();
        assertThat(ok("-b", "-B", "s").alwaysStep()).isFalse();
        assertThat(ok("-B", "-b", "s").alwaysStep()).isTrue();
    }

    @Test
    void refusesSampleCountsOutsideOneToEight() {
        assertThat(error("-p", "9", "s")).contains("number of samples (9) is invalid");
        assertThat(error("-p", "0", "s")).contains("number of samples (0) is invalid");
    }

    @Test
    void refusesAnUndecodeableTimeout() {
        assertThat(error("-t", "soon", "s")).contains("timeout soon is undecodeable");
    }

    @Test
    void saysAuthenticationIsNotSupportedYetInsteadOfQueryingWithoutIt() {
        assertThat(error("-a", "5", "s")).contains("symmetric keys");
        assertThat(error("-k", "/etc/ntp.keys", "s")).contains("symmetric keys");
    }

    @Test
    void needsAServer() {
        assertThat(error("-q")).contains("no servers given").contains("usage: ntpdate");
    }

    @Test
    void refusesUnknownFlagsWithTheUsage() {
        assertThat(error("-x", "s")).contains("unknown option -x").contains("usage: ntpdate");
    }

    @Test
    void takesAPortForTests() {
        assertThat(ok("--port", "12300", "127.0.0.1").port()).isEqualTo(12300);
        assertThat(error("--port", "0", "127.0.0.1")).contains("--port needs a UDP port number");
    }
}
