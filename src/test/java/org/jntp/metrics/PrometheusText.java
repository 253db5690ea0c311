package org.jntp.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of Prometheus's text exposition format 0.0.4, for tests: what Prometheus's own
 * parser rejects (a bad name or value, a bad escape, a second TYPE line, a family split in two, a
 * series given twice, a missing final newline) fails here with the line number.
 */
public final class PrometheusText {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern FLOAT = Pattern.compile("[+-]?(Inf|NaN|([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?)");
    private static final Pattern TIMESTAMP = Pattern.compile("-?[0-9]+");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    /** A whole page: each family's type and help, and every sample in order. */
    public record Scrape(Map<String, String> types, Map<String, String> helps, List<Sample> samples) {
        /** The value of the one sample with this name and exactly these labels (name, value, ...). */
        public double value(String name, String... labels) {
            return find(name, labels).orElseThrow(() -> new AssertionError("no sample " + name + " " + List.of(labels)))
                    .value();
        }

        /** The sample with this name and exactly these labels, if any. */
        public Optional<Sample> find(String name, String... labels) {
            Map<String, String> wanted = new HashMap<>();
            for (int i = 0; i < labels.length; i += 2) {
                wanted.put(labels[i], labels[i + 1]);
            }
            return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(wanted)).findFirst();
        }

        /** Every sample with this name. */
        public List<Sample> all(String name) {
            return samples.stream().filter(s -> s.name().equals(name)).toList();
        }
    }

    private PrometheusText() {}

    /** Parses a page, throwing IllegalArgumentException naming the line of the first problem. */
    public static Scrape parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the last line does not end in a newline");
        }
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, String> helps = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        Set<String> series = new HashSet<>();
        Set<String> closedFamilies = new HashSet<>();
        String currentFamily = "";
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length - 1; n++) {
            String line = lines[n];
            String where = "line " + (n + 1) + ": ";
            String family;
            if (line.isBlank()) {
                continue;
            } else if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ", 2);
                family = parts[0];
                require(METRIC_NAME.matcher(family).matches(), where + "bad metric name " + family);
                String rest = parts.length > 1 ? parts[1] : "";
                if (line.startsWith("# HELP ")) {
                    require(helps.put(family, unescape(rest, false, where)) == null, where + "second HELP for " + family);
                } else {
                    require(TYPES.contains(rest), where + "bad type " + rest);
                    require(!series.stream().anyMatch(s -> s.startsWith(family + "{")),
                            where + "TYPE after samples of " + family);
                    require(types.put(family, rest) == null, where + "second TYPE for " + family);
                }
            } else if (line.startsWith("#")) {
                continue;
            } else {
                Sample sample = sample(line, where);
                family = familyOf(sample.name(), types);
                require(series.add(sample.name() + "{" + new TreeMap<>(sample.labels()) + "}"),
                        where + "series given twice: " + line);
                samples.add(sample);
            }
            if (!family.equals(currentFamily)) {
                require(!closedFamilies.contains(family), where + "family " + family + " is split in two groups");
                closedFamilies.add(currentFamily);
                currentFamily = family;
            }
        }
        return new Scrape(types, helps, samples);
    }

    /** A histogram's or summary's sample belongs to the family its suffix extends. */
    private static String familyOf(String name, Map<String, String> types) {
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            String base = name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : "";
            if (Set.of("histogram", "summary").contains(types.getOrDefault(base, ""))) {
                return base;
            }
        }
        return name;
    }

    private static Sample sample(String line, String where) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        require(METRIC_NAME.matcher(name).matches(), where + "bad metric name " + name);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                require(eq > i, where + "label without =");
                String label = line.substring(i, eq);
                require(LABEL_NAME.matcher(label).matches(), where + "bad label name " + label);
                require(line.charAt(eq + 1) == '"', where + "label value not quoted");
                StringBuilder raw = new StringBuilder();
                int j = eq + 2;
                while (line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\') {
                        raw.append(line.charAt(j++));
                    }
                    raw.append(line.charAt(j++));
                }
                require(labels.put(label, unescape(raw.toString(), true, where)) == null,
                        where + "label given twice: " + label);
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        require(i < line.length() && line.charAt(i) == ' ', where + "no value");
        String[] rest = line.substring(i).trim().split(" +");
        require(rest.length <= 2 && FLOAT.matcher(rest[0]).matches(), where + "bad value " + rest[0]);
        require(rest.length < 2 || TIMESTAMP.matcher(rest[1]).matches(), where + "bad timestamp");
        return new Sample(name, labels, parseFloat(rest[0]));
    }

    private static double parseFloat(String text) {
        return switch (text.replace("+", "")) {
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN", "-NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private static String unescape(String text, boolean quoteAllowed, String where) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            require(i + 1 < text.length(), where + "lone backslash");
            char next = text.charAt(++i);
            switch (next) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                case '"' -> {
                    require(quoteAllowed, where + "\\\" escaped in help text");
                    out.append('"');
                }
                default -> throw new IllegalArgumentException(where + "bad escape \\" + next);
            }
        }
        return out.toString();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
