package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.config.ConfigTesting.errors;
import static org.jntp.config.ConfigTesting.valid;

import java.util.Optional;
import java.util.OptionalInt;
import org.jntp.server.access.DiscardSettings;
import org.jntp.server.access.IpAddress;
import org.jntp.server.access.MruSettings;
import org.junit.jupiter.api.Test;

class SettingsParsingTest {
    @Test
    void emptyFileGivesNtpdDefaults() {
        assertThat(valid("")).isEqualTo(NtpConfig.defaults());
        assertThat(NtpConfig.defaults().discard()).isEqualTo(new DiscardSettings(3, 2, 3000));
        assertThat(NtpConfig.defaults().mru().maxDepth()).isEqualTo(1024 * 1024 / 88);
    }

    @Test
    void discardSetsTheRateLimits() {
        assertThat(valid("discard average 5 minimum 1 monitor 600").discard())
                .isEqualTo(new DiscardSettings(5, 1, 600));
    }

    @Test
    void discardKeepsDefaultsForOptionsNotGiven() {
        assertThat(valid("discard minimum 4").discard()).isEqualTo(new DiscardSettings(3, 4, 3000));
    }

    @Test
    void discardAverageOutOfRangeIsAnError() {
        assertThat(errors("discard average 30")).containsExactly(
                "/etc/ntp.conf:1: discard: average 30 is out of range 0..17; use a value between 0 and 17");
    }

    @Test
    void mruMaxmemIsConvertedToEntriesOfNtpdsSize() {
        assertThat(valid("mru maxmem 2048").mru().maxDepth()).isEqualTo(2048 * 1024 / MruSettings.NTPD_ENTRY_BYTES);
    }

    @Test
    void laterOfMaxdepthAndMaxmemWins() {
        assertThat(valid("mru maxmem 2048 maxdepth 5000").mru().maxDepth()).isEqualTo(5000);
        assertThat(valid("mru maxdepth 5000\nmru maxmem 1\n").mru().maxDepth()).isEqualTo(11);
    }

    @Test
    void mruKeepsEveryOption() {
        MruSettings mru = valid("mru mindepth 100 maxage 3600 minage 64 initalloc 10 incmem 8").mru();
        assertThat(mru).isEqualTo(new MruSettings(MruSettings.DEFAULT_MAX_DEPTH, 100, 3600, 64, 10,
                8 * 1024 / MruSettings.NTPD_ENTRY_BYTES));
    }

