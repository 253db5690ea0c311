package org.jntp.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MruQueryTest {
    private static MruQuery.Parse parse(String text) {
        return MruQuery.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static MruQuery read(String text) {
        return ((MruQuery.Parse.Read) parse(text)).query();
    }

    @Test
    void readsNtpqsFirstRequest() {
        MruQuery query = read("nonce=eeb2558e0000000012345678, frags=32");

        assertThat(query.nonce()).contains("eeb2558e0000000012345678");
        assertThat(query.frags()).isEqualTo(32);
        assertThat(query.limit()).isZero();
        assertThat(query.priors()).isEmpty();
    }

    @Test
    void readsTheFilters() {
        MruQuery query =
                read("nonce=1, limit=10, mincount=2, resall=0x80, resany=0x1c0, maxlstint=60, laddr=127.0.0.1");

        assertThat(query.limit()).isEqualTo(10);
        assertThat(query.mincount()).isEqualTo(2);
        assertThat(query.restrictAll()).isEqualTo(0x80);
        assertThat(query.restrictAny()).isEqualTo(0x1c0);
        assertThat(query.maxLastIntervalSeconds()).isEqualTo(60);
    }

    @Test
    void readsWhereTheClientGotToInIndexOrder() {
        MruQuery query = read("nonce=1, frags=32, last.0=0xeeb2558e.80000000, addr.0=192.0.2.9:40123,"
                + " last.1=0xeeb2558d.00000000, addr.1=[2001:db8::9]:123");

        assertThat(query.priors()).containsExactly(
                new MruQuery.Prior(new InetSocketAddress(InetAddress.ofLiteral("192.0.2.9"), 40123),
                        0xeeb2558e80000000L),
                new MruQuery.Prior(new InetSocketAddress(InetAddress.ofLiteral("2001:db8::9"), 123),
                        0xeeb2558d00000000L));
    }

    @Test
    void takesAnAddressWithoutPortForPort123() {
        assertThat(MruQuery.socketAddress("192.0.2.9"))
                .contains(new InetSocketAddress(InetAddress.ofLiteral("192.0.2.9"), 123));
        assertThat(MruQuery.socketAddress("2001:db8::9"))
                .contains(new InetSocketAddress(InetAddress.ofLiteral("2001:db8::9"), 123));
    }

    @Test
    void refusesAMalformedAddress() {
        assertThat(MruQuery.socketAddress("192.0.2.300:123")).isEmpty();
        assertThat(MruQuery.socketAddress("ntp.example.org")).isEmpty();
        assertThat(MruQuery.socketAddress("192.0.2.9:99999")).isEmpty();
    }

    @Test
    void aValueNtpdCannotReadIsABadValue() {
        assertThat(parse("nonce=1, frags=many")).isEqualTo(new MruQuery.Parse.BadValue("frags"));
        assertThat(parse("nonce=1, frags=1, last.0=yesterday")).isEqualTo(new MruQuery.Parse.BadValue("last.0"));
        assertThat(parse("nonce=1, resall=80")).isEqualTo(new MruQuery.Parse.BadValue("resall"));
    }

    @Test
    void stopsReadingAtTheFirstUnknownName() {
        MruQuery query = read("nonce=1, recent=5, frags=32");

        assertThat(query.frags()).isZero();
    }
}
