package org.jntp.clock;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;

/**
 * {@code clock_gettime} through the FFM API, without allocating per call: CLOCK_REALTIME, which the
 * daemon reads and disciplines, and CLOCK_MONOTONIC_RAW, the bare oscillator that no step, slew or
 * frequency setting moves (the kernel test bed builds true time on it).
 */
public final class LinuxClockGettime {

    private static final int CLOCK_REALTIME = 0;
    private static final int CLOCK_MONOTONIC_RAW = 4;
    private static final StructLayout TIMESPEC =
            MemoryLayout.structLayout(JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_nsec"));
    private static final Linker LINKER = Linker.nativeLinker();
    // critical: the vDSO call takes tens of nanoseconds, too short to pay for a thread-state switch
    private static final MethodHandle CLOCK_GETTIME = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("clock_gettime"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS),
            Linker.Option.critical(false));
    // one buffer per thread: server threads read the clock concurrently
    private static final ThreadLocal<MemorySegment> BUFFER =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(TIMESPEC));

    private LinuxClockGettime() {}

    /** CLOCK_REALTIME as Unix epoch nanoseconds. */
    public static long realtimeNanos() {
        return read(CLOCK_REALTIME);
    }

    /** CLOCK_MONOTONIC_RAW, nanoseconds since boot. */
    public static long monotonicRawNanos() {
        return read(CLOCK_MONOTONIC_RAW);
    }

    private static long read(int clockId) {
        MemorySegment timespec = BUFFER.get();
        int result;
        try {
            result = (int) CLOCK_GETTIME.invokeExact(clockId, timespec);
        } catch (Throwable t) {
            throw new ClockException("clock_gettime could not be called", t);
        }
        if (result != 0) {
            throw new ClockException("clock_gettime(" + clockId + ") failed");
        }
        return timespec.get(JAVA_LONG, 0) * 1_000_000_000L + timespec.get(JAVA_LONG, 8);
    }
}
