package org.jntp.config;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.jntp.server.access.AddressFamily;
import org.jntp.server.access.IpAddress;

/** Reads the address words of lines: -4/-6, numeric literals and host names. Never resolves. */
final class AddressWords {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern NUMERIC_LOOKING = Pattern.compile("[0-9.]+|.*:.*");
    static final String LITERAL_FIX =
            "write an IPv4 address as four numbers 0..255 (192.0.2.1) or an IPv6 address such as 2001:db8::1";

    private AddressWords() {}

    /** Consumes a leading -4 or -6, which limits the address to one family. */
    static Optional<AddressFamily> familyFlag(LineCursor line) {
        if (line.hasNext() && line.peek().text().equals("-4")) {
            line.next();
            return Optional.of(AddressFamily.IPV4);
        }
        if (line.hasNext() && line.peek().text().equals("-6")) {
            line.next();
            return Optional.of(AddressFamily.IPV6);
        }
        return Optional.empty();
    }

    /** The address of a server, pool or peer line: a literal, a refclock or a host name. */
    static Optional<ServerAddress> serverAddress(LineCursor line, Token word, Optional<AddressFamily> family) {
        if (word.text().indexOf('%') >= 0) {
            line.error(word, "IPv6 zone index in \"" + word.text() + "\" is not supported yet",
                    "use a global address or a host name");
            return Optional.empty();
        }
        if (looksNumeric(word.text())) {
            return literal(line, word, family).map(address -> RefclockAddress.of(address)
                    .<ServerAddress>map(clock -> clock)
                    .orElse(new ServerAddress.Literal(address)));
        }
        if (!isHostName(word.text())) {
            line.error(word, "\"" + word.text() + "\" is not a valid host name",
                    "host names are letters, digits and hyphens in dot-separated labels");
            return Optional.empty();
        }
        return Optional.of(new ServerAddress.HostName(word.text(), family));
    }

    /** Whether a word is meant as a numeric address: digits and dots, or anything with a colon. */
    static boolean looksNumeric(String text) {
        return NUMERIC_LOOKING.matcher(text).matches();
    }

    /** The numeric address a word gives, checked against the -4/-6 family; reports why not. */
    static Optional<IpAddress> literal(LineCursor line, Token word, Optional<AddressFamily> family) {
        Optional<IpAddress> literal = IpAddress.parseLiteral(word.text());
        if (literal.isEmpty()) {
            line.error(word, "\"" + word.text() + "\" is not a valid IP address", LITERAL_FIX);
            return Optional.empty();
        }
        if (family.isPresent() && family.get() != literal.get().family()) {
            line.error(word, (family.get() == AddressFamily.IPV4 ? "-4" : "-6") + " is given but " + word.text()
                    + " is an " + (literal.get().family() == AddressFamily.IPV4 ? "IPv4" : "IPv6") + " address",
                    "remove the -4/-6 or use an address of that family");
            return Optional.empty();
        }
        return literal;
    }

    /** An address with the prefix length written after a slash, if any. */
    record Prefixed(IpAddress address, OptionalInt prefixLength) {}

    /** ADDRESS or ADDRESS/PREFIX, for a word whose address part {@link #looksNumeric looks numeric}. */
    static Optional<Prefixed> prefixed(LineCursor line, Token word, Optional<AddressFamily> family) {
        String text = word.text();
        int slash = text.indexOf('/');
        Token addressWord = slash < 0 ? word : new Token(text.substring(0, slash), word.column());
        Optional<IpAddress> address = literal(line, addressWord, family);
        if (address.isEmpty() || slash < 0) {
            return address.map(a -> new Prefixed(a, OptionalInt.empty()));
        }
        int bits = address.get().family().bits();
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
            line.error(word, "prefix length \"" + prefix + "\" is out of range 0.." + bits,
                    "use a value between 0 and " + bits);
            return Optional.empty();
        }
        return Optional.of(new Prefixed(address.get(), OptionalInt.of(Integer.parseInt(prefix))));
    }

    /** The part of a word before any slash. */
    static String beforeSlash(String text) {
        int slash = text.indexOf('/');
        return slash < 0 ? text : text.substring(0, slash);
    }

    static boolean isHostName(String text) {
        String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (name.isEmpty() || name.length() > 253) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }
}
