package org.jntp.clock;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code clock_adjtime(CLOCK_REALTIME, struct timex *)} through the FFM API; kernel errors come
 * back as {@link ClockException} naming the errno.
 *
 * <p>Reads (modes 0) always go through. Writes go through only on a machine whose kernel command
 * line carries {@link #WRITE_MARKER}, so that no test or stray daemon run can change the clock of
 * a developer's machine: elsewhere they fail with {@link ClockWritesRefusedException} before any
 * system call.
 */
public final class LinuxAdjtimex implements Adjtimex {

    /** Kernel command-line word that allows clock writes: set only on throw-away test machines. */
    public static final String WRITE_MARKER = "jntp.clock-writes=allowed";

    static final int CLOCK_REALTIME = 0;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(PathElement.groupElement("errno"));
    /*
     * Linked with recvmmsg's descriptor (org.jntp.daemon.net.Libc), the two parameters after its own
     * passed as 0 and NULL, which x86-64 System V lets a function ignore: a call with a descriptor
     * linked before costs no stub class and method handles of its own, and each new one cost
     * 0.1-0.2 s of the daemon's start under the kernel test bed's emulation.
     */
    private static final MethodHandle CLOCK_ADJTIME = LINKER.downcallHandle(
            LINKER.defaultLookup().findOrThrow("clock_adjtime"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS),
            Linker.Option.captureCallState("errno"));

    private final boolean writesAllowed;
    private final int clockId;

    LinuxAdjtimex(String kernelCmdline, int clockId) {
        this.writesAllowed = allowsWrites(kernelCmdline);
        this.clockId = clockId;
    }

    /** The system call on CLOCK_REALTIME, with writes allowed as this machine's {@code /proc/cmdline} says. */
    public static LinuxAdjtimex open() {
        return new LinuxAdjtimex(readKernelCmdline(), CLOCK_REALTIME);
    }

    private static String readKernelCmdline() {
        try {
            return Files.readString(Path.of("/proc/cmdline"));
        } catch (IOException unreadable) {
            // no command line to show the marker: writes stay refused
            return "";
        }
    }

    /** Whether a kernel command line carries {@link #WRITE_MARKER} as a whole word. */
    static boolean allowsWrites(String kernelCmdline) {
        return Arrays.asList(kernelCmdline.strip().split("\\s+")).contains(WRITE_MARKER);
    }

    @Override
    public Timex adjust(TimexRequest request) {
        if (request.modes() != 0 && !writesAllowed) {
            throw new ClockWritesRefusedException(String.format(
                    "refusing to change the system clock (clock_adjtime modes 0x%x): the kernel command line"
                            + " lacks %s, which only a throw-away test machine sets",
                    request.modes(), WRITE_MARKER));
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment timex = arena.allocate(TimexLayout.TIMEX);
            TimexLayout.write(request, timex);
            MemorySegment callState = arena.allocate(CALL_STATE);
            int result = invoke(callState, clockId, timex);
            if (result == -1) {
                int errno = (int) ERRNO.get(callState, 0L);
                throw new ClockException(String.format(
                        "clock_adjtime(clock %d, modes 0x%x) failed: %s (errno %d)",
                        clockId, request.modes(), strerror(errno), errno));
            }
            return TimexLayout.read(timex, result);
        }
    }

    private static int invoke(MemorySegment callState, int clockId, MemorySegment timex) {
        try {
            return (int) CLOCK_ADJTIME.invokeExact(callState, clockId, timex, 0, 0, MemorySegment.NULL);
        } catch (Throwable t) {
            throw new ClockException("clock_adjtime could not be called", t);
        }
    }

    /**
     * {@code char *strerror(int errnum)}, linked at the first error: linking a call takes 0.2-0.4 s
     * of the daemon's start under the kernel test bed's emulation.
     */
    private static final class Strerror {
        static final MethodHandle HANDLE = LINKER.downcallHandle(
                LINKER.defaultLookup().findOrThrow("strerror"), FunctionDescriptor.of(ADDRESS, JAVA_INT));

        private Strerror() {}
    }

    private static String strerror(int errno) {
        try {
            MemorySegment message = (MemorySegment) Strerror.HANDLE.invokeExact(errno);
            return message.reinterpret(Integer.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw new ClockException("strerror could not be called", t);
        }
    }
}
