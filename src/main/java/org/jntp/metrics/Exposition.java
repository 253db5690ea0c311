package org.jntp.metrics;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes Prometheus's text exposition format, version 0.0.4: for each metric family a
 * {@code # HELP} and a {@code # TYPE} line, then its samples, one a line, ending in a newline.
 * Label values escape backslash, double quote and newline; help text escapes backslash and newline.
 */
final class Exposition {
    /** The media type of the text this writes. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** Whole numbers below this are exact in a double and written without a fraction. */
    private static final double EXACT_WHOLE = 0x1p53;

    private final StringBuilder text = new StringBuilder();
    private String family = "";

    /** Starts a metric family; its samples follow. A counter's name must end in {@code _total}. */
    void family(String name, MetricType type, String help) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
        if (type == MetricType.COUNTER && !name.endsWith("_total")) {
            throw new IllegalArgumentException("a counter's name ends in _total: " + name);
        }
        family = name;
        text.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type.word()).append('\n');
    }

    /** A sample of the current family without labels. */
    void sample(double value) {
        sample(List.of(), value);
    }

    /** A sample of the current family. */
    void sample(List<Label> labels, double value) {
        if (family.isEmpty()) {
            throw new IllegalStateException("a sample before its family");
        }
        text.append(family);
        if (!labels.isEmpty()) {
            text.append('{');
            for (int i = 0; i < labels.size(); i++) {
                Label label = labels.get(i);
                if (!LABEL_NAME.matcher(label.name()).matches()) {
                    throw new IllegalArgumentException("not a label name: " + label.name());
                }
                text.append(i == 0 ? "" : ",").append(label.name()).append("=\"")
                        .append(escapeLabelValue(label.value())).append('"');
            }
            text.append('}');
        }
        text.append(' ').append(number(value)).append('\n');
    }

    /** The page so far. */
    String text() {
        return text.toString();
    }

    static String escapeLabelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    /** A value as Go's ParseFloat, which Prometheus uses, reads it; whole numbers without a fraction. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < EXACT_WHOLE) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
