package org.jntp.interop;

import java.util.HashMap;
import java.util.Map;

/** The "Name : value" lines chronyc prints for one report (ntpdata, serverstats) without -c. */
final class ChronycReport {
    private ChronycReport() {}

    /** Each line's name and value; fails naming the report when one of {@code required} is missing. */
    static Map<String, String> fields(String output, String report, String... required) {
        Map<String, String> fields = new HashMap<>();
        for (String line : output.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        for (String name : required) {
            if (!fields.containsKey(name)) {
                throw new IllegalArgumentException("not the output of chronyc " + report + ": " + output);
            }
        }
        return fields;
    }
}
