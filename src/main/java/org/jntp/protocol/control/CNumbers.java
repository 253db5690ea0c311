package org.jntp.protocol.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C's {@code printf} conversions {@code %.Nf} and {@code %g} as glibc prints doubles: from the
 * exact binary value, ties to even. Java's own formatter rounds its shortest decimal form half
 * up, which differs in the last digit now and then.
 */
final class CNumbers {
    private static final int GENERAL_PRECISION = 6;

    private CNumbers() {}

    /** {@code %.<decimals>f}. */
    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        return signed(value, new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).abs().toPlainString());
    }

    /** {@code %g}: 6 significant digits, trailing zeros dropped, exponent form outside 1e-4 to 1e6. */
    static String general(double value) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        if (value == 0) {
            return signed(value, "0");
        }
        BigDecimal rounded = new BigDecimal(value).abs().round(new MathContext(GENERAL_PRECISION, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= GENERAL_PRECISION) {
            String mantissa = stripZeros(rounded.movePointLeft(exponent).setScale(GENERAL_PRECISION - 1).toPlainString());
            String digits = Integer.toString(Math.abs(exponent));
            return signed(value, mantissa + "e" + (exponent < 0 ? "-" : "+") + (digits.length() < 2 ? "0" : "") + digits);
        }
        return signed(value, stripZeros(rounded.setScale(GENERAL_PRECISION - 1 - exponent).toPlainString()));
    }

    private static String stripZeros(String number) {
        if (number.indexOf('.') < 0) {
            return number;
        }
        int end = number.length();
        while (number.charAt(end - 1) == '0') {
            end--;
        }
        return number.substring(0, number.charAt(end - 1) == '.' ? end - 1 : end);
    }

    /** C keeps the sign of negative values that round to zero, and of -0.0. */
    private static String signed(double value, String magnitude) {
        return (value < 0 || Double.doubleToRawLongBits(value) == Long.MIN_VALUE ? "-" : "") + magnitude;
    }

    private static String nonFinite(double value) {
        return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }
}
