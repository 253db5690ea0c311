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

/** {@code clock_gettime(CLOCK_REALTIME)} through the FFM API, without allocating per call. */
final class LinuxClockGettime {

    private static final int CLOCK_REALTIME = 0;
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
    static long realtimeNanos() {
        MemorySegment timespec = BUFFER.get();
        int result;
        try {
            result = (int) CLOCK_GETTIME.invokeExact(CLOCK_REALTIME, timespec);
        } catch (Throwable t) {
            throw new ClockException("clock_gettime could not be called", t);
        }
        if (result != 0) {
            throw new ClockException("clock_gettime(CLOCK_REALTIME) failed");
        }
        return timespec.get(JAVA_LONG, 0) * 1_000_000_000L + timespec.get(JAVA_LONG, 8);
    }
}
