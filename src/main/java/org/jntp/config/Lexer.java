package org.jntp.config;

import java.util.ArrayList;
import java.util.List;

/**
 * ntpd's lexical rules for ntp.conf: a command per line; words separated by blanks; {@code #}
 * starts a comment to the end of the line, even inside a word; double quotes hold a word with
 * blanks or a {@code #}, and end at the line's end at the latest. A line holding a NUL character
 * is an error: no file name or word can hold one, and the file is not text.
 */
final class Lexer {
    private Lexer() {}

    static List<ConfigLine> lines(String text, String file, List<ConfigError> errors) {
        List<ConfigLine> lines = new ArrayList<>();
        String[] rawLines = text.split("\n", -1);
        for (int i = 0; i < rawLines.length; i++) {
            List<Token> tokens = tokens(rawLines[i], file, i + 1, errors);
            if (!tokens.isEmpty()) {
                lines.add(new ConfigLine(file, i + 1, tokens));
            }
        }
        return lines;
    }

    private static List<Token> tokens(String line, String file, int lineNumber, List<ConfigError> errors) {
        int nul = line.indexOf('\0');
        if (nul >= 0) {
            errors.add(new ConfigError(file, lineNumber, nul + 1, "NUL character",
                    "remove it: ntp.conf is text, and no name can hold a NUL"));
            return List.of();
        }
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '#') {
                break;
            }
            if (isBlank(c)) {
                i++;
            } else if (c == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    errors.add(new ConfigError(file, lineNumber, i + 1, "unterminated quoted string",
                            "add the closing \" on the same line"));
                    return List.of();
                }
                tokens.add(new Token(line.substring(i + 1, close), i + 1));
                i = close + 1;
            } else {
                int start = i;
                while (i < line.length() && !endsWord(line.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(line.substring(start, i), start + 1));
            }
        }
        return tokens;
    }

    private static boolean endsWord(char c) {
        return isBlank(c) || c == '#' || c == '"';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }
}
