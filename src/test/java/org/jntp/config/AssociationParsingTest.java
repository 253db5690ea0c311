package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.config.ConfigTesting.errors;
import static org.jntp.config.ConfigTesting.valid;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jntp.server.access.AddressFamily;
import org.jntp.server.access.IpAddress;
import org.junit.jupiter.api.Test;

class AssociationParsingTest {
    @Test
    void keepsEveryServerOption() {
        Association server = valid("server 192.0.2.1 iburst burst minpoll 4 maxpoll 10 prefer noselect true preempt "
                + "version 3 key 42 xleave").associations().getFirst();
        assertThat(server.type()).isEqualTo(AssociationType.SERVER);
        assertThat(server.address()).isEqualTo(new ServerAddress.Literal(IpAddress.ipv4(0xC000_0201)));
        assertThat(server.options().flags()).containsExactlyInAnyOrder(AssociationFlag.IBURST, AssociationFlag.BURST,
                AssociationFlag.PREFER, AssociationFlag.NOSELECT, AssociationFlag.TRUE, AssociationFlag.PREEMPT,
                AssociationFlag.XLEAVE);
        assertThat(server.options().minPollLog2()).hasValue(4);
        assertThat(server.options().maxPollLog2()).hasValue(10);
        assertThat(server.options().version()).hasValue(3);
        assertThat(server.options().key()).hasValue(42);
    }

    @Test
    void remembersTheFileAndLineItWasReadFrom() {
        Association peer = valid("server 192.0.2.1\n# a comment\npeer 192.0.2.9\n").associations().getLast();

        assertThat(peer.origin()).hasValueSatisfying(origin -> assertThat(origin.line()).isEqualTo(3));
        assertThat(peer.origin().orElseThrow().toString()).endsWith(":3");
    }

    @Test
    void leavesUngivenNumbersEmpty() {
        AssociationOptions options = valid("server 192.0.2.1").associations().getFirst().options();
        assertThat(options).isEqualTo(AssociationOptions.none());
        assertThat(options.minPollLog2()).isEqualTo(OptionalInt.empty());
    }

    @Test
    void keepsPoolAndPeerLinesWithHostNames() {
        NtpConfig config = valid("pool 0.debian.pool.ntp.org iburst\npeer ntp2.example.net\n");
        assertThat(config.associations()).extracting(Association::type)
                .containsExactly(AssociationType.POOL, AssociationType.PEER);
        assertThat(config.associations().getFirst().address())
                .isEqualTo(new ServerAddress.HostName("0.debian.pool.ntp.org", Optional.empty()));
        assertThat(config.associations().getFirst().options().flags()).isEqualTo(Set.of(AssociationFlag.IBURST));
    }

    @Test
    void familyFlagLimitsAHostName() {
        assertThat(valid("server -6 ntp.example.net").associations().getFirst().address())
                .isEqualTo(new ServerAddress.HostName("ntp.example.net", Optional.of(AddressFamily.IPV6)));
    }

    @Test
    void recognisesTheLocalClockAsAReferenceClock() {
        Association local = valid("server 127.127.1.0").associations().getFirst();
        assertThat(local.address()).isEqualTo(new RefclockAddress(1, 0));
        assertThat(local.isRefclock()).isTrue();
    }

    @Test
    void recognisesOtherReferenceClockTypesAndUnits() {
        assertThat(valid("server 127.127.20.1 mode 1 minpoll 4").associations().getFirst().address())
                .isEqualTo(new RefclockAddress(20, 1));
    }

    @Test
    void ordinaryLoopbackIsNotAReferenceClock() {
        assertThat(valid("server 127.0.0.1").associations().getFirst().isRefclock()).isFalse();
    }

    @Test
    void minpollOutOfRangeNamesTheRangeAndTheFix() {
        assertThat(errors("server 192.0.2.1 minpoll 2")).containsExactly(
                "/etc/ntp.conf:1: server: minpoll 2 is out of range 3..17; use a value between 3 and 17");
    }

    @Test
    void optionWithoutItsNumberIsAnError() {
        assertThat(errors("server 192.0.2.1 maxpoll")).containsExactly(
                "/etc/ntp.conf:1: server: maxpoll needs a number; use a whole number between 3 and 17");
    }

    @Test
    void optionWithAWordForANumberIsAnError() {
        assertThat(errors("server 192.0.2.1 version four")).containsExactly(
                "/etc/ntp.conf:1: server: version \"four\" is not a whole number; use a whole number between 1 and 4");
    }

    @Test
    void minpollAboveMaxpollIsAnError() {
        assertThat(errors("server 192.0.2.1 minpoll 10 maxpoll 6")).containsExactly(
                "/etc/ntp.conf:1: server: minpoll 10 is greater than maxpoll 6; make minpoll at most maxpoll");
    }

