package org.jntp.protocol.control;

import java.util.Objects;
import java.util.Optional;

/**
 * One item of a request's variable list: a name, and a value when the item has {@code =}.
 *
 * @param name the name exactly as sent, up to the first {@code =} or comma; ntpd matches it
 *     verbatim, so trailing blanks or NULs make it unknown
 * @param value the text after {@code =} with surrounding whitespace trimmed; present but empty
 *     for {@code "name="}
 */
public record RequestedVariable(String name, Optional<String> value) {
    /** Requires both. */
    public RequestedVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** An item with a name only, as in a READVAR request. */
    public static RequestedVariable named(String name) {
        return new RequestedVariable(name, Optional.empty());
    }
}
