package org.jntp.protocol.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the variable list of a READVAR or WRITEVAR request as ntpd does ({@code ctl_getitem}):
 * items separated by commas; commas and whitespace before an item skipped; an item's name runs
 * to its first {@code =} (or the comma) and is kept as it is; its value, after the {@code =}, is
 * trimmed of whitespace. Whitespace is C's {@code isspace}: space, tab, LF, VT, FF, CR.
 */
public final class RequestedVariables {
    /** Values must be shorter than this ({@code ctl_getitem}'s 128-octet buffer). */
    public static final int MAX_VALUE_LENGTH = 128;

    private RequestedVariables() {}

    /** Parses request data, one character per octet (ISO 8859-1). */
    public static VariableRequestParse parse(byte[] data) {
        return parse(new String(data, StandardCharsets.ISO_8859_1));
    }

    /** Parses request data already read as text. */
    public static VariableRequestParse parse(String text) {
        List<RequestedVariable> variables = new ArrayList<>();
        int at = 0;
        int end = text.length();
        while (true) {
            while (at < end && (text.charAt(at) == ',' || isSpace(text.charAt(at)))) {
                at++;
            }
            if (at >= end) {
                return new VariableRequestParse.Parsed(variables);
            }
            int comma = text.indexOf(',', at);
            int itemEnd = comma < 0 ? end : comma;
            int equals = text.indexOf('=', at);
            if (equals < 0 || equals > itemEnd) {
                variables.add(RequestedVariable.named(text.substring(at, itemEnd)));
            } else {
                String name = text.substring(at, equals);
                String value = trim(text, equals + 1, itemEnd);
                if (value.length() >= MAX_VALUE_LENGTH) {
                    return new VariableRequestParse.ValueTooLong(name);
                }
                variables.add(new RequestedVariable(name, Optional.of(value)));
            }
            at = itemEnd + 1;
        }
    }

    private static String trim(String text, int from, int to) {
        while (from < to && isSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(text.charAt(to - 1))) {
            to--;
        }
        return text.substring(from, to);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
