package org.jntp.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressMaskTest {
    private static IpAddress ip(String text) {
        return IpAddress.parseLiteral(text).orElseThrow();
    }

    @Test
    void keepsTheAddressAlreadyMasked() {
        AddressMask network = new AddressMask(ip("192.168.1.77"), ip("255.255.255.0"));
        assertThat(network.address()).isEqualTo(ip("192.168.1.0"));
    }

    @Test
    void knowsThePrefixLengthOfContiguousMasks() {
        assertThat(new AddressMask(ip("10.0.0.0"), ip("255.0.0.0")).prefixLength()).isEqualTo(8);
        assertThat(AddressMask.host(ip("10.0.0.1")).prefixLength()).isEqualTo(32);
        assertThat(AddressMask.any(AddressFamily.IPV4).prefixLength()).isZero();
        assertThat(AddressMask.prefix(ip("2001:db8::"), 32).prefixLength()).isEqualTo(32);
        assertThat(AddressMask.prefix(ip("2001:db8::"), 96).prefixLength()).isEqualTo(96);
        assertThat(AddressMask.host(ip("2001:db8::1")).prefixLength()).isEqualTo(128);
    }

    @Test
    void reportsNonContiguousMasksAsHavingNoPrefixLength() {
        AddressMask odd = new AddressMask(ip("10.0.0.1"), ip("255.0.0.255"));
        assertThat(odd.prefixLength()).isEqualTo(-1);
        assertThat(odd).hasToString("10.0.0.1 mask 255.0.0.255");
    }

    @Test
    void containsTheAddressesOfItsNetwork() {
        AddressMask network = AddressMask.prefix(ip("2001:db8::"), 64);
        assertThat(network.contains(ip("2001:db8::1234"))).isTrue();
        assertThat(network.contains(ip("2001:db8:0:1::1"))).isFalse();
        assertThat(network.contains(ip("10.0.0.1"))).isFalse();
    }
}
