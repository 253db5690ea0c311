package org.jntp.protocol.control;

import java.util.Objects;

/**
 * One {@code name=value} item of a response's variable list.
 *
 * @param name the variable name, e.g. {@code rootdelay}
 * @param value its value
 */
public record Variable(String name, VariableValue value) {
    /** Requires both. */
    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** The item as sent: {@code name=value}. */
    public String item() {
        return name + "=" + value.text();
    }
}
