package org.jntp.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Configuration lines written back as text that the parser reads again to the same effect: words
 * joined by one blank, a word that is empty or holds a blank or {@code #} in double quotes.
 */
final class ConfigText {
    private ConfigText() {}

    static String line(List<Token> tokens) {
        return tokens.stream().map(t -> word(t.text())).collect(Collectors.joining(" "));
    }

    private static String word(String text) {
        boolean plain = !text.isEmpty() && text.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '#');
        return plain ? text : "\"" + text + "\"";
    }
}
