package org.jntp.daemon.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

class LocalAddressesTest {

    @Test
    void listsTheIpv4LoopbackAddressOnALoopbackInterface() throws SocketException, UnknownHostException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");

        assertThat(LocalAddresses.list())
                .filteredOn(address -> address.address().equals(loopback))
                .singleElement()
                .satisfies(address -> {
                    assertThat(address.loopback()).isTrue();
                    assertThat(address.up()).isTrue();
                    assertThat(address.prefixLength()).isEqualTo(8);
                    assertThat(address.interfaceName()).isNotBlank();
                });
    }

    @Test
    void listsEachAddressOnce() throws SocketException {
        assertThat(LocalAddresses.list())
                .extracting(address -> address.interfaceName() + " " + address.address())
                .doesNotHaveDuplicates();
    }
}
