package org.jntp.ntpq;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The arguments of {@code mrulist}: what goes to ntpd as is ({@code mincount=}, {@code resall=},
 * {@code resany=}, {@code laddr=}, {@code maxlstint=}; {@code limited} and {@code kod} as
 * {@code resany=}), the order to print in ({@code sort=}), and, beyond ntpq, a fixed
 * {@code frags=N} or {@code limit=N} per request.
 *
 * @param parameters what every request carries after the nonce and size, each item after {@code ", "}
 * @param sort the order of the table
 * @param frags the fragments to ask for in each request, if fixed
 * @param limit the rows to ask for in each request, if fixed
 */
record MruOptions(String parameters, MruSort sort, OptionalInt frags, OptionalInt limit) {
    /** ntpq's {@code parms_buf}: 128 octets with the terminating NUL. */
    private static final int PARAMETERS_ROOM = 128;
    private static final List<String> PASSED = List.of("resall=", "resany=", "mincount=", "laddr=", "maxlstint=");
    private static final Pattern COUNT = Pattern.compile("[1-9]\\d{0,3}");

    /** Reads the arguments; says on {@code err} which it ignores, as ntpq does. */
    static MruOptions parse(List<String> args, PrintStream err) {
        StringBuilder parameters = new StringBuilder();
        MruSort sort = MruSort.LSTINT;
        OptionalInt frags = OptionalInt.empty();
        OptionalInt limit = OptionalInt.empty();
        for (String arg : args) {
            if (PASSED.stream().anyMatch(arg::startsWith)) {
                if (parameters.length() + 2 + arg.length() + 1 <= PARAMETERS_ROOM) {
                    parameters.append(", ").append(arg);
                }
            } else if (arg.startsWith("sort=")) {
                sort = MruSort.of(arg.substring("sort=".length())).orElse(sort);
            } else if (arg.equals("limited") || arg.equals("kod")) {
                String item = String.format(Locale.ROOT, ", resany=0x%x",
                        arg.equals("kod") ? MruEntry.RES_KOD : MruEntry.RES_LIMITED);
                if (parameters.length() + item.length() + 1 < PARAMETERS_ROOM) {
                    parameters.append(item);
                }
            } else if (arg.startsWith("frags=") && COUNT.matcher(arg.substring("frags=".length())).matches()) {
                frags = OptionalInt.of(Integer.parseInt(arg.substring("frags=".length())));
            } else if (arg.startsWith("limit=") && COUNT.matcher(arg.substring("limit=".length())).matches()) {
                limit = OptionalInt.of(Integer.parseInt(arg.substring("limit=".length())));
            } else {
                err.println("ignoring unrecognized mrulist parameter: " + arg);
            }
        }
        return new MruOptions(parameters.toString(), sort, frags, limit);
    }
}
