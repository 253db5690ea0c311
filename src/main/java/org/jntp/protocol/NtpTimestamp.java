package org.jntp.protocol;

/**
 * A 64-bit NTP timestamp (RFC 5905 §6): 32 bits of seconds since 1900-01-01 00:00 UTC within an
 * era of 2<sup>32</sup> s, and 32 bits of fraction. The era is not on the wire, so converting to
 * Unix time needs a pivot: the result is the instant closest to it (RFC 5905 §6, RFC 4330 §3),
 * which keeps conversions right across the 2036-02-07 rollover and before 1970.
 *
 * <p>Nanoseconds to timestamp to nanoseconds is lossless: one fraction unit is about 0.23 ns,
 * and both directions round to nearest.
 *
 * @param bits seconds in the high 32 bits, fraction in the low 32 bits
 */
public record NtpTimestamp(long bits) {
    /** The all-zero timestamp, which RFC 5905 uses for "not known". */
    public static final NtpTimestamp ZERO = new NtpTimestamp(0);
    /** Seconds from the NTP prime epoch (1900-01-01) to the Unix epoch (1970-01-01). */
    public static final long UNIX_EPOCH_NTP_SECONDS = 2_208_988_800L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long HALF_ERA_SECONDS = 1L << 31;
    private static final long LOW_32 = 0xFFFF_FFFFL;
    private static final long HALF_FRACTION_UNIT = 1L << 31;

    /** The timestamp of a Unix time in nanoseconds (any era; the era itself is dropped). */
    public static NtpTimestamp ofUnixNanos(long unixNanos) {
        return new NtpTimestamp(bitsOfUnixNanos(unixNanos));
    }

    /** Allocation-free form of {@link #ofUnixNanos}. */
    public static long bitsOfUnixNanos(long unixNanos) {
        long ntpSeconds = Math.floorDiv(unixNanos, NANOS_PER_SECOND) + UNIX_EPOCH_NTP_SECONDS;
        long nanos = Math.floorMod(unixNanos, NANOS_PER_SECOND);
        long fraction = ((nanos << 32) + NANOS_PER_SECOND / 2) / NANOS_PER_SECOND;
        return (ntpSeconds << 32) | fraction;
    }

    /**
     * Allocation-free form of {@link #toUnixNanos}: the Unix nanoseconds of {@code bits} in the era
     * that puts them within 68 years of the pivot. The pivot must lie between the years 1746 and
     * 2193 so the result fits in a long.
     */
    public static long unixNanosOfBits(long bits, long pivotUnixNanos) {
        long pivotNtpSeconds = Math.floorDiv(pivotUnixNanos, NANOS_PER_SECOND) + UNIX_EPOCH_NTP_SECONDS;
        long windowStart = pivotNtpSeconds - HALF_ERA_SECONDS;
        long ntpSeconds = windowStart + (((bits >>> 32) - windowStart) & LOW_32);
        return (ntpSeconds - UNIX_EPOCH_NTP_SECONDS) * NANOS_PER_SECOND + fractionNanos(bits);
    }

    /**
     * The signed difference {@code bits - otherBits} in nanoseconds (rounded to nearest). Taken
     * modulo 2<sup>64</sup>, so it is right across an era rollover as long as the two are less than
     * 68 years apart.
     */
    public static long differenceNanos(long bits, long otherBits) {
        long difference = bits - otherBits;
        return (difference >> 32) * NANOS_PER_SECOND + fractionNanos(difference);
    }

    private static long fractionNanos(long bits) {
        return ((bits & LOW_32) * NANOS_PER_SECOND + HALF_FRACTION_UNIT) >>> 32;
    }

    /** This timestamp as Unix nanoseconds, in the era closest to the pivot (see {@link #unixNanosOfBits}). */
    public long toUnixNanos(long pivotUnixNanos) {
        return unixNanosOfBits(bits, pivotUnixNanos);
    }

    /** {@code this - other} in nanoseconds, era-wrapping (see {@link #differenceNanos}). */
    public long minusNanos(NtpTimestamp other) {
        return differenceNanos(bits, other.bits);
    }

    /** True for the all-zero timestamp. */
    public boolean isZero() {
        return bits == 0;
    }

    /** The seconds field: seconds since the start of the era, 0 to 2<sup>32</sup>-1. */
    public long seconds() {
        return bits >>> 32;
    }

    /** The fraction field, in units of 2<sup>-32</sup> s. */
    public long fraction() {
        return bits & LOW_32;
    }

    /** The hex form ntpq prints, e.g. {@code e6a1b2c3.12345678}. */
    @Override
    public String toString() {
        return String.format("%08x.%08x", seconds(), fraction());
    }
}
