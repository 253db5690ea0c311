package org.jntp.source;

import java.nio.ByteBuffer;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.Mode;
import org.jntp.protocol.NtpHeader;
import org.jntp.protocol.NtpShort;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;

/** A server's answer to a request, built field by field; a synchronized stratum-2 reply unless told otherwise. */
final class ServerReply {
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

    private ServerReply() {}

    /** The reply to {@code request} with receive and transmit times T2 and T3 (Unix ns), echoing its poll. */
    static ServerReply to(Request request, long receiveClockNanos, long transmitClockNanos) {
        ServerReply reply = new ServerReply();
        reply.poll = request.header().poll();
        reply.origin = request.header().transmitTime();
        reply.receive = NtpTimestamp.ofUnixNanos(receiveClockNanos);
        reply.transmit = NtpTimestamp.ofUnixNanos(transmitClockNanos);
        reply.referenceTime = NtpTimestamp.ofUnixNanos(receiveClockNanos - 30_000_000_000L);
        return reply;
    }

    /** The kiss-o'-death an ntpd server sends in answer to {@code request}, asking for poll {@code pollLog2}. */
    static ServerReply kiss(Request request, KissCode code, int pollLog2) {
        NtpHeader kiss = NtpHeader.kissOfDeath(request.header(), code, pollLog2);
        ServerReply reply = new ServerReply();
        reply.leap = kiss.leap();
        reply.stratum = kiss.stratum();
        reply.poll = kiss.poll();
        reply.precision = kiss.precision();
        reply.rootDelay = kiss.rootDelay();
        reply.rootDispersion = kiss.rootDispersion();
        reply.referenceId = kiss.referenceId();
        reply.referenceTime = kiss.referenceTime();
        reply.origin = kiss.originTime();
        reply.receive = kiss.receiveTime();
        reply.transmit = kiss.transmitTime();
        return reply;
    }

    ServerReply leap(LeapIndicator value) {
        leap = value;
        return this;
    }

    ServerReply version(int value) {
        version = value;
        return this;
    }

    ServerReply mode(Mode value) {
        mode = value;
        return this;
    }

    ServerReply stratum(int value) {
        stratum = value;
        return this;
    }

    ServerReply poll(int value) {
        poll = value;
        return this;
    }

    ServerReply precision(int value) {
        precision = value;
        return this;
    }

    ServerReply rootDelaySeconds(double value) {
        rootDelay = NtpShort.ofSeconds(value);
        return this;
    }

    ServerReply rootDispersionSeconds(double value) {
        rootDispersion = NtpShort.ofSeconds(value);
        return this;
    }

    ServerReply referenceId(ReferenceId value) {
        referenceId = value;
        return this;
    }

    ServerReply origin(NtpTimestamp value) {
        origin = value;
        return this;
    }

    ServerReply receive(NtpTimestamp value) {
        receive = value;
        return this;
    }

    ServerReply transmit(NtpTimestamp value) {
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
