package org.jntp.daemon.net;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointTest {

    @Test
    void holdsIpv4AsItsMappedIpv6Form() throws UnknownHostException {
        Endpoint endpoint = Endpoint.of(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 123));

        assertThat(endpoint.family()).isEqualTo(IpFamily.IPV4);
        assertThat(endpoint.addressHigh()).isZero();
        assertThat(endpoint.addressLow()).isEqualTo(0x0000_FFFF_C000_0201L);
        assertThat(endpoint.ipv4Address()).isEqualTo(0xC000_0201);
        assertThat(endpoint.port()).isEqualTo(123);
    }

    @Test
    void holdsIpv6InNetworkOrder() throws UnknownHostException {
        Endpoint endpoint = Endpoint.of(new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 123));

        assertThat(endpoint.family()).isEqualTo(IpFamily.IPV6);
        assertThat(endpoint.addressHigh()).isEqualTo(0x2001_0DB8_0000_0000L);
        assertThat(endpoint.addressLow()).isEqualTo(1L);
    }

    @Test
    void convertsToAndFromJdkAddressesUnchanged() throws UnknownHostException {
        Random random = new Random(5905);
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = new byte[random.nextBoolean() ? 4 : 16];
            random.nextBytes(bytes);
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByAddress(bytes), random.nextInt(65536));

            assertThat(Endpoint.of(address).toInetSocketAddress()).isEqualTo(address);
        }
    }

    @Test
    void survivesTheSockaddrRoundTrip() throws UnknownHostException {
        Random random = new Random(1305);
        try (SendBatch scratch = SendBatch.allocate(1, 1)) {
            for (int i = 0; i < 1000; i++) {
                byte[] bytes = new byte[random.nextBoolean() ? 4 : 16];
                random.nextBytes(bytes);
                Endpoint written = Endpoint.of(new InetSocketAddress(InetAddress.getByAddress(bytes), random.nextInt(65536)));
                Endpoint read = new Endpoint();

                Sockaddr.write(scratch.slots().names, 0, written);
                Sockaddr.read(scratch.slots().names, 0, read);

                assertThat(read.sameAs(written)).as("%s", written).isTrue();
            }
        }
    }

    @Test
    void printsIpv6InBrackets() throws UnknownHostException {
        assertThat(Endpoint.of(new InetSocketAddress(InetAddress.getByName("::1"), 123))).hasToString("[::1]:123");
        assertThat(Endpoint.of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 123))).hasToString("127.0.0.1:123");
    }

    @Test
    void copiesAnotherEndpoint() throws UnknownHostException {
        Endpoint original = Endpoint.of(new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 4123));
        Endpoint copy = new Endpoint();

        copy.copyFrom(original);

        assertThat(copy.sameAs(original)).isTrue();
    }
}
