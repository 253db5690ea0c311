package org.jntp.config;

import static org.jntp.server.access.DiscardSettings.MAX_AVERAGE_LOG2;
import static org.jntp.server.access.DiscardSettings.MAX_MINIMUM_SECONDS;

import java.util.List;
import org.jntp.server.access.DiscardSettings;

/** discard lines: {@code discard [average log2s] [minimum s] [monitor s]}. */
final class DiscardParser {
    private static final List<String> OPTIONS = List.of("average", "minimum", "monitor");

    private DiscardParser() {}

    static void parse(LineCursor line, ConfigBuilder config) {
        if (!line.hasNext()) {
            line.error("needs at least one of average, minimum, monitor",
                    "write it as \"discard average 3 minimum 2\"");
            return;
        }
        DiscardSettings current = config.discard();
        int average = current.averageLog2();
        int minimum = current.minimumSeconds();
        int monitor = current.monitorSeconds();
        while (line.hasNext()) {
            Token option = line.next();
            switch (option.text()) {
                case "average" -> average = line.intValue(option, 0, MAX_AVERAGE_LOG2).orElse(average);
                case "minimum" -> minimum = line.intValue(option, 0, MAX_MINIMUM_SECONDS).orElse(minimum);
                case "monitor" -> monitor = line.intValue(option, 1, Integer.MAX_VALUE).orElse(monitor);
                default -> line.unknown(option, "option", OPTIONS);
            }
        }
        if (line.clean()) {
            config.discard(new DiscardSettings(average, minimum, monitor));
        }
    }
}
