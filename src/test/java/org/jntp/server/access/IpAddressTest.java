package org.jntp.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IpAddressTest {
    @Test
    void parsesDottedQuadInNetworkOrder() {
        assertThat(IpAddress.parseLiteral("192.0.2.1")).contains(IpAddress.ipv4(0xC000_0201));
    }

    @Test
    void rejectsMalformedDottedQuads() {
        for (String text : new String[] {"192.0.2", "192.0.2.256", "192.0.2.01", "192.0.2.1.", "1.2.3.-4", "a.b.c.d"}) {
            assertThat(IpAddress.parseLiteral(text)).as(text).isEmpty();
        }
    }

    @Test
    void parsesCompressedIpv6() {
        assertThat(IpAddress.parseLiteral("2001:db8::1")).contains(IpAddress.ipv6(0x2001_0DB8_0000_0000L, 1));
        assertThat(IpAddress.parseLiteral("::")).contains(IpAddress.ipv6(0, 0));
        assertThat(IpAddress.parseLiteral("::1")).contains(IpAddress.ipv6(0, 1));
        assertThat(IpAddress.parseLiteral("fe80::")).contains(IpAddress.ipv6(0xFE80_0000_0000_0000L, 0));
    }

    @Test
    void parsesIpv6WithEmbeddedIpv4() {
        assertThat(IpAddress.parseLiteral("::ffff:192.0.2.1")).contains(IpAddress.ipv6(0, 0x0000_FFFF_C000_0201L));
    }

    @Test
    void rejectsMalformedIpv6AndZoneIndexes() {
        for (String text : new String[] {"1::2::3", ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4::5:6:7:8", "12345::",
                "fe80::1%eth0", "g::1", "1.2.3.4::", "1:2"}) {
            assertThat(IpAddress.parseLiteral(text)).as(text).isEmpty();
        }
    }

    @Test
    void neverTreatsHostNamesAsAddresses() {
        assertThat(IpAddress.parseLiteral("localhost")).isEmpty();
        assertThat(IpAddress.parseLiteral("0.debian.pool.ntp.org")).isEmpty();
    }

    @Test
    void printsIpv6AsRfc5952Recommends() {
        assertThat(IpAddress.ipv6(0x2001_0DB8_0000_0000L, 0x0000_0000_0000_0001L)).hasToString("2001:db8::1");
        assertThat(IpAddress.ipv6(0x2001_0DB8_0000_0001L, 0x0000_0000_0001_0000L)).hasToString("2001:db8:0:1::1:0");
        assertThat(IpAddress.ipv6(0x2001_0DB8_0000_0000L, 0x0001_0000_0000_0001L)).hasToString("2001:db8::1:0:0:1");
        assertThat(IpAddress.ipv6(0, 0)).hasToString("::");
    }

    @Test
    void printedAddressesParseBackToThemselves() {
        Random random = new Random(5905);
        for (int i = 0; i < 2000; i++) {
            long high = random.nextBoolean() ? random.nextLong() : random.nextLong() & 0xFFFF_0000_FFFF_0000L;
            long low = random.nextBoolean() ? random.nextLong() : random.nextLong() & 0x0000_FFFF_0000_0000L;
            IpAddress v6 = IpAddress.ipv6(high, low);
            IpAddress v4 = IpAddress.ipv4(random.nextInt());
            assertThat(IpAddress.parseLiteral(v6.toString())).as(v6.toString()).contains(v6);
            assertThat(IpAddress.parseLiteral(v4.toString())).as(v4.toString()).contains(v4);
        }
    }

    @Test
    void ipv4KeysAreIpv4MappedAndMapBack() {
        IpAddress address = IpAddress.ipv4(0xC000_0201);
        assertThat(address.mappedHigh()).isZero();
        assertThat(address.mappedLow()).isEqualTo(0x0000_FFFF_C000_0201L);
        assertThat(IpAddress.fromMapped(address.mappedHigh(), address.mappedLow())).isEqualTo(address);
        assertThat(IpAddress.fromMapped(0, 1)).isEqualTo(IpAddress.ipv6(0, 1));
    }

    @Test
    void turnsIntoAJdkAddressWithoutALookup() throws Exception {
        assertThat(IpAddress.parseLiteral("2001:db8::7").orElseThrow().inetAddress())
                .isEqualTo(InetAddress.getByName("2001:db8::7"));
        assertThat(IpAddress.parseLiteral("192.0.2.7").orElseThrow().inetAddress())
                .isEqualTo(InetAddress.getByName("192.0.2.7"));
    }

    @Test
    void isMadeFromAJdkAddress() throws Exception {
        assertThat(IpAddress.of(InetAddress.getByName("192.0.2.7"))).isEqualTo(IpAddress.ipv4(0xC000_0207));
        assertThat(IpAddress.of(InetAddress.getByName("2001:db8::7")))
                .isEqualTo(IpAddress.ipv6(0x2001_0db8_0000_0000L, 7));
    }
}
