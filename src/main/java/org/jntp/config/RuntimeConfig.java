package org.jntp.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jntp.server.access.IpAddress;

/**
 * Configuration text sent at run time (mode 6 CONFIGURE: {@code ntpq :config},
 * {@code config-from-file}), read with the same parser as ntp.conf. jntp takes the lines that
 * mobilize associations, {@code server}, {@code pool} and {@code peer}, with addresses or host
 * names (looked up afterwards, off the control reply's path), and {@code unpeer ADDRESS|ASSOCID},
 * which lets one go; any other directive, or a reference clock, is refused with where it stands,
 * so nothing is applied by halves.
 */
public final class RuntimeConfig {
    /** The file name that messages give remote configuration, as ntpd calls it. */
    public static final String ORIGIN = "remote config";
    private static final Set<String> RUNTIME_DIRECTIVES = Set.of("server", "pool", "peer", "unpeer", "unconfig");
    private static final long MAX_ASSOCIATION_ID = 0xFFFF;

    /** What an {@code unpeer} line names. */
    public sealed interface Unpeer {
        /** The association with this source address. */
        record ByAddress(IpAddress address) implements Unpeer {}

        /** The association with this ID, as ntpq shows it. */
        record ById(int associationId) implements Unpeer {}
    }

    /** What the text comes to. */
    public sealed interface Result {
        /** Every line understood: the associations to add and those to let go, in order. */
        record Accepted(List<Association> associations, List<Unpeer> unpeers) implements Result {
            public Accepted {
                associations = List.copyOf(associations);
                unpeers = List.copyOf(unpeers);
            }
        }

        /** The first problem; nothing is applied. */
        record Refused(ConfigError error) implements Result {}
    }

    private RuntimeConfig() {}

    /** Reads {@code text}; a missing final newline is no error. */
    public static Result parse(String text) {
        List<ConfigError> errors = new ArrayList<>();
        List<Unpeer> unpeers = new ArrayList<>();
        StringBuilder mobilizing = new StringBuilder();
        for (ConfigLine line : Lexer.lines(text, ORIGIN, errors)) {
            Token directive = line.tokens().getFirst();
            if (!RUNTIME_DIRECTIVES.contains(directive.text())) {
                return new Result.Refused(new ConfigError(ORIGIN, line.number(), directive.column(),
                        "\"" + directive.text() + "\" is not changed at run time by jntp",
                        "put it in ntp.conf and restart ntpd"));
            }
            if (directive.text().equals("unpeer") || directive.text().equals("unconfig")) {
                switch (unpeer(line)) {
                    case UnpeerLine.Read read -> unpeers.add(read.unpeer());
                    case UnpeerLine.Bad bad -> {
                        return new Result.Refused(bad.error());
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            return new Result.Refused(errors.getFirst());
        }
        // the unpeer lines, read above, blanked so that line numbers stay those of the text
        for (String line : text.split("\n", -1)) {
            String first = line.strip().split("[ \t]", 2)[0];
            mobilizing.append(first.equals("unpeer") || first.equals("unconfig") ? "" : line).append('\n');
        }
        ConfigResult result = ConfigParser.parse(mobilizing.toString(), ORIGIN);
        if (!result.errors().isEmpty()) {
            return new Result.Refused(result.errors().getFirst());
        }
        for (Association association : result.config().associations()) {
            if (association.address() instanceof RefclockAddress) {
                int line = association.origin().map(LineOrigin::line).orElse(0);
                return new Result.Refused(new ConfigError(ORIGIN, line, 1,
                        association.type().keyword() + " " + association.address()
                                + ": jntp takes addresses and host names, not reference clocks, at run time",
                        "put the line in ntp.conf and restart ntpd"));
            }
        }
        return new Result.Accepted(result.config().associations(), unpeers);
    }

    private sealed interface UnpeerLine {
        record Read(Unpeer unpeer) implements UnpeerLine {}

        record Bad(ConfigError error) implements UnpeerLine {}
    }

    /** {@code unpeer ADDRESS|ASSOCID}, as ntpd reads it: an address literal or an association ID. */
    private static UnpeerLine unpeer(ConfigLine line) {
        Token directive = line.tokens().getFirst();
        if (line.tokens().size() != 2) {
            return new UnpeerLine.Bad(new ConfigError(ORIGIN, line.number(), directive.column(),
                    "unpeer: needs one address or association ID", "write it as \"unpeer 192.0.2.1\" or \"unpeer 1234\""));
        }
        Token word = line.tokens().get(1);
        if (word.text().matches("[0-9]{1,5}") && Long.parseLong(word.text()) <= MAX_ASSOCIATION_ID) {
            return new UnpeerLine.Read(new Unpeer.ById(Integer.parseInt(word.text())));
        }
        return IpAddress.parseLiteral(word.text())
                .<UnpeerLine>map(address -> new UnpeerLine.Read(new Unpeer.ByAddress(address)))
                .orElseGet(() -> new UnpeerLine.Bad(new ConfigError(ORIGIN, line.number(), word.column(),
                        "unpeer: \"" + word.text() + "\" is neither an address nor an association ID",
                        "give the address or the association ID ntpq shows")));
    }
}
