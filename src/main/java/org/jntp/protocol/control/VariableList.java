package org.jntp.protocol.control;

import java.util.List;

/**
 * Writes a response's variable list as ntpd does ({@code ctl_putdata}): items joined by a comma
 * and then a space, or a line break {@code "\r\n"} instead of the space when the line, counted
 * from the last break and including the comma, plus the next item and one more would reach
 * {@value #MAX_LINE_LENGTH} characters. {@link ControlResponses#text} adds the final line break.
 */
public final class VariableList {
    /** ntpd's {@code MAXDATALINELEN}. */
    public static final int MAX_LINE_LENGTH = 72;

    private VariableList() {}

    /** The list as response text. */
    public static String format(List<Variable> variables) {
        StringBuilder text = new StringBuilder();
        int lineLength = 0;
        for (Variable variable : variables) {
            String item = variable.item();
            if (!text.isEmpty()) {
                text.append(',');
                lineLength++;
                if (item.length() + lineLength + 1 >= MAX_LINE_LENGTH) {
                    text.append("\r\n");
                    lineLength = 0;
                } else {
                    text.append(' ');
                    lineLength++;
                }
            }
            text.append(item);
            lineLength += item.length();
        }
        return text.toString();
    }
}
