package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.config.ConfigTesting.errors;
import static org.jntp.config.ConfigTesting.valid;

import org.jntp.server.access.IpAddress;
import org.junit.jupiter.api.Test;

class MetricsParsingTest {
    private static final String FIX = "write the address and TCP port to serve metrics on, such as"
            + " \"metrics 127.0.0.1:9975\" or \"metrics [::1]:9975\"";

    @Test
    void servesNoMetricsByDefault() {
        assertThat(valid("server 192.0.2.1").metrics()).isEmpty();
    }

    @Test
    void takesAnIpv4AddressAndPort() {
        assertThat(valid("metrics 127.0.0.1:9975").metrics()).contains(
                new MetricsEndpoint(IpAddress.parseLiteral("127.0.0.1").orElseThrow(), 9975));
    }

    @Test
    void takesAnIpv6AddressInBrackets() {
        assertThat(valid("metrics [::1]:9975").metrics()).contains(
                new MetricsEndpoint(IpAddress.parseLiteral("::1").orElseThrow(), 9975));
    }

    @Test
    void writesTheEndpointAsTheDirectiveDoes() {
        assertThat(valid("metrics [::1]:9975").metrics().orElseThrow()).hasToString("[::1]:9975");
        assertThat(valid("metrics 192.0.2.1:80").metrics().orElseThrow()).hasToString("192.0.2.1:80");
    }

    @Test
    void laterLineWins() {
        assertThat(valid("metrics 127.0.0.1:9975\nmetrics 127.0.0.2:9976\n").metrics().orElseThrow())
                .hasToString("127.0.0.2:9976");
    }

    @Test
    void missingEndpointIsAnErrorNamingFileAndLine() {
        assertThat(errors("server 192.0.2.1\nmetrics\n")).containsExactly(
                "/etc/ntp.conf:2: metrics: needs the address and port to serve metrics on; " + FIX);
    }

    @Test
    void addressWithoutPortIsAnError() {
        assertThat(errors("metrics 127.0.0.1")).containsExactly(
                "/etc/ntp.conf:1: metrics: \"127.0.0.1\" has no port; " + FIX);
    }

    @Test
    void hostNameIsAnError() {
        assertThat(errors("metrics localhost:9975")).containsExactly(
                "/etc/ntp.conf:1: metrics: \"localhost\" is not a numeric IP address; " + FIX);
    }

    @Test
    void ipv6AddressWithoutBracketsIsAnError() {
        assertThat(errors("metrics ::1:9975")).containsExactly(
                "/etc/ntp.conf:1: metrics: the IPv6 address in \"::1:9975\" is not in brackets; " + FIX);
    }

    @Test
    void ipv4AddressInBracketsIsAnError() {
        assertThat(errors("metrics [127.0.0.1]:9975")).containsExactly(
                "/etc/ntp.conf:1: metrics: the IPv4 address in \"[127.0.0.1]:9975\" is in brackets; " + FIX);
    }

    @Test
    void portZeroIsAnError() {
        assertThat(errors("metrics 127.0.0.1:0")).containsExactly(
                "/etc/ntp.conf:1: metrics: \"0\" is not a TCP port 1..65535; " + FIX);
    }

    @Test
    void portAbove65535IsAnError() {
        assertThat(errors("metrics 127.0.0.1:65536")).containsExactly(
                "/etc/ntp.conf:1: metrics: \"65536\" is not a TCP port 1..65535; " + FIX);
    }

    @Test
    void portThatIsNoNumberIsAnError() {
        assertThat(errors("metrics 127.0.0.1:http")).containsExactly(
                "/etc/ntp.conf:1: metrics: \"http\" is not a TCP port 1..65535; " + FIX);
    }

    @Test
    void extraWordIsAnError() {
        assertThat(errors("metrics 127.0.0.1:9975 tls")).containsExactly(
                "/etc/ntp.conf:1: metrics: unexpected \"tls\"; metrics takes one ADDRESS:PORT");
    }
}
