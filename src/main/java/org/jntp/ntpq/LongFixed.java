package org.jntp.ntpq;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ntpd's 64-bit fixed-point {@code l_fp} (32 bits of seconds, 32 of fraction) held in a long, and
 * the libntp conversions ntpq makes with it: values in milliseconds read ({@code mstolfp}) and
 * printed with a fixed count of decimals ({@code lfptoms}, {@code ulfptoms}), timestamps read in
 * hex or decimal ({@code decodets}).
 */
public final class LongFixed {
    private static final BigDecimal FRACTION_UNITS = new BigDecimal(BigInteger.ONE.shiftLeft(32));
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final Pattern DECIMAL = Pattern.compile("\\s*([-+]?)(\\d+\\.?\\d*|\\.\\d+)\\s*");
    private static final Pattern HEX = Pattern.compile("\\s*([0-9a-fA-F]{1,8})(?:\\.([0-9a-fA-F]{0,8}))?\\s*");

    private LongFixed() {}

    /** Milliseconds in decimal, e.g. {@code -0.017}, as an l_fp of seconds ({@code mstolfp}). */
    public static OptionalLong fromMillis(String text) {
        return decimal(text, 3);
    }

    /** Seconds in decimal as an l_fp ({@code atolfp}). */
    public static OptionalLong fromSeconds(String text) {
        return decimal(text, 0);
    }

    private static OptionalLong decimal(String text, int shift) {
        Matcher m = DECIMAL.matcher(text);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        BigDecimal seconds = new BigDecimal(m.group(2)).movePointLeft(shift);
        BigInteger units = seconds.multiply(FRACTION_UNITS).setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        if (units.bitLength() > 63) {
            return OptionalLong.empty();
        }
        long value = units.longValueExact();
        return OptionalLong.of(m.group(1).equals("-") ? -value : value);
    }

    /**
     * A timestamp as ntpq's {@code decodets} reads one: {@code 0x} and hex, hex starting with a
     * letter, or decimal seconds. The RT-11 dates of fuzzballs are not read.
     */
    public static OptionalLong fromTimestamp(String text) {
        if (text.startsWith("0x") || text.startsWith("0X")) {
            return fromHex(text.substring(2));
        }
        if (!text.isEmpty() && Character.digit(text.charAt(0), 16) >= 10) {
            return fromHex(text);
        }
        return fromSeconds(text);
    }

    /** {@code hextolfp}: up to 8 hex digits of seconds, optionally a point and up to 8 of fraction. */
    private static OptionalLong fromHex(String text) {
        Matcher m = HEX.matcher(text);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        long seconds = Long.parseLong(m.group(1), 16);
        long fraction = m.group(2) == null || m.group(2).isEmpty() ? 0 : Long.parseLong(m.group(2), 16);
        return OptionalLong.of(seconds << 32 | fraction);
    }

    /**
     * Milliseconds with {@code decimals} decimals, rounded half up from the exact binary value, a
     * minus sign for every negative value ({@code lfptoms}).
     */
    public static String millis(long lfp, int decimals) {
        if (lfp < 0) {
            return "-" + millisOf(BigInteger.valueOf(lfp).negate(), decimals);
        }
        return millisOf(BigInteger.valueOf(lfp), decimals);
    }

    /** As {@link #millis} but the value read as unsigned ({@code ulfptoms}). */
    public static String unsignedMillis(long lfp, int decimals) {
        return millisOf(new BigInteger(Long.toUnsignedString(lfp)), decimals);
    }

    private static String millisOf(BigInteger units, int decimals) {
        return new BigDecimal(units).multiply(THOUSAND).divide(FRACTION_UNITS)
                .setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** The seconds field, unsigned. */
    public static long seconds(long lfp) {
        return lfp >>> 32;
    }

    /** The fraction field, unsigned. */
    public static long fraction(long lfp) {
        return lfp & 0xFFFF_FFFFL;
    }
}
