package org.jntp.config;

import java.util.Optional;

/**
 * logconfig lines: {@code logconfig =syncall +peerevents -syncstatus}. Each keyword applies in
 * turn, across lines too, as in ntpd: {@code =} sets the mask, {@code +} adds to it, {@code -}
 * takes away from it, and a keyword without a prefix sets the mask, as {@code =} does.
 */
final class LogConfigParser {
    private LogConfigParser() {}

    static void parse(LineCursor line, ConfigBuilder config) {
        if (!line.hasNext()) {
            line.error("logconfig needs at least one keyword", "write it as \"logconfig =syncall +sysevents\"");
            return;
        }
        LogMask mask = config.logMask();
        while (line.hasNext()) {
            Token item = line.next();
            String text = item.text();
            char prefix = text.isEmpty() ? ' ' : text.charAt(0);
            boolean prefixed = prefix == '=' || prefix == '+' || prefix == '-';
            String word = prefixed ? text.substring(1) : text;
            Optional<LogMask> named = LogMask.keyword(word);
            if (named.isEmpty()) {
                line.unknown(item, "logconfig keyword", LogMask.keywords());
                continue;
            }
            mask = switch (prefix) {
                case '+' -> mask.plus(named.get());
                case '-' -> mask.minus(named.get());
                default -> named.get();
            };
        }
        if (line.clean()) {
            config.logMask(mask);
        }
    }
}
