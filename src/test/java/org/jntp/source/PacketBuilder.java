package org.jntp.source;

import java.nio.ByteBuffer;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;

/** A packet built field by field: a server's synchronized stratum-2 reply to a request, unless told otherwise. */
final class PacketBuilder {
    private LeapIndicator leap = LeapIndicator.NO_WARNING;
    private int version = NtpHeader.VERSION;
    private Mode mode = Mode.SERVER;
    private int stratum = 2;
    private int poll;
    private int precision = -20;
    private NtpShort rootDelay = NtpShort.ofSeconds(0.010);
    private NtpShort rootDispersion = NtpShort.ofSeconds(0.020);
    private ReferenceId referenceId = new ReferenceId(0xC000_0201);
    private NtpTimestamp referenceTime;
    private NtpTimestamp origin;
    private NtpTimestamp receive;
    private NtpTimestamp transmit;

    private PacketBuilder() {}

    /** The reply to {@code request} with receive and transmit times T2 and T3 (Unix ns), echoing its poll. */
    static PacketBuilder replyTo(Request request, long receiveClockNanos, long transmitClockNanos) {
        PacketBuilder reply = new PacketBuilder();
        reply.poll = request.header().poll();
        reply.origin = request.header().transmitTime();
        reply.receive = NtpTimestamp.ofUnixNanos(receiveClockNanos);
        reply.transmit = NtpTimestamp.ofUnixNanos(transmitClockNanos);
        reply.referenceTime = NtpTimestamp.ofUnixNanos(receiveClockNanos - 30_000_000_000L);
        return reply;
    }

    /** Every field as in {@code header}, to be changed. */
    static PacketBuilder from(NtpHeader header) {
        PacketBuilder packet = new PacketBuilder();
        packet.leap = header.leap();
        packet.version = header.version();
        packet.mode = header.mode();
        packet.stratum = header.stratum();
        packet.poll = header.poll();
        packet.precision = header.precision();
        packet.rootDelay = header.rootDelay();
        packet.rootDispersion = header.rootDispersion();
        packet.referenceId = header.referenceId();
        packet.referenceTime = header.referenceTime();
        packet.origin = header.originTime();
        packet.receive = header.receiveTime();
        packet.transmit = header.transmitTime();
        return packet;
    }

    /** The kiss-o'-death an ntpd server sends in answer to {@code request}, asking for poll {@code pollLog2}. */
    static PacketBuilder kiss(Request request, KissCode code, int pollLog2) {
        return from(NtpHeader.kissOfDeath(request.header(), code, pollLog2));
    }

    PacketBuilder leap(LeapIndicator value) {
        leap = value;
        return this;
    }

    PacketBuilder version(int value) {
        version = value;
        return this;
    }

    PacketBuilder mode(Mode value) {
        mode = value;
        return this;
    }

    PacketBuilder stratum(int value) {
        stratum = value;
        return this;
    }

    PacketBuilder poll(int value) {
        poll = value;
        return this;
    }

    PacketBuilder precision(int value) {
        precision = value;
        return this;
    }

    PacketBuilder rootDelaySeconds(double value) {
        rootDelay = NtpShort.ofSeconds(value);
        return this;
    }

    PacketBuilder rootDispersionSeconds(double value) {
        rootDispersion = NtpShort.ofSeconds(value);
        return this;
    }

    PacketBuilder referenceId(ReferenceId value) {
        referenceId = value;
        return this;
    }

    PacketBuilder origin(NtpTimestamp value) {
        origin = value;
        return this;
    }

    PacketBuilder receive(NtpTimestamp value) {
        receive = value;
        return this;
    }

    PacketBuilder transmit(NtpTimestamp value) {
        transmit = value;
        return this;
    }

    NtpHeader header() {
        return new NtpHeader(leap, version, mode, stratum, poll, precision, rootDelay, rootDispersion,
                referenceId, referenceTime, origin, receive, transmit);
    }

    byte[] bytes() {
        ByteBuffer buf = ByteBuffer.allocate(NtpHeader.LENGTH);
        header().encode(buf);
        return buf.array();
    }
}
