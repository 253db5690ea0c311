package org.jntp.config;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads the words of one line after its directive, and reports problems with the position and
 * a fix. A directive parser adds its result only if the line stayed {@link #clean()}.
 */
final class LineCursor {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    /** Beyond this a number is out of every range here; saturating keeps the arithmetic exact. */
    private static final long SATURATED = 1L << 40;

    private final ConfigLine line;
    private final List<ConfigError> errors;
    private final int errorsAtStart;
    private int next = 1;

    LineCursor(ConfigLine line, List<ConfigError> errors) {
        this.line = line;
        this.errors = errors;
        this.errorsAtStart = errors.size();
    }

    Token directive() {
        return line.tokens().getFirst();
    }

    String file() {
        return line.file();
    }

    /** Where this line was read. */
    LineOrigin origin() {
        return new LineOrigin(line.file(), line.number());
    }

    boolean hasNext() {
        return next < line.tokens().size();
    }

    Token next() {
        return line.tokens().get(next++);
    }

    Token peek() {
        return line.tokens().get(next);
    }

    /** Whether no problem was reported for this line. */
    boolean clean() {
        return errors.size() == errorsAtStart;
    }

    /** Reports a problem with one word of the line. */
    void error(Token at, String message, String fix) {
        errors.add(new ConfigError(line.file(), line.number(), at.column(), directive().text() + ": " + message, fix));
    }

    /** Reports a problem with the line as a whole. */
    void error(String message, String fix) {
        error(directive(), message, fix);
    }

    /** Reports a problem with the directive word itself, which the message names. */
    void directiveError(String message, String fix) {
        errors.add(new ConfigError(line.file(), line.number(), directive().column(), message, fix));
    }

    /** Reports a word that is none of the keywords allowed here, with the likely intended one. */
    void unknown(Token word, String what, Collection<String> keywords) {
        error(word, "unknown " + what + " \"" + word.text() + "\"", Suggestions.fix(word.text(), keywords));
    }

    /** Reports every word left on the line as unexpected. */
    void rejectRest(String fix) {
        if (hasNext()) {
            Token extra = next();
            error(extra, "unexpected \"" + extra.text() + "\"", fix);
            next = line.tokens().size();
        }
    }

    /** The word after option, or a report that it is missing. */
    Optional<Token> value(Token option, String example) {
        if (!hasNext()) {
            error(option, option.text() + " needs a value", "write it as \"" + example + "\"");
            return Optional.empty();
        }
        return Optional.of(next());
    }

    /** The whole number after option, checked against min..max. */
    OptionalInt intValue(Token option, int min, int max) {
        String range = "use a whole number between " + min + " and " + max;
        if (!hasNext()) {
            error(option, option.text() + " needs a number", range);
            return OptionalInt.empty();
        }
        Token value = next();
        OptionalLong parsed = parseInteger(value.text());
        if (parsed.isEmpty()) {
            error(value, option.text() + " \"" + value.text() + "\" is not a whole number", range);
            return OptionalInt.empty();
        }
        if (parsed.getAsLong() < min || parsed.getAsLong() > max) {
            error(value, option.text() + " " + value.text() + " is out of range " + min + ".." + max,
                    "use a value between " + min + " and " + max);
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) parsed.getAsLong());
    }

    /** The decimal number after option. */
    OptionalDouble doubleValue(Token option) {
        String fix = "use a decimal number such as 0.5 or -1.25e-3";
        if (!hasNext()) {
            error(option, option.text() + " needs a number", fix);
            return OptionalDouble.empty();
        }
        Token value = next();
        if (!isDecimal(value.text())) {
            error(value, option.text() + " \"" + value.text() + "\" is not a number", fix);
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(value.text()));
    }

    static boolean isDecimal(String text) {
        return DECIMAL.matcher(text).matches();
    }

    /** ntpd's integers: optional minus and decimal digits, or 0x and hex digits; saturates when huge. */
    static OptionalLong parseInteger(String text) {
        boolean negative = text.startsWith("-");
        boolean hex = text.length() > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        int start = negative ? 1 : hex ? 2 : 0;
        int radix = hex ? 16 : 10;
        if (start == text.length()) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = start; i < text.length(); i++) {
            int digit = text.charAt(i) < 128 ? Character.digit(text.charAt(i), radix) : -1;
            if (digit < 0) {
                return OptionalLong.empty();
            }
            value = Math.min(SATURATED, value * radix + digit);
        }
        return OptionalLong.of(negative ? -value : value);
    }
}
