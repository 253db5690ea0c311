package org.jntp.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** statistics and filegen lines. */
final class StatisticsParser {
    private static final List<String> FILEGEN_OPTIONS = List.of("file", "type", "link", "nolink", "enable", "disable");
    private static final List<String> TYPES = List.of("none", "pid", "day", "week", "month", "year", "age");

    private StatisticsParser() {}

    /** {@code statistics name ...}. */
    static void parseStatistics(LineCursor line, ConfigBuilder config) {
        if (!line.hasNext()) {
            line.error("needs at least one statistics name",
                    "add some of: " + String.join(", ", StatisticsConfig.NAMES));
            return;
        }
        List<String> names = new ArrayList<>();
        while (line.hasNext()) {
            statisticName(line, line.next()).ifPresent(names::add);
        }
        if (line.clean()) {
            names.forEach(config::addStatistic);
        }
    }

    /** {@code filegen name [file f] [type t] [link|nolink] [enable|disable]}. */
    static void parseFileGen(LineCursor line, ConfigBuilder config) {
        if (!line.hasNext()) {
            line.error("needs a statistics name", "write it as \"filegen loopstats file loopstats type day enable\"");
            return;
        }
        Optional<String> name = statisticName(line, line.next());
        Optional<String> file = Optional.empty();
        Optional<String> type = Optional.empty();
        Optional<Boolean> link = Optional.empty();
        Optional<Boolean> enabled = Optional.empty();
        while (line.hasNext()) {
            Token option = line.next();
            switch (option.text()) {
                case "file" -> file = line.value(option, "file loopstats").map(Token::text);
                case "type" -> type = type(line, option);
                case "link", "nolink" -> link = Optional.of(option.text().equals("link"));
                case "enable", "disable" -> enabled = Optional.of(option.text().equals("enable"));
                default -> line.unknown(option, "option", FILEGEN_OPTIONS);
            }
        }
        if (line.clean()) {
            config.add(new FileGen(name.orElseThrow(), file, type, link, enabled));
        }
    }

    private static Optional<String> statisticName(LineCursor line, Token word) {
        if (StatisticsConfig.NAMES.contains(word.text())) {
            return Optional.of(word.text());
        }
        line.unknown(word, "statistics", StatisticsConfig.NAMES);
        return Optional.empty();
    }

    private static Optional<String> type(LineCursor line, Token option) {
        Optional<Token> value = line.value(option, "type day");
        if (value.isPresent() && !TYPES.contains(value.get().text())) {
            line.unknown(value.get(), "file type", TYPES);
            return Optional.empty();
        }
        return value.map(Token::text);
    }
}
