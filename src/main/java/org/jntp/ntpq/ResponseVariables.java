package org.jntp.ntpq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits response data into variables as ntpq 4.2.8's {@code nextvar} does: items separated by
 * commas, whitespace and control characters between items skipped, CR and LF end an item, values
 * may hold quoted parts (which may hold commas), an item whose value has no closing quote ends
 * the list. Names of 256 or more characters and values of 2048 or more are skipped.
 */
public final class ResponseVariables {
    private static final int MAX_NAME_LENGTH = 256;
    private static final int MAX_VALUE_LENGTH = 2048;

    private ResponseVariables() {}

    /** The variables of response data, one character per octet (ISO 8859-1), NULs ending it. */
    public static List<ResponseVariable> parse(byte[] data) {
        return parse(new String(data, StandardCharsets.ISO_8859_1));
    }

    /** The variables of response text. */
    public static List<ResponseVariable> parse(String text) {
        List<ResponseVariable> variables = new ArrayList<>();
        int end = text.length();
        int at = 0;
        while (true) {
            while (at < end && isItemSpace(text.charAt(at))) {
                at++;
            }
            if (at >= end || !isNameChar(text.charAt(at))) {
                return variables;
            }
            int nameStart = at;
            while (at < end && isNameChar(text.charAt(at))) {
                at++;
            }
            String name = strip(text.substring(nameStart, at));
            String value = "";
            if (at < end && text.charAt(at) == '=') {
                at++;
                int valueStart = at;
                while (true) {
                    while (at < end && isUnquotedChar(text.charAt(at))) {
                        at++;
                    }
                    if (at < end && text.charAt(at) == '"') {
                        at++;
                        while (at < end && isQuotedChar(text.charAt(at))) {
                            at++;
                        }
                        if (at >= end || text.charAt(at) != '"') {
                            return variables;
                        }
                        at++;
                        continue;
                    }
                    break;
                }
                value = strip(text.substring(valueStart, at));
            }
            if (at >= end || text.charAt(at) != ',') {
                at = end;
            }
            if (!name.isEmpty() && name.length() < MAX_NAME_LENGTH && value.length() < MAX_VALUE_LENGTH) {
                variables.add(new ResponseVariable(name, value));
            }
        }
    }

    private static boolean isItemSpace(char c) {
        return c == ',' || c > 0 && c <= ' ';
    }

    private static boolean isNameChar(char c) {
        return c != 0 && c != ',' && c != '=' && c != '\r' && c != '\n';
    }

    private static boolean isUnquotedChar(char c) {
        return c != 0 && c != ',' && c != '"' && c != '\r' && c != '\n';
    }

    private static boolean isQuotedChar(char c) {
        return c != 0 && c != '"' && c != '\r' && c != '\n';
    }

    /** Strips what C's {@code str_strip} strips: every character up to and including space. */
    private static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        return s.substring(from, to);
    }
}
