package org.jntp.protocol;

import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The 48-byte NTP packet header (RFC 5905 §7.3, Figure 8). Any 48 bytes decode into a header:
 * the version is kept raw (0 to 7) so an unsupported one can be reported, and every mode decodes,
 * although modes 6 and 7 really carry other formats.
 *
 * @param leap leap indicator
 * @param version version number, 0 to 7 (this implementation speaks 1 to 4)
 * @param mode association mode
 * @param stratum 0 (unspecified or kiss-o'-death), 1 (primary), 2-15 (secondary), 16 (unsynchronized), up to 255
 * @param poll log2 of the poll interval in seconds, -128 to 127
 * @param precision log2 of the clock precision in seconds, -128 to 127
 * @param rootDelay round-trip delay to the reference clock
 * @param rootDispersion dispersion to the reference clock
 * @param referenceId source identifier, or kiss code at stratum 0
 * @param referenceTime time the clock was last set or corrected
 * @param originTime T1: the request's transmit time, echoed in a reply
 * @param receiveTime T2: time the request arrived at the server
 * @param transmitTime T3: time the packet left its sender
 */
public record NtpHeader(
        LeapIndicator leap,
        int version,
        Mode mode,
        int stratum,
        int poll,
        int precision,
        NtpShort rootDelay,
        NtpShort rootDispersion,
        ReferenceId referenceId,
        NtpTimestamp referenceTime,
        NtpTimestamp originTime,
        NtpTimestamp receiveTime,
        NtpTimestamp transmitTime) {

    /** Header length in bytes. */
    public static final int LENGTH = 48;
    /** The NTP version this implementation speaks. */
    public static final int VERSION = 4;
    /** The oldest version still answered (RFC 5905 §9.2 keeps NTPv1-3 compatible). */
    public static final int MIN_VERSION = 1;
    /** Stratum of a kiss-o'-death packet (RFC 5905 §7.4). */
    public static final int STRATUM_KISS = 0;

    /** Checks every field fits its wire width. */
    public NtpHeader {
        Objects.requireNonNull(leap, "leap");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(rootDelay, "rootDelay");
        Objects.requireNonNull(rootDispersion, "rootDispersion");
        Objects.requireNonNull(referenceId, "referenceId");
        Objects.requireNonNull(referenceTime, "referenceTime");
        Objects.requireNonNull(originTime, "originTime");
        Objects.requireNonNull(receiveTime, "receiveTime");
        Objects.requireNonNull(transmitTime, "transmitTime");
        requireRange("version", version, 0, 7);
        requireRange("stratum", stratum, 0, 255);
        requireRange("poll", poll, Byte.MIN_VALUE, Byte.MAX_VALUE);
        requireRange("precision", precision, Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " not in " + min + ".." + max);
        }
    }

    /**
     * A client poll request: every field zero except version, mode and the transmit time, which
     * the server echoes as origin time (RFC 4330 §5). chronyd's requests add poll and precision,
     * ntpdig's set leap 3; servers need neither.
     */
    public static NtpHeader clientRequest(int version, NtpTimestamp transmit) {
        requireRange("version", version, MIN_VERSION, VERSION);
        return new NtpHeader(LeapIndicator.NO_WARNING, version, Mode.CLIENT, 0, 0, 0,
                NtpShort.ZERO, NtpShort.ZERO, ReferenceId.NONE,
                NtpTimestamp.ZERO, NtpTimestamp.ZERO, NtpTimestamp.ZERO, transmit);
    }

    /**
     * The kiss-o'-death reply to a client request, built the way ntpd and NTPsec build theirs:
     * leap unsynchronized, stratum 0, the kiss code as reference identifier, the request's poll
     * raised to at least {@code minPoll}, and the request's transmit time as origin, receive and
     * transmit time, so the reply carries no clock reading. Other fields are echoed.
     */
    public static NtpHeader kissOfDeath(NtpHeader request, KissCode code, int minPoll) {
        return new NtpHeader(LeapIndicator.UNSYNCHRONIZED, request.version, Mode.SERVER, STRATUM_KISS,
                Math.max(request.poll, minPoll), request.precision,
                request.rootDelay, request.rootDispersion, code.referenceId(), request.referenceTime,
                request.transmitTime, request.transmitTime, request.transmitTime);
    }

    /** True for a kiss-o'-death reply (stratum 0); only meaningful in server and peer packets. */
    public boolean isKissOfDeath() {
        return stratum == STRATUM_KISS;
    }

    /**
     * Writes the 48 bytes at the buffer's position and advances it.
     *
     * @throws BufferOverflowException if fewer than 48 bytes remain; nothing is written then
     */
    public void encode(ByteBuffer buf) {
        if (buf.remaining() < LENGTH) {
            throw new BufferOverflowException();
        }
        ByteBuffer view = buf.slice(buf.position(), LENGTH);
        HeaderView.putLeapVersionMode(view, leap, version, mode);
        HeaderView.putStratum(view, stratum);
        HeaderView.putPoll(view, poll);
        HeaderView.putPrecision(view, precision);
        HeaderView.putRootDelayBits(view, rootDelay.bits());
        HeaderView.putRootDispersionBits(view, rootDispersion.bits());
        HeaderView.putReferenceIdBits(view, referenceId.bits());
        HeaderView.putReferenceTimeBits(view, referenceTime.bits());
        HeaderView.putOriginTimeBits(view, originTime.bits());
        HeaderView.putReceiveTimeBits(view, receiveTime.bits());
        HeaderView.putTransmitTimeBits(view, transmitTime.bits());
        buf.position(buf.position() + LENGTH);
    }

    /**
     * Reads 48 bytes at the buffer's position and advances it. For datagrams off the network use
     * {@link NtpPacket#parse}, which checks the length.
     *
     * @throws BufferUnderflowException if fewer than 48 bytes remain; nothing is read then
     */
    public static NtpHeader decode(ByteBuffer buf) {
        if (buf.remaining() < LENGTH) {
            throw new BufferUnderflowException();
        }
        ByteBuffer view = buf.slice(buf.position(), LENGTH);
        buf.position(buf.position() + LENGTH);
        return new NtpHeader(
                HeaderView.leap(view),
                HeaderView.version(view),
                HeaderView.mode(view),
                HeaderView.stratum(view),
                HeaderView.poll(view),
                HeaderView.precision(view),
                new NtpShort(HeaderView.rootDelayBits(view)),
                new NtpShort(HeaderView.rootDispersionBits(view)),
                new ReferenceId(HeaderView.referenceIdBits(view)),
                new NtpTimestamp(HeaderView.referenceTimeBits(view)),
                new NtpTimestamp(HeaderView.originTimeBits(view)),
                new NtpTimestamp(HeaderView.receiveTimeBits(view)),
                new NtpTimestamp(HeaderView.transmitTimeBits(view)));
    }
}
