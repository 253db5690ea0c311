package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.config.ConfigTesting.errors;
import static org.jntp.config.ConfigTesting.valid;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jntp.server.access.AddressFamily;
import org.jntp.server.access.AddressMask;
import org.jntp.server.access.IpAddress;
import org.jntp.server.access.RestrictFlag;
import org.jntp.server.access.RestrictRule;
import org.jntp.server.access.RestrictTarget;
import org.junit.jupiter.api.Test;

class RestrictParsingTest {
    private static IpAddress ip(String text) {
        return IpAddress.parseLiteral(text).orElseThrow();
    }

    private static RestrictRule only(String line) {
        List<RestrictRule> rules = valid(line).restrictions();
        assertThat(rules).hasSize(1);
        return rules.getFirst();
    }

    @Test
    void defaultWithoutFamilyAppliesToBothFamilies() {
        RestrictRule rule = only("restrict default kod limited nomodify notrap nopeer noquery");
        assertThat(rule.target()).isEqualTo(RestrictTarget.Default.bothFamilies());
        assertThat(rule.flags()).containsExactlyInAnyOrder(RestrictFlag.KOD, RestrictFlag.LIMITED,
                RestrictFlag.NOMODIFY, RestrictFlag.NOTRAP, RestrictFlag.NOPEER, RestrictFlag.NOQUERY);
    }

    @Test
    void familyFlagsSelectOneDefault() {
        assertThat(only("restrict -4 default noquery").target())
                .isEqualTo(RestrictTarget.Default.of(AddressFamily.IPV4));
        assertThat(only("restrict -6 default noquery").target())
                .isEqualTo(RestrictTarget.Default.of(AddressFamily.IPV6));
    }

    @Test
    void bareAddressIsASingleHost() {
        assertThat(only("restrict 127.0.0.1").target())
                .isEqualTo(new RestrictTarget.Network(AddressMask.host(ip("127.0.0.1"))));
        assertThat(only("restrict ::1").target()).isEqualTo(new RestrictTarget.Network(AddressMask.host(ip("::1"))));
    }

    @Test
    void maskGivesTheNetwork() {
        assertThat(only("restrict 192.168.123.0 mask 255.255.255.0 notrust").target())
                .isEqualTo(new RestrictTarget.Network(AddressMask.prefix(ip("192.168.123.0"), 24)));
    }

    @Test
    void cidrPrefixGivesTheNetwork() {
        assertThat(only("restrict 2001:db8::/32 nopeer").target())
                .isEqualTo(new RestrictTarget.Network(AddressMask.prefix(ip("2001:db8::"), 32)));
    }

    @Test
    void sourceIsKeptAsTheTemplate() {
        RestrictRule rule = only("restrict source notrap nomodify noquery");
        assertThat(rule.target()).isEqualTo(new RestrictTarget.Source());
        assertThat(valid("restrict source notrap nomodify noquery").restrictTable().sourceTemplate()).isPresent();
    }

    @Test
    void ntpportAndIppeerlimitAreKept() {
        RestrictRule rule = only("restrict 192.0.2.1 ippeerlimit 2 ignore ntpport");
        assertThat(rule.ntpPortOnly()).isTrue();
        assertThat(rule.ipPeerLimit()).isEqualTo(2);
        assertThat(rule.flags()).containsExactly(RestrictFlag.IGNORE);
    }

    @Test
    void everyNtpdFlagIsAccepted() {
        String flags = String.join(" ", EnumSet.allOf(RestrictFlag.class).stream().map(RestrictFlag::keyword).toList());
        assertThat(only("restrict default " + flags).flags()).isEqualTo(EnumSet.allOf(RestrictFlag.class));
    }

    @Test
    void unrestrictIsKeptAsSuch() {
        RestrictRule rule = only("unrestrict 192.0.2.0/24 noquery");
        assertThat(rule.action()).isEqualTo(RestrictRule.Action.UNRESTRICT);
        assertThat(rule.flags()).isEqualTo(Set.of(RestrictFlag.NOQUERY));
    }

    @Test
    void misspeltFlagGetsASuggestion() {
        assertThat(errors("\n".repeat(11) + "restrict default nomodfy")).containsExactly(
                "/etc/ntp.conf:12: restrict: unknown flag \"nomodfy\"; did you mean \"nomodify\"?");
    }

    @Test
    void capitalisedFlagIsToldToUseLowerCase() {
        assertThat(errors("restrict default NoModify")).containsExactly(
                "/etc/ntp.conf:1: restrict: unknown flag \"NoModify\"; keywords are lower case: write \"nomodify\"");
    }

    @Test
    void hostNamesAreNotSupportedYet() {
        assertThat(errors("restrict time.example.net nomodify")).containsExactly("/etc/ntp.conf:1: restrict: host name "
                + "\"time.example.net\" is not supported in restrict lines yet; use the numeric address; ntpd would "
                + "resolve the name only once, at startup");
    }

    @Test
    void maskOnDefaultIsAnError() {
        assertThat(errors("restrict default mask 255.0.0.0")).containsExactly("/etc/ntp.conf:1: restrict: mask applies "
                + "only to an address; remove the mask, or give an address before it");
    }

    @Test
    void maskOfTheOtherFamilyIsAnError() {
        assertThat(errors("restrict 192.0.2.0 mask ffff::")).singleElement().asString()
                .startsWith("/etc/ntp.conf:1: restrict: mask ffff:: is not of the address's family;");
    }

    @Test
    void prefixAndMaskTogetherAreAnError() {
        assertThat(errors("restrict 192.0.2.0/24 mask 255.255.255.0")).containsExactly(
                "/etc/ntp.conf:1: restrict: both a /prefix and a mask are given; keep one of them");
    }

    @Test
    void prefixLongerThanTheAddressIsAnError() {
        assertThat(errors("restrict 192.0.2.0/33")).containsExactly(
                "/etc/ntp.conf:1: restrict: prefix length \"33\" is out of range 0..32; use a value between 0 and 32");
    }

    @Test
    void restrictSourceTakesNoFamily() {
        assertThat(errors("restrict -4 source nomodify")).singleElement().asString()
                .startsWith("/etc/ntp.conf:1: restrict: -4 and -6 do not apply to restrict source;");
    }

    @Test
    void restrictLinesBuildTheTable() {
        NtpConfig config = valid("""
                restrict -4 default kod limited nomodify
                restrict -6 default kod limited nomodify
                restrict 127.0.0.1
                restrict ::1
                """);
        assertThat(config.restrictTable().matchIpv4(0x7F00_0001, 40000)).isZero();
        assertThat(config.restrictTable().matchIpv4(0xC000_0201, 40000))
                .isEqualTo(RestrictFlag.mask(
                        EnumSet.of(RestrictFlag.KOD, RestrictFlag.LIMITED, RestrictFlag.NOMODIFY)));
        assertThat(config.restrictTable().matchIpv6(0, 1, 40000)).isZero();
    }
}
