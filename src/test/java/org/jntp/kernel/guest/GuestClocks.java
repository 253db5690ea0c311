package org.jntp.kernel.guest;

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
 * The guest's CLOCK_REALTIME, which the daemon disciplines, and CLOCK_MONOTONIC_RAW, the bare
 * oscillator that neither a step, a slew nor a frequency setting moves: true time is built on it.
 */
final class GuestClocks {

    private static final int CLOCK_REALTIME = 0;
    private static final int CLOCK_MONOTONIC_RAW = 4;
    private static final StructLayout TIMESPEC =
            MemoryLayout.structLayout(JAVA_LONG.withName("tv_sec"), JAVA_LONG.withName("tv_nsec"));
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle CLOCK_GETTIME = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("clock_gettime"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS),
            Linker.Option.critical(false));
    private static final ThreadLocal<MemorySegment> BUFFER =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(TIMESPEC));

    private GuestClocks() {}

    /** The system clock, Unix ns. */
    static long realtimeNanos() {
        return read(CLOCK_REALTIME);
    }

    /** The undisciplined monotonic clock, ns since boot. */
    static long monotonicRawNanos() {
        return read(CLOCK_MONOTONIC_RAW);
    }

    private static long read(int clockId) {
        MemorySegment timespec = BUFFER.get();
        int result;
        try {
            result = (int) CLOCK_GETTIME.invokeExact(clockId, timespec);
        } catch (Throwable t) {
            throw new IllegalStateException("clock_gettime could not be called", t);
        }
        if (result != 0) {
            throw new IllegalStateException("clock_gettime(" + clockId + ") failed");
        }
        return timespec.get(JAVA_LONG, 0) * 1_000_000_000L + timespec.get(JAVA_LONG, 8);
    }
}
