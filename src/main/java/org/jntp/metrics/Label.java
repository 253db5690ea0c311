package org.jntp.metrics;

import java.util.Objects;

/**
 * One label of a sample.
 *
 * @param name a label name, {@code [a-zA-Z_][a-zA-Z0-9_]*}
 * @param value any text; written escaped
 */
record Label(String name, String value) {
    Label {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
