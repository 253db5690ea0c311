package org.jntp.protocol;

import java.nio.ByteBuffer;

/**
 * Allocation-free reads and writes of the 48-byte header fields at their fixed offsets, for the
 * server's per-packet path. The header starts at index 0 of the buffer (use a slice otherwise);
 * the buffer's position, limit and byte order are ignored and left alone. Callers check the length
 * first ({@link NtpPacket#check}); reading past the limit throws {@link IndexOutOfBoundsException}.
 * Writers take raw field values and store their low bits, without range checks.
 */
public final class HeaderView {
    /** Offset of the octet holding leap indicator (2 bits), version (3 bits) and mode (3 bits). */
    public static final int OFFSET_LI_VN_MODE = 0;
    /** Offset of the stratum octet (unsigned). */
    public static final int OFFSET_STRATUM = 1;
    /** Offset of the poll octet (signed log2 seconds). */
    public static final int OFFSET_POLL = 2;
    /** Offset of the precision octet (signed log2 seconds). */
    public static final int OFFSET_PRECISION = 3;
    /** Offset of the root delay (NTP short format). */
    public static final int OFFSET_ROOT_DELAY = 4;
    /** Offset of the root dispersion (NTP short format). */
    public static final int OFFSET_ROOT_DISPERSION = 8;
    /** Offset of the reference identifier. */
    public static final int OFFSET_REFERENCE_ID = 12;
    /** Offset of the reference timestamp. */
    public static final int OFFSET_REFERENCE_TIME = 16;
    /** Offset of the origin timestamp (T1, the request's transmit time echoed back). */
    public static final int OFFSET_ORIGIN_TIME = 24;
    /** Offset of the receive timestamp (T2). */
    public static final int OFFSET_RECEIVE_TIME = 32;
    /** Offset of the transmit timestamp (T3). */
    public static final int OFFSET_TRANSMIT_TIME = 40;

    private HeaderView() {}

    /** The leap indicator. */
    public static LeapIndicator leap(ByteBuffer buf) {
        return LeapIndicator.of(Wire.u8(buf, OFFSET_LI_VN_MODE) >>> 6);
    }

    /** The raw version number, 0 to 7. */
    public static int version(ByteBuffer buf) {
        return (Wire.u8(buf, OFFSET_LI_VN_MODE) >>> 3) & 0x7;
    }

    /** The mode. */
    public static Mode mode(ByteBuffer buf) {
        return Mode.of(Wire.u8(buf, OFFSET_LI_VN_MODE) & 0x7);
    }

    /** The stratum, 0 to 255. */
    public static int stratum(ByteBuffer buf) {
        return Wire.u8(buf, OFFSET_STRATUM);
    }

    /** The poll exponent, -128 to 127. */
    public static int poll(ByteBuffer buf) {
        return Wire.s8(buf, OFFSET_POLL);
    }

    /** The precision exponent, -128 to 127. */
    public static int precision(ByteBuffer buf) {
        return Wire.s8(buf, OFFSET_PRECISION);
    }

    /** The root delay as {@link NtpShort} bits. */
    public static int rootDelayBits(ByteBuffer buf) {
        return Wire.getInt(buf, OFFSET_ROOT_DELAY);
    }

    /** The root dispersion as {@link NtpShort} bits. */
    public static int rootDispersionBits(ByteBuffer buf) {
        return Wire.getInt(buf, OFFSET_ROOT_DISPERSION);
    }

    /** The reference identifier as {@link ReferenceId} bits. */
    public static int referenceIdBits(ByteBuffer buf) {
        return Wire.getInt(buf, OFFSET_REFERENCE_ID);
    }

    /** The reference timestamp as {@link NtpTimestamp} bits. */
    public static long referenceTimeBits(ByteBuffer buf) {
        return Wire.getLong(buf, OFFSET_REFERENCE_TIME);
    }

    /** The origin timestamp as {@link NtpTimestamp} bits. */
    public static long originTimeBits(ByteBuffer buf) {
        return Wire.getLong(buf, OFFSET_ORIGIN_TIME);
    }