    @Test
    void misspeltOptionGetsASuggestion() {
        assertThat(errors("server 192.0.2.1 ibrust")).containsExactly(
                "/etc/ntp.conf:1: server: unknown option \"ibrust\"; did you mean \"iburst\"?");
    }

    @Test
    void upperCaseOptionIsToldToUseLowerCase() {
        assertThat(errors("server 192.0.2.1 IBURST")).containsExactly(
                "/etc/ntp.conf:1: server: unknown option \"IBURST\"; keywords are lower case: write \"iburst\"");
    }

    @Test
    void autokeyIsRejectedAsUnsupported() {
        assertThat(errors("server 192.0.2.1 autokey")).containsExactly(
                "/etc/ntp.conf:1: server: option \"autokey\" is not supported; remove it from the line");
    }

    @Test
    void missingAddressIsAnError() {
        assertThat(errors("pool")).containsExactly(
                "/etc/ntp.conf:1: pool: needs an address or host name; write it as \"pool 0.pool.ntp.org iburst\"");
    }

    @Test
    void malformedAddressIsAnError() {
        assertThat(errors("server 192.0.2.300")).singleElement().asString()
                .startsWith("/etc/ntp.conf:1: server: \"192.0.2.300\" is not a valid IP address; write an IPv4");
    }

    @Test
    void malformedHostNameIsAnError() {
        assertThat(errors("server ntp_1..example")).singleElement().asString()
                .startsWith("/etc/ntp.conf:1: server: \"ntp_1..example\" is not a valid host name;");
    }

    @Test
    void familyFlagMustAgreeWithALiteral() {
        assertThat(errors("server -4 2001:db8::1")).containsExactly("/etc/ntp.conf:1: server: -4 is given but "
                + "2001:db8::1 is an IPv6 address; remove the -4/-6 or use an address of that family");
    }

    @Test
    void familyFlagLimitsAPeerHostName() {
        assertThat(valid("peer -4 ntp2.example.net").associations().getFirst().address())
                .isEqualTo(new ServerAddress.HostName("ntp2.example.net", Optional.of(AddressFamily.IPV4)));
    }

    @Test
    void familyFlagMustAgreeWithAPeerLiteral() {
        assertThat(errors("peer -6 192.0.2.9")).containsExactly("/etc/ntp.conf:1: peer: -6 is given but "
                + "192.0.2.9 is an IPv4 address; remove the -4/-6 or use an address of that family");
    }

    @Test
    void portAfterAHostNameIsTheNtsKePortOfAnNtsLine() {
        Association server = valid("server zoo.example.net:4446 nts").associations().getFirst();

        assertThat(server.address()).isEqualTo(new ServerAddress.HostName("zoo.example.net", Optional.empty()));
        assertThat(server.options().ntsKePort()).hasValue(4446);
    }

    @Test
    void portAfterAnIpv4AddressIsTheNtsKePortOfAnNtsLine() {
        Association server = valid("server 192.0.2.1:443 nts").associations().getFirst();

        assertThat(server.address()).isEqualTo(new ServerAddress.Literal(IpAddress.ipv4(0xC000_0201)));
        assertThat(server.options().ntsKePort()).hasValue(443);
    }

    @Test
    void portAfterABracketedIpv6AddressIsTheNtsKePortOfAnNtsLine() {
        Association server = valid("server [2001:db8::1]:4446 nts").associations().getFirst();

        assertThat(server.address())
                .isEqualTo(new ServerAddress.Literal(IpAddress.parseLiteral("2001:db8::1").orElseThrow()));
        assertThat(server.options().ntsKePort()).hasValue(4446);
    }

    @Test
    void portOnAPoolLineIsItsNtsKePort() {
        Association pool = valid("pool nts.example.net:4446 nts iburst").associations().getFirst();

        assertThat(pool.type()).isEqualTo(AssociationType.POOL);
        assertThat(pool.options().ntsKePort()).hasValue(4446);
    }

    @Test
    void familyFlagLimitsAHostNameWithAPort() {
        Association server = valid("server -4 zoo.example.net:4446 nts").associations().getFirst();

        assertThat(server.address())
                .isEqualTo(new ServerAddress.HostName("zoo.example.net", Optional.of(AddressFamily.IPV4)));
        assertThat(server.options().ntsKePort()).hasValue(4446);
    }

    @Test
    void ipv6AddressWithoutBracketsHasNoPort() {
        Association server = valid("server 2001:db8::4446 nts").associations().getFirst();

        assertThat(server.address())
                .isEqualTo(new ServerAddress.Literal(IpAddress.parseLiteral("2001:db8::4446").orElseThrow()));
        assertThat(server.options().ntsKePort()).isEmpty();
    }

