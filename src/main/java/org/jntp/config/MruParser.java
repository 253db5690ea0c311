package org.jntp.config;

import java.util.List;
import java.util.OptionalInt;
import org.jntp.server.access.MruSettings;

/**
 * mru lines. Limits given in kilobytes become entries of ntpd's size, and of two options setting
 * the same limit (maxdepth and maxmem, initalloc and initmem, incalloc and incmem) the later wins.
 */
final class MruParser {
    private static final int MAX = Integer.MAX_VALUE;
    private static final List<String> OPTIONS = List.of("maxdepth", "maxmem", "mindepth", "maxage", "minage",
            "initalloc", "initmem", "incalloc", "incmem");

    private MruParser() {}

    static void parse(LineCursor line, ConfigBuilder config) {
        if (!line.hasNext()) {
            line.error("needs at least one option",
                    "write it as \"mru maxdepth 20000\"; options: " + String.join(", ", OPTIONS));
            return;
        }
        MruSettings mru = config.mru();
        while (line.hasNext()) {
            Token option = line.next();
            mru = switch (option.text()) {
                case "maxdepth" -> mru.withMaxDepth(entries(line.intValue(option, -1, MAX), false, mru.maxDepth()));
                case "maxmem" -> mru.withMaxDepth(entries(line.intValue(option, -1, MAX), true, mru.maxDepth()));
                case "mindepth" -> mru.withMinDepth(entries(line.intValue(option, 0, MAX), false, mru.minDepth()));
                case "maxage" -> mru.withMaxAgeSeconds(line.intValue(option, -1, MAX).orElse(mru.maxAgeSeconds()));
                case "minage" -> mru.withMinAgeSeconds(line.intValue(option, 0, MAX).orElse(mru.minAgeSeconds()));
                case "initalloc" -> mru.withInitialAlloc(
                        entries(line.intValue(option, 0, MAX), false, mru.initialAlloc()));
                case "initmem" -> mru.withInitialAlloc(
                        entries(line.intValue(option, 0, MAX), true, mru.initialAlloc()));
                case "incalloc" -> mru.withIncrementAlloc(
                        entries(line.intValue(option, 0, MAX), false, mru.incrementAlloc()));
                case "incmem" -> mru.withIncrementAlloc(
                        entries(line.intValue(option, 0, MAX), true, mru.incrementAlloc()));
                default -> {
                    line.unknown(option, "option", OPTIONS);
                    yield mru;
                }
            };
        }
        if (line.clean()) {
            config.mru(mru);
        }
    }

    /** A count of entries, given directly or in kilobytes; ntpd reads -1 as no limit. */
    private static int entries(OptionalInt value, boolean kilobytes, int current) {
        if (value.isEmpty()) {
            return current;
        }
        if (value.getAsInt() < 0) {
            return MAX;
        }
        return kilobytes ? MruSettings.entriesIn(value.getAsInt()) : value.getAsInt();
    }
}
