package org.jntp.protocol;

/**
 * The 32-bit NTP short format (RFC 5905 §6): unsigned 16.16 seconds, used for root delay and
 * root dispersion. Conversions round to nearest and saturate at 0 and at just under 65536 s.
 *
 * @param bits seconds in the high 16 bits, fraction in the low 16 bits, unsigned
 */
public record NtpShort(int bits) {
    /** Zero seconds. */
    public static final NtpShort ZERO = new NtpShort(0);
    /** The largest value, 65535.99998 s. */
    public static final NtpShort MAX = new NtpShort(0xFFFF_FFFF);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final double UNITS_PER_SECOND = 65536.0;
    private static final long MAX_NANOS = nanosOfBits(MAX.bits);

    /** The short-format value of a duration in nanoseconds; negative gives zero, too large gives {@link #MAX}. */
    public static NtpShort ofNanos(long nanos) {
        return new NtpShort(bitsOfNanos(nanos));
    }

    /** Allocation-free form of {@link #ofNanos}. */
    public static int bitsOfNanos(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        if (nanos >= MAX_NANOS) {
            return MAX.bits;
        }
        return (int) (((nanos << 16) + NANOS_PER_SECOND / 2) / NANOS_PER_SECOND);
    }

    /** Allocation-free form of {@link #toNanos}. */
    public static long nanosOfBits(int bits) {
        return (Integer.toUnsignedLong(bits) * NANOS_PER_SECOND + (1L << 15)) >>> 16;
    }

    /** The short-format value of a duration in seconds; negative or NaN gives zero, too large gives {@link #MAX}. */
    public static NtpShort ofSeconds(double seconds) {
        double units = seconds * UNITS_PER_SECOND;
        if (!(units > 0)) {
            return ZERO;
        }
        if (units >= Integer.toUnsignedLong(MAX.bits)) {
            return MAX;
        }
        return new NtpShort((int) Math.round(units));
    }

    /** This value in nanoseconds. */
    public long toNanos() {
        return nanosOfBits(bits);
    }

    /** This value in seconds. */
    public double toSeconds() {
        return Integer.toUnsignedLong(bits) / UNITS_PER_SECOND;
    }

    /** Hex seconds and fraction, e.g. {@code 0000.0a3d}. */
    @Override
    public String toString() {
        return String.format("%04x.%04x", bits >>> 16, bits & 0xFFFF);
    }
}
