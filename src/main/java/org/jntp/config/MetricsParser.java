package org.jntp.config;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jntp.server.access.AddressFamily;
import org.jntp.server.access.IpAddress;

/**
 * {@code metrics ADDRESS:PORT}: serve Prometheus metrics over HTTP on that address, written
 * {@code 127.0.0.1:9975} or {@code [::1]:9975}. jntp's own directive: neither ntpd 4.2.8 nor
 * NTPsec has one (their users scrape them through an exporter that runs ntpq), and jntp serves the
 * same figures itself so that no extra process is needed. ntpd would reject the line, so a file
 * that uses it is for jntp only. Off unless given; the address must be numeric, for the endpoint
 * is bound before any name could be looked up and a name could mean several addresses.
 */
final class MetricsParser {
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final String FIX = "write the address and TCP port to serve metrics on, such as"
            + " \"metrics 127.0.0.1:9975\" or \"metrics [::1]:9975\"";

    private MetricsParser() {}

    static void parse(LineCursor line, ConfigBuilder config) {
        if (!line.hasNext()) {
            line.error("needs the address and port to serve metrics on", FIX);
            return;
        }
        Optional<MetricsEndpoint> endpoint = endpoint(line, line.next());
        line.rejectRest("metrics takes one ADDRESS:PORT");
        if (line.clean()) {
            config.metrics(endpoint.orElseThrow());
        }
    }

    private static Optional<MetricsEndpoint> endpoint(LineCursor line, Token word) {
        String text = word.text();
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            line.error(word, "\"" + text + "\" has no port", FIX);
            return Optional.empty();
        }
        String host = text.substring(0, colon);
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        Optional<IpAddress> address = IpAddress.parseLiteral(bracketed ? host.substring(1, host.length() - 1) : host);
        if (address.isEmpty()) {
            line.error(word, "\"" + host + "\" is not a numeric IP address", FIX);
            return Optional.empty();
        }
        if (address.get().family() == AddressFamily.IPV6 && !bracketed) {
            line.error(word, "the IPv6 address in \"" + text + "\" is not in brackets", FIX);
            return Optional.empty();
        }
        if (address.get().family() == AddressFamily.IPV4 && bracketed) {
            line.error(word, "the IPv4 address in \"" + text + "\" is in brackets", FIX);
            return Optional.empty();
        }
        String portText = text.substring(colon + 1);
        int port = PORT.matcher(portText).matches() ? Integer.parseInt(portText) : 0;
        if (port < 1 || port > 0xFFFF) {
            line.error(word, "\"" + portText + "\" is not a TCP port 1..65535", FIX);
            return Optional.empty();
        }
        return Optional.of(new MetricsEndpoint(address.get(), port));
    }
}
