package org.jntp.config;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The address word of a server, pool or peer line split as NTPsec writes an NTS-KE server on
 * another port: {@code HOST:PORT}, {@code [IPV6]:PORT}, or {@code [IPV6]} alone. An IPv6 literal
 * without brackets has two colons or more, so a single colon can only be a port's.
 *
 * @param host the address or name, without brackets or port, at its own column
 * @param port the port written after it, if any
 */
record HostPort(Token host, OptionalInt port) {
    private static final String BRACKET_FIX = "write an IPv6 address with a port as [2001:db8::1]:4460";

    /** Splits word; reports a malformed port or brackets, naming the word. */
    static Optional<HostPort> split(LineCursor line, Token word) {
        String text = word.text();
        if (text.startsWith("[")) {
            return bracketed(line, word);
        }
        int colon = text.indexOf(':');
        if (colon < 0 || text.indexOf(':', colon + 1) >= 0) {
            return Optional.of(new HostPort(word, OptionalInt.empty()));
        }
        return port(line, word, text.substring(colon + 1))
                .map(port -> new HostPort(new Token(text.substring(0, colon), word.column()), OptionalInt.of(port)));
    }

    private static Optional<HostPort> bracketed(LineCursor line, Token word) {
        String text = word.text();
        int close = text.indexOf(']');
        if (close < 0) {
            line.error(word, "\"" + text + "\" has no closing bracket", BRACKET_FIX);
            return Optional.empty();
        }
        Token host = new Token(text.substring(1, close), word.column() + 1);
        if (host.text().indexOf(':') < 0) {
            line.error(word, "brackets hold an IPv6 address, not \"" + host.text() + "\"",
                    "write an IPv4 address or a host name without brackets, as " + host.text() + ":4460");
            return Optional.empty();
        }
        String rest = text.substring(close + 1);
        if (rest.isEmpty()) {
            return Optional.of(new HostPort(host, OptionalInt.empty()));
        }
        if (!rest.startsWith(":")) {
            line.error(word, "\"" + rest + "\" after the brackets of \"" + text + "\" is not a port", BRACKET_FIX);
            return Optional.empty();
        }
        return port(line, word, rest.substring(1)).map(port -> new HostPort(host, OptionalInt.of(port)));
    }

    private static Optional<Integer> port(LineCursor line, Token word, String port) {
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            line.error(word, "port \"" + port + "\" of \"" + word.text() + "\" is not a number 1..65535",
                    "write the NTS-KE server's port as a number, as ntp.example.net:4460");
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(port));
    }
}