    /** The receive timestamp as {@link NtpTimestamp} bits. */
    public static long receiveTimeBits(ByteBuffer buf) {
        return Wire.getLong(buf, OFFSET_RECEIVE_TIME);
    }

    /** The transmit timestamp as {@link NtpTimestamp} bits. */
    public static long transmitTimeBits(ByteBuffer buf) {
        return Wire.getLong(buf, OFFSET_TRANSMIT_TIME);
    }

    /** Writes the first octet; the low 3 bits of {@code version} are used. */
    public static void putLeapVersionMode(ByteBuffer buf, LeapIndicator leap, int version, Mode mode) {
        Wire.putU8(buf, OFFSET_LI_VN_MODE, (leap.code() << 6) | ((version & 0x7) << 3) | mode.code());
    }

    /** Writes the stratum (low 8 bits). */
    public static void putStratum(ByteBuffer buf, int stratum) {
        Wire.putU8(buf, OFFSET_STRATUM, stratum);
    }

    /** Writes the poll exponent (low 8 bits). */
    public static void putPoll(ByteBuffer buf, int poll) {
        Wire.putU8(buf, OFFSET_POLL, poll);
    }

    /** Writes the precision exponent (low 8 bits). */
    public static void putPrecision(ByteBuffer buf, int precision) {
        Wire.putU8(buf, OFFSET_PRECISION, precision);
    }

    /** Writes the root delay from {@link NtpShort} bits. */
    public static void putRootDelayBits(ByteBuffer buf, int bits) {
        Wire.putInt(buf, OFFSET_ROOT_DELAY, bits);
    }

    /** Writes the root dispersion from {@link NtpShort} bits. */
    public static void putRootDispersionBits(ByteBuffer buf, int bits) {
        Wire.putInt(buf, OFFSET_ROOT_DISPERSION, bits);
    }

    /** Writes the reference identifier from {@link ReferenceId} bits. */
    public static void putReferenceIdBits(ByteBuffer buf, int bits) {
        Wire.putInt(buf, OFFSET_REFERENCE_ID, bits);
    }

    /** Writes the reference timestamp from {@link NtpTimestamp} bits. */
    public static void putReferenceTimeBits(ByteBuffer buf, long bits) {
        Wire.putLong(buf, OFFSET_REFERENCE_TIME, bits);
    }

    /** Writes the origin timestamp from {@link NtpTimestamp} bits. */
    public static void putOriginTimeBits(ByteBuffer buf, long bits) {
        Wire.putLong(buf, OFFSET_ORIGIN_TIME, bits);
    }

    /** Writes the receive timestamp from {@link NtpTimestamp} bits. */
    public static void putReceiveTimeBits(ByteBuffer buf, long bits) {
        Wire.putLong(buf, OFFSET_RECEIVE_TIME, bits);
    }

    /** Writes the transmit timestamp from {@link NtpTimestamp} bits. */
    public static void putTransmitTimeBits(ByteBuffer buf, long bits) {
        Wire.putLong(buf, OFFSET_TRANSMIT_TIME, bits);
    }

    /**
     * Turns the client request in the buffer into the kiss-o'-death reply that
     * {@link NtpHeader#kissOfDeath} describes, in place.
     *
     * @param kissCodeBits the code as reference identifier bits, e.g. {@code KissCode.RATE.referenceId().bits()}
     * @param minPoll the smallest poll exponent to ask the client for
     */
    public static void rewriteAsKissOfDeath(ByteBuffer buf, int kissCodeBits, int minPoll) {
        long requestTransmitBits = transmitTimeBits(buf);
        putLeapVersionMode(buf, LeapIndicator.UNSYNCHRONIZED, version(buf), Mode.SERVER);
        putStratum(buf, NtpHeader.STRATUM_KISS);
        putPoll(buf, Math.max(poll(buf), minPoll));
        putReferenceIdBits(buf, kissCodeBits);
        putOriginTimeBits(buf, requestTransmitBits);
        putReceiveTimeBits(buf, requestTransmitBits);
    }
}
