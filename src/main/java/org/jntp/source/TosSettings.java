package org.jntp.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jntp.config.TosOption;
import org.jntp.discipline.NtpConstants;
import org.jntp.discipline.SelectionParameters;

/**
 * The selection limits that {@code tos} lines set, on top of ntpd's defaults; a later value for a
 * name wins, as in ntpd.
 *
 * @param selection the limits the mitigation algorithms use
 * @param orphan    orphan mode ({@code orphan}, {@code orphanwait})
 * @param unused    the names given that this version does not act on (beacon, cohort, ...)
 */
public record TosSettings(SelectionParameters selection, Orphan orphan, List<String> unused) {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}|0[xX][0-9a-fA-F]{1,7}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /** The settings of these tos options, in file order. */
    public static TosSettings of(List<TosOption> options) {
        Map<String, String> last = new TreeMap<>();
        options.forEach(option -> last.put(option.name(), option.value()));
        SelectionParameters defaults = SelectionParameters.defaults();
        List<String> unused = new ArrayList<>();
        for (String name : last.keySet()) {
            if (!List.of("minsane", "minclock", "maxclock", "maxdist", "mindist", "floor", "ceiling", "orphan",
                    "orphanwait").contains(name)) {
                unused.add(name);
            }
        }
        SelectionParameters selection = new SelectionParameters(
                Math.max(0, integer(last, "minsane", defaults.minsane())),
                Math.max(0, integer(last, "minclock", defaults.minclock())),
                Math.max(1, integer(last, "maxclock", defaults.maxclock())),
                decimal(last, "maxdist", defaults.maxDistanceSeconds()),
                decimal(last, "mindist", defaults.minDistanceSeconds()),
                Math.clamp(integer(last, "floor", defaults.floor()), 0, NtpConstants.MAXSTRAT),
                Math.clamp(integer(last, "ceiling", defaults.ceiling()), 0, NtpConstants.MAXSTRAT));
        Orphan orphan = new Orphan(integer(last, "orphan", Orphan.OFF),
                decimal(last, "orphanwait", Orphan.DEFAULT_WAIT_SECONDS));
        return new TosSettings(selection, orphan, List.copyOf(unused));
    }

    private static int integer(Map<String, String> values, String name, int otherwise) {
        String text = values.get(name);
        if (text == null || !INTEGER.matcher(text).matches()) {
            return otherwise;
        }
        return text.startsWith("0x") || text.startsWith("0X")
                ? Integer.parseInt(text.substring(2), 16) : Integer.parseInt(text);
    }

    private static double decimal(Map<String, String> values, String name, double otherwise) {
        String text = values.get(name);
        return text != null && DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : otherwise;
    }
}
