package org.jntp.ntpq;

import java.util.OptionalLong;

/**
 * Numbers as C's {@code sscanf} reads them where ntpq's ifstats and reslist use it: leading white
 * space skipped, an optional sign, then as many digits as there are; anything after them is left
 * unread. Out-of-range values wrap as the C integer they are read into would.
 */
final class ScanfNumbers {
    private static final long UNSIGNED_32 = 0xFFFF_FFFFL;

    private ScanfNumbers() {}

    /** {@code %u} into a {@code u_int}: the value modulo 2^32. */
    static OptionalLong unsigned32(String text) {
        OptionalLong value = scan(text, 10);
        return value.isPresent() ? OptionalLong.of(value.getAsLong() & UNSIGNED_32) : value;
    }

    /** {@code %lu} into a 64-bit {@code u_long}: the value modulo 2^64, to be read as unsigned. */
    static OptionalLong unsigned64(String text) {
        return scan(text, 10);
    }

    /** {@code %d} into an {@code int}. */
    static OptionalLong signed32(String text) {
        OptionalLong value = scan(text, 10);
        return value.isPresent() ? OptionalLong.of((int) value.getAsLong()) : value;
    }

    /** {@code 0x%x}: the literal {@code 0x}, then hex digits, into a {@code u_int}. */
    static OptionalLong hex32(String text) {
        if (!text.startsWith("0x")) {
            return OptionalLong.empty();
        }
        OptionalLong value = scan(text.substring(2), 16);
        return value.isPresent() ? OptionalLong.of(value.getAsLong() & UNSIGNED_32) : value;
    }

    /** {@code sscanf(tag, "prefix%u", &n)}: the number after the prefix, as an index. */
    static OptionalLong index(String tag, String prefix) {
        return tag.startsWith(prefix) ? unsigned32(tag.substring(prefix.length())) : OptionalLong.empty();
    }

    private static OptionalLong scan(String text, int radix) {
        int at = 0;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        boolean negative = false;
        if (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
            negative = text.charAt(at) == '-';
            at++;
        }
        int start = at;
        long value = 0;
        while (at < text.length() && Character.digit(text.charAt(at), radix) >= 0
                && text.charAt(at) < 0x80) {
            value = value * radix + Character.digit(text.charAt(at), radix);
            at++;
        }
        if (at == start) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(negative ? -value : value);
    }
}
