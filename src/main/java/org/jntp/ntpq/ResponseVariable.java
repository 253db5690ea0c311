package org.jntp.ntpq;

import java.util.Objects;

/**
 * One item of a response's variable list as ntpq reads it: a name and its value, both stripped of
 * surrounding whitespace; an item without {@code =} has an empty value.
 *
 * @param name the variable name
 * @param value the value as sent, quotes included
 */
public record ResponseVariable(String name, String value) {
    /** Requires both. */
    public ResponseVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
