package org.jntp.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Configuration text sent at run time (mode 6 CONFIGURE: {@code ntpq :config},
 * {@code config-from-file}), read with the same parser as ntp.conf. jntp takes the lines that
 * mobilize associations, {@code server}, {@code pool} and {@code peer}, with addresses; any other
 * directive, or a host name (whose lookup would hold the control reply), is refused with where it
 * stands, so nothing is applied by halves.
 */
public final class RuntimeConfig {
    /** The file name that messages give remote configuration, as ntpd calls it. */
    public static final String ORIGIN = "remote config";
    private static final Set<String> RUNTIME_DIRECTIVES = Set.of("server", "pool", "peer");

    /** What the text comes to. */
    public sealed interface Result {
        /** Every line understood: the associations to add, in order. */
        record Accepted(List<Association> associations) implements Result {
            public Accepted {
                associations = List.copyOf(associations);
            }
        }

        /** The first problem; nothing is applied. */
        record Refused(ConfigError error) implements Result {}
    }

    private RuntimeConfig() {}

    /** Reads {@code text}; a missing final newline is no error. */
    public static Result parse(String text) {
        List<ConfigError> errors = new ArrayList<>();
        for (ConfigLine line : Lexer.lines(text, ORIGIN, errors)) {
            Token directive = line.tokens().getFirst();
            if (!RUNTIME_DIRECTIVES.contains(directive.text())) {
                return new Result.Refused(new ConfigError(ORIGIN, line.number(), directive.column(),
                        "\"" + directive.text() + "\" is not changed at run time by jntp",
                        "put it in ntp.conf and restart ntpd"));
            }
        }
        if (!errors.isEmpty()) {
            return new Result.Refused(errors.getFirst());
        }
        ConfigResult result = ConfigParser.parse(text, ORIGIN);
        if (!result.errors().isEmpty()) {
            return new Result.Refused(result.errors().getFirst());
        }
        for (Association association : result.config().associations()) {
            if (!(association.address() instanceof ServerAddress.Literal)) {
                int line = association.origin().map(LineOrigin::line).orElse(0);
                return new Result.Refused(new ConfigError(ORIGIN, line, 1,
                        association.type().keyword() + " " + association.address()
                                + ": jntp takes addresses, not host names or reference clocks, at run time",
                        "give the address, or put the line in ntp.conf and restart ntpd"));
            }
        }
        return new Result.Accepted(result.config().associations());
    }
}
