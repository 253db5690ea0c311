package org.jntp.ntpq;

import java.util.OptionalLong;

/** Integers as ntpq reads them from responses and commands ({@code decodeuint}, {@code atouint}...). */
public final class NtpqIntegers {
    private static final long MAX_UNSIGNED_32 = 0xFFFF_FFFFL;

    private NtpqIntegers() {}

    /** {@code decodeuint}: {@code 0x} hex, octal after a leading 0, else decimal digits. */
    public static OptionalLong decodeUnsigned(String text) {
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return parse(text.substring(2), 16);
        }
        if (text.startsWith("0")) {
            return parse(text, 8);
        }
        return parse(text, 10);
    }

    /** {@code decodeint}: as {@link #decodeUnsigned}, and a sign for decimal values. */
    public static OptionalLong decodeSigned(String text) {
        if (text.startsWith("-") || text.startsWith("+")) {
            OptionalLong magnitude = parse(text.substring(1), 10);
            return text.startsWith("-") && magnitude.isPresent() ? OptionalLong.of(-magnitude.getAsLong()) : magnitude;
        }
        return decodeUnsigned(text);
    }

    /** {@code atoint}: an optional sign and decimal digits. */
    public static OptionalLong parseSigned(String text) {
        if (text.startsWith("-")) {
            OptionalLong magnitude = parse(text.substring(1), 10);
            return magnitude.isPresent() ? OptionalLong.of(-magnitude.getAsLong()) : magnitude;
        }
        return parse(text.startsWith("+") ? text.substring(1) : text, 10);
    }

    /** {@code atouint}: decimal digits only, at most 2^32 - 1. */
    public static OptionalLong parseUnsigned(String text) {
        return parse(text, 10);
    }

    private static OptionalLong parse(String digits, int radix) {
        if (digits.isEmpty() || digits.length() > 11) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), radix);
            if (digit < 0) {
                return OptionalLong.empty();
            }
            value = value * radix + digit;
        }
        return value > MAX_UNSIGNED_32 ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
