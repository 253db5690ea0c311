package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.jntp.server.access.IpAddress;
import org.junit.jupiter.api.Test;

class RuntimeConfigTest {
    @Test
    void takesServerPoolAndPeerLinesWithAddresses() {
        RuntimeConfig.Result result = RuntimeConfig.parse("server 192.0.2.1 iburst\npeer 2001:db8::2\n");

        assertThat(result).isInstanceOfSatisfying(RuntimeConfig.Result.Accepted.class, accepted ->
                assertThat(accepted.associations()).extracting(Association::type)
                        .containsExactly(AssociationType.SERVER, AssociationType.PEER));
    }

    @Test
    void takesUnpeerByAddressOrAssociationIdBesideServerLines() {
        RuntimeConfig.Result result = RuntimeConfig.parse("unpeer 192.0.2.1\nserver 192.0.2.9\nunpeer 39442\n");

        assertThat(result).isInstanceOfSatisfying(RuntimeConfig.Result.Accepted.class, accepted -> {
            assertThat(accepted.associations()).singleElement().satisfies(association ->
                    assertThat(association.origin().orElseThrow().line()).isEqualTo(2));
            assertThat(accepted.unpeers()).containsExactly(
                    new RuntimeConfig.Unpeer.ByAddress(IpAddress.parseLiteral("192.0.2.1").orElseThrow()),
                    new RuntimeConfig.Unpeer.ById(39442));
        });
    }

    @Test
    void takesAnNtsSourceAsNtpConfWould() {
        RuntimeConfig.Result result = RuntimeConfig.parse("server 192.0.2.1\nserver 192.0.2.2 nts\n");

        assertThat(result).isInstanceOfSatisfying(RuntimeConfig.Result.Accepted.class, accepted -> assertThat(
                accepted.associations().getLast().options().has(AssociationFlag.NTS)).isTrue());
    }

    @Test
    void takesTheNtsKePortOfAnNtsSourceAsNtpConfWould() {
        RuntimeConfig.Result result = RuntimeConfig.parse("server nts.example.net:4446 nts\n");

        assertThat(result).isInstanceOfSatisfying(RuntimeConfig.Result.Accepted.class, accepted -> assertThat(
                accepted.associations().getLast().options().ntsKePort()).hasValue(4446));
    }

    @Test
    void takesUnconfigAsUnpeer() {
        assertThat(RuntimeConfig.parse("unconfig 192.0.2.1")).isInstanceOfSatisfying(RuntimeConfig.Result.Accepted.class,
                accepted -> assertThat(accepted.unpeers()).containsExactly(
                        new RuntimeConfig.Unpeer.ByAddress(IpAddress.parseLiteral("192.0.2.1").orElseThrow())));
    }

    @Test
    void refusesAnUnpeerOfAName() {
        RuntimeConfig.Result result = RuntimeConfig.parse("unpeer ntp.example");

        assertThat(result).isInstanceOfSatisfying(RuntimeConfig.Result.Refused.class, refused -> {
            assertThat(refused.error().column()).isEqualTo(8);
            assertThat(refused.error().message()).contains("neither an address nor an association ID");
        });
    }

    @Test
    void refusesADirectiveThatIsNotChangedAtRunTimeNamingItsPlace() {
        RuntimeConfig.Result result = RuntimeConfig.parse("server 192.0.2.1\n  tinker panic 0\n");

        assertThat(result).isInstanceOfSatisfying(RuntimeConfig.Result.Refused.class, refused -> {
            assertThat(refused.error().line()).isEqualTo(2);
            assertThat(refused.error().column()).isEqualTo(3);
            assertThat(refused.error().message()).isEqualTo("\"tinker\" is not changed at run time by jntp");
        });
    }

    @Test
    void acceptsAHostNameToBeLookedUpAfterTheReply() {
        RuntimeConfig.Result result = RuntimeConfig.parse("pool pool.ntp.example iburst");

        assertThat(result).isInstanceOfSatisfying(RuntimeConfig.Result.Accepted.class, accepted ->
                assertThat(accepted.associations()).singleElement().satisfies(association ->
                        assertThat(association.address()).isInstanceOf(ServerAddress.HostName.class)));
    }

    @Test
    void refusesTheLocalClockAtRunTime() {
        assertThat(RuntimeConfig.parse("server 127.127.1.0")).isInstanceOf(RuntimeConfig.Result.Refused.class);
    }

    @Test
    void reportsASyntaxErrorWithTheColumnOfTheWord() {
        RuntimeConfig.Result result = RuntimeConfig.parse("server 192.0.2.1 minpoll x");

        assertThat(result).isInstanceOfSatisfying(RuntimeConfig.Result.Refused.class, refused ->
                assertThat(refused.error().column()).isEqualTo(26));
    }
}
