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
