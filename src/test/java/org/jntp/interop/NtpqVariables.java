package org.jntp.interop;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code name=value} pairs ntpq prints for {@code rv} (NTPsec's ntpq wraps them over lines
 * and puts a comma after each); a quoted value keeps its commas.
 */
record NtpqVariables(Map<String, String> values) {
    private static final Pattern PAIR = Pattern.compile("(\\w+)=(\"[^\"]*\"|[^,\\s]*)");

    static NtpqVariables parse(String output) {
        Map<String, String> values = new HashMap<>();
        Matcher pair = PAIR.matcher(output);
        while (pair.find()) {
            values.put(pair.group(1), pair.group(2));
        }
        return new NtpqVariables(Map.copyOf(values));
    }

    long count(String name) {
        return Long.parseLong(value(name));
    }

    double number(String name) {
        return Double.parseDouble(value(name));
    }

    private String value(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("ntpq printed no " + name + " in " + values);
        }
        return value;
    }
}
