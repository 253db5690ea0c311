package org.jntp.ntpq;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON that {@code ntpq --json} prints (RFC 8259): objects, arrays, strings, and numbers kept
 * as the text the server sent, so that no value is rounded on the way.
 */
final class Json {
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern HEX_INTEGER = Pattern.compile("0x[0-9a-fA-F]{1,15}");

    /** A number, written as its text. */
    record Number(String text) {
        Number {
            if (!NUMBER.matcher(text).matches()) {
                throw new IllegalArgumentException("not a JSON number: " + text);
            }
        }

        static Number of(long value) {
            return new Number(Long.toString(value));
        }
    }

    private Json() {}

    /**
     * A value of ntpd's variable lists as JSON: a quoted value as a string, a decimal or hex
     * integer or a decimal fraction as a number, anything else (timestamps, addresses) as a string.
     */
    static Object value(String raw) {
        if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
            return raw.substring(1, raw.length() - 1);
        }
        String unsigned = raw.startsWith("+") ? raw.substring(1) : raw;
        if (NUMBER.matcher(unsigned).matches()) {
            return new Number(unsigned);
        }
        if (HEX_INTEGER.matcher(raw).matches()) {
            return Number.of(Long.parseLong(raw.substring(2), 16));
        }
        return raw;
    }

    /** The text of a value: a {@link Map} with string keys, a {@link List}, a string, a {@link Number}, a boolean or null. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String text -> string(text, out);
            case Number number -> out.append(number.text());
            case Boolean bool -> out.append(bool);
            case Map<?, ?> map -> {
                out.append('{');
                String separator = "";
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(separator);
                    string((String) entry.getKey(), out);
                    out.append(": ");
                    write(entry.getValue(), out);
                    separator = ", ";
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                String separator = "";
                for (Object item : list) {
                    out.append(separator);
                    write(item, out);
                    separator = ", ";
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("no JSON form for " + value.getClass());
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
