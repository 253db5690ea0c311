package org.jntp.config;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code keys FILE}, {@code trustedkey 1 2 (5 ... 10)}, {@code controlkey N} and
 * {@code requestkey N}. As ntpd's scanner, parentheses are words of their own even when written
 * against a number; a range names every key from its first to its last.
 */
final class AuthParser {
    private static final int MAX_KEY_ID = 65535;
    private static final String KEY_RANGE = "use key ids from 1 to " + MAX_KEY_ID;
    private static final String TRUSTED_FIX = "list key ids and ranges, such as \"trustedkey 1 2 (5 ... 10)\"";

    private AuthParser() {}

    static void parseKeys(LineCursor line, ConfigBuilder config) {
        var file = line.value(line.directive(), "keys /etc/ntp.keys");
        line.rejectRest("keys takes one file name; put a name with blanks in double quotes");
        if (line.clean()) {
            config.auth(config.auth().withKeysFile(file.orElseThrow().text()));
        }
    }

    static void parseKeyId(LineCursor line, ConfigBuilder config) {
        String directive = line.directive().text();
        var keyId = line.intValue(line.directive(), 1, MAX_KEY_ID);
        line.rejectRest(directive + " takes one key id");
        if (line.clean()) {
            config.auth(directive.equals("controlkey") ? config.auth().withControlKey(keyId.getAsInt())
                    : config.auth().withRequestKey(keyId.getAsInt()));
        }
    }

    static void parseTrusted(LineCursor line, ConfigBuilder config) {
        List<Token> words = new ArrayList<>();
        while (line.hasNext()) {
            words.addAll(split(line.next()));
        }
        if (words.isEmpty()) {
            line.error("needs at least one key id", TRUSTED_FIX);
            return;
        }
        Set<Integer> trusted = new TreeSet<>();
        for (int i = 0; i < words.size(); i++) {
            Token word = words.get(i);
            if (!word.text().equals("(")) {
                keyId(line, word).ifPresent(id -> trusted.add((int) id));
                continue;
            }
            if (i + 4 >= words.size() || !words.get(i + 2).text().equals("...") || !words.get(i + 4).text().equals(")")) {
                line.error(word, "a trustedkey range is written \"(first ... last)\"", TRUSTED_FIX);
                return;
            }
            OptionalLong first = keyId(line, words.get(i + 1));
            OptionalLong last = keyId(line, words.get(i + 3));
            if (first.isPresent() && last.isPresent()) {
                if (first.getAsLong() > last.getAsLong()) {
                    line.error(words.get(i + 1), "range " + first.getAsLong() + " ... " + last.getAsLong()
                            + " is empty", "write the smaller key id first");
                }
                for (long id = first.getAsLong(); id <= last.getAsLong(); id++) {
                    trusted.add((int) id);
                }
            }
            i += 4;
        }
        if (line.clean()) {
            config.auth(config.auth().withTrusted(trusted));
        }
    }

    private static OptionalLong keyId(LineCursor line, Token word) {
        OptionalLong id = word.text().chars().allMatch(Character::isDigit) ? LineCursor.parseInteger(word.text())
                : OptionalLong.empty();
        if (id.isEmpty()) {
            line.error(word, "\"" + word.text() + "\" is not a key id", TRUSTED_FIX);
        } else if (id.getAsLong() < 1 || id.getAsLong() > MAX_KEY_ID) {
            line.error(word, word.text() + " is out of range 1.." + MAX_KEY_ID, KEY_RANGE);
            return OptionalLong.empty();
        }
        return id;
    }

    /** The word cut at parentheses, each parenthesis a word of its own, with their columns. */
    private static List<Token> split(Token token) {
        List<Token> pieces = new ArrayList<>();
        String text = token.text();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean paren = i < text.length() && (text.charAt(i) == '(' || text.charAt(i) == ')');
            if (i == text.length() || paren) {
                if (i > start) {
                    pieces.add(new Token(text.substring(start, i), token.column() + start));
                }
                if (paren) {
                    pieces.add(new Token(String.valueOf(text.charAt(i)), token.column() + i));
                }
                start = i + 1;
            }
        }
        return pieces;
    }
}
