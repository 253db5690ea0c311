package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.config.ConfigTesting.errors;
import static org.jntp.config.ConfigTesting.valid;

import org.junit.jupiter.api.Test;

class UnpeerParsingTest {
    private static String addresses(NtpConfig config) {
        return String.join(" ", config.associations().stream().map(a -> a.address().toString()).toList());
    }

    @Test
    void dropsTheServerWithThatAddress() {
        assertThat(addresses(valid("server 192.0.2.1\nserver 192.0.2.2\nunpeer 192.0.2.1\n")))
                .isEqualTo("192.0.2.2");
    }

    @Test
    void dropsALineThatComesAfterItAsNtpdAppliesUnpeerLast() {
        assertThat(addresses(valid("unpeer 192.0.2.1\nserver 192.0.2.1\nserver 192.0.2.2\n"))).isEqualTo("192.0.2.2");
    }

    @Test
    void dropsAPoolByItsNameInAnyCase() {
        assertThat(addresses(valid("pool 0.debian.pool.ntp.org iburst\nserver 192.0.2.2\nunconfig 0.Debian.pool.NTP.org\n")))
                .isEqualTo("192.0.2.2");
    }

    @Test
    void matchesAnIpv6AddressWrittenAnotherWay() {
        assertThat(addresses(valid("server 2001:db8::1\nunpeer 2001:0db8:0:0::1\n"))).isEmpty();
    }

    @Test
    void dropsTheLocalClock() {
        assertThat(addresses(valid("server 127.127.1.0\nserver 192.0.2.2\nunpeer 127.127.1.0\n"))).isEqualTo("192.0.2.2");
    }

    @Test
    void anUnpeerThatMatchesNothingHasNoEffect() {
        assertThat(addresses(valid("server 192.0.2.1\nunpeer 192.0.2.9\n"))).isEqualTo("192.0.2.1");
    }

    @Test
    void refusesAnAssociationIdWhichOnlyNtpqKnows() {
        assertThat(errors("server 192.0.2.1\nunpeer 34567\n")).singleElement().asString()
                .contains("association IDs are for ntpq :config").contains("unpeer 192.0.2.1");
    }

    @Test
    void needsOneAddress() {
        assertThat(errors("unpeer")).singleElement().asString().contains("unpeer needs a value");
        assertThat(errors("unpeer 192.0.2.1 192.0.2.2")).singleElement().asString().contains("unexpected \"192.0.2.2\"");
    }
}