    @Test
    void mruMaxdepthMinusOneMeansUnlimited() {
        assertThat(valid("mru maxdepth -1").mru().maxDepth()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void negativeMindepthIsAnError() {
        assertThat(errors("mru mindepth -5")).containsExactly("/etc/ntp.conf:1: mru: mindepth -5 is out of range "
                + "0..2147483647; use a value between 0 and 2147483647");
    }

    @Test
    void interfaceRulesKeepActionAndTarget() {
        NtpConfig config = valid("""
                interface ignore wildcard
                interface listen eth0
                nic drop ipv6
                interface listen 192.0.2.1
                interface ignore 2001:db8::/32
                """);
        assertThat(config.interfaceRules()).containsExactly(
                new InterfaceRule(InterfaceAction.IGNORE, new InterfaceMatch.Every(InterfaceMatch.Kind.WILDCARD)),
                new InterfaceRule(InterfaceAction.LISTEN, new InterfaceMatch.Name("eth0")),
                new InterfaceRule(InterfaceAction.DROP, new InterfaceMatch.Every(InterfaceMatch.Kind.IPV6)),
                new InterfaceRule(InterfaceAction.LISTEN,
                        new InterfaceMatch.Address(IpAddress.ipv4(0xC000_0201), OptionalInt.empty())),
                new InterfaceRule(InterfaceAction.IGNORE, new InterfaceMatch.Address(
                        IpAddress.parseLiteral("2001:db8::").orElseThrow(), OptionalInt.of(32))));
    }

    @Test
    void interfaceWithUnknownActionIsAnError() {
        assertThat(errors("interface listne all")).containsExactly(
                "/etc/ntp.conf:1: interface: unknown action \"listne\"; did you mean \"listen\"?");
    }

    @Test
    void interfaceWithExtraWordsIsAnError() {
        assertThat(errors("interface listen eth0 eth1")).containsExactly(
                "/etc/ntp.conf:1: interface: unexpected \"eth1\"; an interface line names one action and one target");
    }

    @Test
    void enableAndDisableChangeTheSystemFlags() {
        NtpConfig config = valid("disable monitor kernel\nenable calibrate pps\n");
        assertThat(config.isEnabled(SystemFlag.MONITOR)).isFalse();
        assertThat(config.isEnabled(SystemFlag.KERNEL)).isFalse();
        assertThat(config.isEnabled(SystemFlag.CALIBRATE)).isTrue();
        assertThat(config.isEnabled(SystemFlag.PPS)).isTrue();
        assertThat(config.isEnabled(SystemFlag.NTP)).isTrue();
    }

    @Test
    void unknownSystemFlagIsAnError() {
        assertThat(errors("disable monitr")).containsExactly(
                "/etc/ntp.conf:1: disable: unknown option \"monitr\"; did you mean \"monitor\"?");
    }

    @Test
    void tosKeepsNamesAndValues() {
        assertThat(valid("tos minclock 4 maxclock 10 mindist 0.02 orphan 10 basedate 2020-01-01").tos())
                .containsExactly(
                new TosOption("minclock", "4"), new TosOption("maxclock", "10"), new TosOption("mindist", "0.02"),
                new TosOption("orphan", "10"), new TosOption("basedate", "2020-01-01"));
    }

    @Test
    void tosValueOfTheWrongKindIsAnError() {
        assertThat(errors("tos minclock three")).containsExactly(
                "/etc/ntp.conf:1: tos: minclock \"three\" is not valid; write it like \"minclock 3\"");
    }

    @Test
    void tinkerKeepsNamesAndValues() {
        assertThat(valid("tinker step 0.4 stepout 300 panic 0 maxslewrate 5000").tinker()).containsExactly(
                new TinkerOption("step", 0.4), new TinkerOption("stepout", 300), new TinkerOption("panic", 0),
                new TinkerOption("maxslewrate", 5000));
    }

    @Test
    void tinkerOptionMisspeltIsAnError() {
        assertThat(errors("tinker stepot 300")).containsExactly(
                "/etc/ntp.conf:1: tinker: unknown option \"stepot\"; did you mean \"stepout\"?");
    }

    @Test
    void tosOptionMisspeltIsOneError() {
        assertThat(errors("tos minclok 3 maxclock 10")).containsExactly(
                "/etc/ntp.conf:1: tos: unknown option \"minclok\"; did you mean \"minclock\"?");
    }

    @Test
    void tinkerValueBelowZeroIsAnError() {
        assertThat(errors("tinker step -1")).containsExactly(
                "/etc/ntp.conf:1: tinker: step must not be negative; give a number of 0 or more");
    }

    @Test
    void filesAreKept() {
        FilePaths files = valid("""
                driftfile /var/lib/ntp/ntp.drift
                logfile /var/log/ntp.log
                pidfile /run/ntpd.pid
                leapfile /usr/share/zoneinfo/leap-seconds.list
                """).files();
        assertThat(files).isEqualTo(new FilePaths(Optional.of("/var/lib/ntp/ntp.drift"),
                Optional.of("/var/log/ntp.log"), Optional.of("/run/ntpd.pid"),
                Optional.of("/usr/share/zoneinfo/leap-seconds.list")));
    }

    @Test
    void driftfileWithTwoValuesIsAnError() {
        assertThat(errors("driftfile /var/lib/ntp/ntp.drift 1e-7")).containsExactly("/etc/ntp.conf:1: driftfile: "
                + "unexpected \"1e-7\"; driftfile takes one file name; put a name with blanks in double quotes");
    }

    @Test
    void statisticsAndFilegenAreKept() {
        StatisticsConfig statistics = valid("""
                statsdir /var/log/ntpstats/
                statistics loopstats peerstats
                filegen loopstats file loopstats type day enable
                """).statistics();
        assertThat(statistics.statsDir()).contains("/var/log/ntpstats/");
        assertThat(statistics.enabled()).containsExactly("loopstats", "peerstats");
        assertThat(statistics.fileGens()).containsExactly(new FileGen("loopstats", Optional.of("loopstats"),
                Optional.of("day"), Optional.empty(), Optional.of(true)));
    }
}
