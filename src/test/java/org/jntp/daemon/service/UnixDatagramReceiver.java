package org.jntp.daemon.service;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The systemd side of sd_notify for tests: an AF_UNIX datagram socket bound to a notify socket's
 * address, read with a time limit. The JDK cannot bind one.
 */
public final class UnixDatagramReceiver implements AutoCloseable {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int MAX_MESSAGE = 4096;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle SOCKET = function("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND = function("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = function("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECV =
            function("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle CLOSE = function("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    private final int fd;

    private UnixDatagramReceiver(int fd) {
        this.fd = fd;
    }

    private static MethodHandle function(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow(name), descriptor);
    }

    /** A socket bound to the address, each receive waiting at most timeout. */
    public static UnixDatagramReceiver bind(NotifySocket socket, Duration timeout) throws Throwable {
        int fd = (int) SOCKET.invokeExact(AF_UNIX, SOCK_DGRAM, 0);
        if (fd < 0) {
            throw new IllegalStateException("socket(AF_UNIX, SOCK_DGRAM) failed");
        }
        try (Arena arena = Arena.ofConfined()) {
            byte[] sockaddr = socket.sockaddr();
            int bound = (int) BIND.invokeExact(fd, arena.allocateFrom(JAVA_BYTE, sockaddr), sockaddr.length);
            MemorySegment timeval = arena.allocate(16, 8);
            timeval.set(JAVA_LONG, 0, timeout.toSeconds());
            timeval.set(JAVA_LONG, 8, timeout.toMillisPart() * 1000L);
            int set = (int) SETSOCKOPT.invokeExact(fd, SOL_SOCKET, SO_RCVTIMEO, timeval, 16);
            if (bound != 0 || set != 0) {
                int ignored = (int) CLOSE.invokeExact(fd);
                throw new IllegalStateException("cannot bind " + socket.name());
            }
        }
        return new UnixDatagramReceiver(fd);
    }

    /** The next datagram's text; empty if none came within the timeout. */
    public Optional<String> receive() throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(MAX_MESSAGE);
            long length = (long) RECV.invokeExact(fd, buffer, (long) MAX_MESSAGE, 0);
            if (length < 0) {
                return Optional.empty();
            }
            return Optional.of(new String(buffer.asSlice(0, length).toArray(JAVA_BYTE), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException("close could not be called", t);
        }
    }
}
