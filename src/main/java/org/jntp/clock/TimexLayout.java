package org.jntp.clock;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.util.Arrays;

/** {@code struct timex} as x86_64 glibc lays it out (208 bytes), and copying to and from it. */
final class TimexLayout {

    static final StructLayout TIMEX = MemoryLayout.structLayout(
            JAVA_INT.withName("modes"),
            MemoryLayout.paddingLayout(4),
            JAVA_LONG.withName("offset"),
            JAVA_LONG.withName("freq"),
            JAVA_LONG.withName("maxerror"),
            JAVA_LONG.withName("esterror"),
            JAVA_INT.withName("status"),
            MemoryLayout.paddingLayout(4),
            JAVA_LONG.withName("constant"),
            JAVA_LONG.withName("precision"),
            JAVA_LONG.withName("tolerance"),
            MemoryLayout.structLayout(JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_usec")).withName("time"),
            JAVA_LONG.withName("tick"),
            JAVA_LONG.withName("ppsfreq"),
            JAVA_LONG.withName("jitter"),
            JAVA_INT.withName("shift"),
            MemoryLayout.paddingLayout(4),
            JAVA_LONG.withName("stabil"),
            JAVA_LONG.withName("jitcnt"),
            JAVA_LONG.withName("calcnt"),
            JAVA_LONG.withName("errcnt"),
            JAVA_LONG.withName("stbcnt"),
            JAVA_INT.withName("tai"),
            // glibc reserves eleven more ints for future fields
            MemoryLayout.paddingLayout(44))
            .withName("timex");

    private static final long MODES = offsetOf("modes");
    private static final long OFFSET = offsetOf("offset");
    private static final long FREQ = offsetOf("freq");
    private static final long MAXERROR = offsetOf("maxerror");
    private static final long ESTERROR = offsetOf("esterror");
    private static final long STATUS = offsetOf("status");
    private static final long CONSTANT = offsetOf("constant");
    private static final long PRECISION = offsetOf("precision");
    private static final long TOLERANCE = offsetOf("tolerance");
    private static final long TIME_SEC = offsetOf("time.tv_sec");
    private static final long TIME_USEC = offsetOf("time.tv_usec");
    private static final long TICK = offsetOf("tick");
    private static final long PPSFREQ = offsetOf("ppsfreq");
    private static final long JITTER = offsetOf("jitter");
    private static final long SHIFT = offsetOf("shift");
    private static final long STABIL = offsetOf("stabil");
    private static final long JITCNT = offsetOf("jitcnt");
    private static final long CALCNT = offsetOf("calcnt");
    private static final long ERRCNT = offsetOf("errcnt");
    private static final long STBCNT = offsetOf("stbcnt");
    private static final long TAI = offsetOf("tai");

    private TimexLayout() {}

    /** Byte offset of a member named as in C, nested members joined by dots ({@code time.tv_sec}). */
    static long offsetOf(String member) {
        PathElement[] path = Arrays.stream(member.split("\\."))
                .map(PathElement::groupElement)
                .toArray(PathElement[]::new);
        return TIMEX.byteOffset(path);
    }

    /** Fills a zeroed {@code struct timex} with the request. */
    static void write(TimexRequest request, MemorySegment timex) {
        timex.set(JAVA_INT, MODES, request.modes());
        timex.set(JAVA_LONG, OFFSET, request.offset());
        timex.set(JAVA_LONG, FREQ, request.freq());
        timex.set(JAVA_LONG, MAXERROR, request.maxerror());
        timex.set(JAVA_LONG, ESTERROR, request.esterror());
        timex.set(JAVA_INT, STATUS, request.status());
        timex.set(JAVA_LONG, CONSTANT, request.constant());
        timex.set(JAVA_LONG, TIME_SEC, request.timeSec());
        timex.set(JAVA_LONG, TIME_USEC, request.timeNsec());
        timex.set(JAVA_LONG, TICK, request.tick());
    }

    /** The state in a {@code struct timex} the kernel filled in, with the call's return value. */
    static Timex read(MemorySegment timex, int returnValue) {
        return new Timex(
                TimeState.ofCode(returnValue),
                timex.get(JAVA_INT, MODES),
                timex.get(JAVA_LONG, OFFSET),
                timex.get(JAVA_LONG, FREQ),
                timex.get(JAVA_LONG, MAXERROR),
                timex.get(JAVA_LONG, ESTERROR),
                timex.get(JAVA_INT, STATUS),
                timex.get(JAVA_LONG, CONSTANT),
                timex.get(JAVA_LONG, PRECISION),
                timex.get(JAVA_LONG, TOLERANCE),
                timex.get(JAVA_LONG, TIME_SEC),
                timex.get(JAVA_LONG, TIME_USEC),
                timex.get(JAVA_LONG, TICK),
                timex.get(JAVA_LONG, PPSFREQ),
                timex.get(JAVA_LONG, JITTER),
                timex.get(JAVA_INT, SHIFT),
                timex.get(JAVA_LONG, STABIL),
                timex.get(JAVA_LONG, JITCNT),
                timex.get(JAVA_LONG, CALCNT),
                timex.get(JAVA_LONG, ERRCNT),
                timex.get(JAVA_LONG, STBCNT),
                timex.get(JAVA_INT, TAI));
    }
}
