package org.jntp.server.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jntp.protocol.control.RequestedVariable;
import org.jntp.protocol.control.RequestedVariables;
import org.jntp.protocol.control.Variable;
import org.jntp.protocol.control.VariableRequestParse;
import org.jntp.protocol.control.VariableValue;

/**
 * One of ntpd's variable tables ({@code sys_var}, {@code peer_var}, {@code clock_var}) and the
 * list it sends when a request names none ({@code def_sys_var}, ...). A request that names
 * variables gets them in table order, each once, as ntpd's {@code wants} array gives them; a
 * variable with no value now (ntpd's {@code tai} before a leap file) is left out.
 *
 * @param names every name the table knows, in table order
 * @param defaults the names sent for a request that names none, in the order sent
 */
record VariableTable(List<String> names, List<String> defaults) {

    /** What a request's variable list comes to. */
    sealed interface Selection {
        /** The variables to send, in order. */
        record Chosen(List<Variable> variables) implements Selection {}

        /** The request names a variable the table does not know: ntpd's UNKNOWNVAR. */
        record Unknown(String name) implements Selection {}
    }

    VariableTable {
        names = List.copyOf(names);
        defaults = List.copyOf(defaults);
        if (!names.containsAll(defaults)) {
            throw new IllegalArgumentException("defaults outside the table");
        }
    }

    /**
     * The variables a READVAR (or READCLOCK) request's data asks for.
     *
     * <p>A value of 128 octets or more ends ntpd's reading of the request there; here it makes the
     * whole request count as naming nothing, so it gets the default list.
     *
     * @param value the value of a name now, empty when it has none
     */
    Selection select(byte[] request, Function<String, Optional<VariableValue>> value) {
        List<RequestedVariable> requested = switch (RequestedVariables.parse(request)) {
            case VariableRequestParse.Parsed parsed -> parsed.variables();
            case VariableRequestParse.ValueTooLong tooLong -> List.of();
        };
        if (requested.isEmpty()) {
            return new Selection.Chosen(values(defaults, value));
        }
        Set<String> wanted = new HashSet<>();
        for (RequestedVariable item : requested) {
            if (!names.contains(item.name())) {
                return new Selection.Unknown(item.name());
            }
            wanted.add(item.name());
        }
        return new Selection.Chosen(values(names.stream().filter(wanted::contains).toList(), value));
    }

    /** The table's names as ntpd's {@code sys_var_list} and {@code peer_var_list} give them. */
    String nameList() {
        return String.join(",", names);
    }

    private static List<Variable> values(List<String> chosen, Function<String, Optional<VariableValue>> value) {
        List<Variable> variables = new ArrayList<>(chosen.size());
        for (String name : chosen) {
            value.apply(name).ifPresent(v -> variables.add(new Variable(name, Objects.requireNonNull(v))));
        }
        return variables;
    }
}