    @Test
    void bracketedIpv6AddressWithoutAPortIsTheAddress() {
        Association server = valid("server [2001:db8::1] iburst").associations().getFirst();

        assertThat(server.address())
                .isEqualTo(new ServerAddress.Literal(IpAddress.parseLiteral("2001:db8::1").orElseThrow()));
        assertThat(server.options().ntsKePort()).isEmpty();
    }

    @Test
    void portOnALineWithoutNtsIsAnError() {
        assertThat(errors("server ntp.example.net:4446 iburst")).containsExactly("/etc/ntp.conf:1: server: the port "
                + "of \"ntp.example.net:4446\" is an NTS-KE port, for NTS lines only; add \"nts\" to the line, or write "
                + "the address without \":4446\"");
    }

    @Test
    void portOutOfRangeIsAnError() {
        assertThat(errors("server ntp.example.net:65536 nts")).containsExactly("/etc/ntp.conf:1: server: port "
                + "\"65536\" of \"ntp.example.net:65536\" is not a number 1..65535; write the NTS-KE server's port as "
                + "a number, as ntp.example.net:4460");
    }

    @Test
    void portThatIsNotANumberIsAnError() {
        assertThat(errors("server ntp.example.net:ntske nts")).singleElement().asString()
                .startsWith("/etc/ntp.conf:1: server: port \"ntske\" of \"ntp.example.net:ntske\" is not a number");
    }

    @Test
    void emptyPortIsAnError() {
        assertThat(errors("server [2001:db8::1]: nts")).singleElement().asString()
                .startsWith("/etc/ntp.conf:1: server: port \"\" of \"[2001:db8::1]:\" is not a number");
    }

    @Test
    void bracketWithoutItsCloseIsAnError() {
        assertThat(errors("server [2001:db8::1:4446 nts")).containsExactly("/etc/ntp.conf:1: server: "
                + "\"[2001:db8::1:4446\" has no closing bracket; write an IPv6 address with a port as "
                + "[2001:db8::1]:4460");
    }

    @Test
    void bracketsAroundAHostNameAreAnError() {
        assertThat(errors("server [ntp.example.net]:4446 nts")).containsExactly("/etc/ntp.conf:1: server: brackets "
                + "hold an IPv6 address, not \"ntp.example.net\"; write an IPv4 address or a host name without "
                + "brackets, as ntp.example.net:4460");
    }

    @Test
    void wordsAfterTheBracketsOtherThanAPortAreAnError() {
        assertThat(errors("server [2001:db8::1]4446 nts")).containsExactly("/etc/ntp.conf:1: server: \"4446\" after "
                + "the brackets of \"[2001:db8::1]4446\" is not a port; write an IPv6 address with a port as "
                + "[2001:db8::1]:4460");
    }

    @Test
    void familyFlagMustAgreeWithABracketedLiteral() {
        assertThat(errors("server -4 [2001:db8::1]:4446 nts")).containsExactly("/etc/ntp.conf:1: server: -4 is "
                + "given but 2001:db8::1 is an IPv6 address; remove the -4/-6 or use an address of that family");
    }

    @Test
    void referenceClockCannotBeAPool() {
        assertThat(errors("pool 127.127.1.0")).containsExactly("/etc/ntp.conf:1: pool: a reference clock cannot be "
                + "a pool; configure reference clocks with \"server 127.127.1.0\"");
    }

    @Test
    void fudgeKeepsStratumAndRefidOfTheLocalClock() {
        Fudge fudge = valid("server 127.127.1.0\nfudge 127.127.1.0 stratum 10 refid LOCL time1 0.25 flag1 1\n")
                .fudges().getFirst();
        assertThat(fudge.clock()).isEqualTo(new RefclockAddress(1, 0));
        assertThat(fudge.stratum()).hasValue(10);
        assertThat(fudge.refid()).contains("LOCL");
        assertThat(fudge.time1Seconds()).hasValue(0.25);
        assertThat(fudge.flags()).containsEntry(1, true);
    }

    @Test
    void fudgeOfANetworkAddressIsAnError() {
        assertThat(errors("fudge 192.0.2.1 stratum 10")).containsExactly("/etc/ntp.conf:1: fudge: \"192.0.2.1\" is "
                + "not a reference clock address; fudge applies to reference clocks, written 127.127.TYPE.UNIT such as "
                + "127.127.1.0");
    }

    @Test
    void fudgeRefidLongerThanFourCharactersIsAnError() {
        assertThat(errors("fudge 127.127.1.0 refid LOCAL")).containsExactly("/etc/ntp.conf:1: fudge: refid \"LOCAL\" "
                + "is not 1 to 4 printable ASCII characters; use a short name such as LOCL, GPS or PPS");
    }

    @Test
    void fudgeStratumOutOfRangeIsAnError() {
        assertThat(errors("fudge 127.127.1.0 stratum 17")).containsExactly(
                "/etc/ntp.conf:1: fudge: stratum 17 is out of range 0..16; use a value between 0 and 16");
    }
}
