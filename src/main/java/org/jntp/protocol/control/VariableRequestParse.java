package org.jntp.protocol.control;

import java.util.List;
import java.util.Objects;

/** The outcome of {@link RequestedVariables#parse}. */
public sealed interface VariableRequestParse {

    /** The items in request order; empty when the request names none (send the default list). */
    record Parsed(List<RequestedVariable> variables) implements VariableRequestParse {
        /** Copies the list. */
        public Parsed {
            variables = List.copyOf(variables);
        }
    }

    /**
     * A value of {@value RequestedVariables#MAX_VALUE_LENGTH} or more characters, which ntpd takes
     * for an exploit attempt: it stops reading the request there.
     *
     * @param name the item's name
     */
    record ValueTooLong(String name) implements VariableRequestParse {
        /** Requires a name. */
        public ValueTooLong {
            Objects.requireNonNull(name, "name");
        }
    }
}
