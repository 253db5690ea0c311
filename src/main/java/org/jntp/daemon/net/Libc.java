package org.jntp.daemon.net;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Downcalls into glibc's socket API (x86_64 Linux). Every call that can fail takes, as its first
 * argument, a segment of {@link #CAPTURE_LAYOUT} into which the linker saves errno right after
 * the call, before the JVM can clobber it.
 *
 * <p>The calls that the daemon's start and its polls make are linked when this class loads; the
 * others (the nested holders) at their first use. Linking a call with a descriptor not linked
 * before spins a class and method handles for it: a few milliseconds here, 0.1-0.4 s each under the
 * kernel test bed's emulation, where five more of them delayed the first poll by a second; hence
 * the calls sharing descriptors.
 */
// Calling native code is this class's purpose; the launchers and the build grant native access.
@SuppressWarnings("restricted")
final class Libc {
    private Libc() {}

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;

    static final int SOL_SOCKET = 1;
    static final int SO_REUSEADDR = 2;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    static final int SO_REUSEPORT = 15;
    static final int SO_RCVTIMEO = 20;
    static final int SO_TIMESTAMPNS = 35;
    static final int SCM_TIMESTAMPNS = SO_TIMESTAMPNS;
    static final int SO_TIMESTAMPING = 37;
    static final int SCM_TIMESTAMPING = SO_TIMESTAMPING;
    /** SOF_TIMESTAMPING_TX_SOFTWARE: stamp each datagram as the driver takes it. */
    static final int SOF_TIMESTAMPING_TX_SOFTWARE = 1 << 1;
    /** SOF_TIMESTAMPING_SOFTWARE: report software stamps. */
    static final int SOF_TIMESTAMPING_SOFTWARE = 1 << 4;
    /** SOF_TIMESTAMPING_OPT_TSONLY: the error queue returns the stamp alone, not the datagram. */
    static final int SOF_TIMESTAMPING_OPT_TSONLY = 1 << 11;

    static final int IPPROTO_IP = 0;
    static final int IP_TOS = 1;
    static final int IP_PKTINFO = 8;
    static final int IPPROTO_IPV6 = 41;
    static final int IPV6_V6ONLY = 26;
    static final int IPV6_RECVPKTINFO = 49;
    static final int IPV6_PKTINFO = 50;
    static final int IPV6_TCLASS = 67;

    static final int MSG_DONTWAIT = 0x40;
    static final int MSG_TRUNC = 0x20;
    static final int MSG_ERRQUEUE = 0x2000;
    static final int MSG_WAITFORONE = 0x10000;

    static final short POLLIN = 1;
    static final short POLLOUT = 4;

    static final int EFD_NONBLOCK = 0x800;
    static final int EFD_CLOEXEC = 0x80000;

    static final int EINTR = 4;
    static final int EAGAIN = 11;

    static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    /*
     * Calls linked with the same descriptor share the linker's stub class and method handles, and
     * each distinct descriptor cost 0.1-0.2 s of the daemon's start under the kernel test bed's
     * emulation. So most calls here go through one of two shapes whose first parameters are their
     * own, the rest passed as 0 and NULL: on x86-64 System V, this class's ABI, those arguments
     * travel in registers that the caller owns, and a function reads none past its own parameters.
     */
    /** {@code int f(int, int, int, void *, int)}: setsockopt's parameters. */
    private static final FunctionDescriptor INTS_POINTER_INT =
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    /** {@code int f(int, void *, int, int, void *)}: recvmmsg's parameters. */
    private static final FunctionDescriptor INT_POINTER_INTS_POINTER =
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS);

    /** {@code int socket(int domain, int type, int protocol)}: use {@link #socket}. */
    private static final MethodHandle SOCKET = withErrno("socket", INTS_POINTER_INT);
    /** {@code int bind(int fd, const struct sockaddr *addr, socklen_t len)}: use {@link #bind}. */
    private static final MethodHandle BIND = withErrno("bind", INT_POINTER_INTS_POINTER);
    /** {@code int setsockopt(int fd, int level, int name, const void *value, socklen_t len)} */
    static final MethodHandle SETSOCKOPT = withErrno("setsockopt", INTS_POINTER_INT);
    /** {@code int getsockname(int fd, struct sockaddr *addr, socklen_t *len)} */
    static final MethodHandle GETSOCKNAME = withErrno("getsockname", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    /** {@code int recvmmsg(int fd, struct mmsghdr *vec, unsigned vlen, int flags, struct timespec *t)} */
    static final MethodHandle RECVMMSG = withErrno("recvmmsg", INT_POINTER_INTS_POINTER);
    /** {@code int sendmmsg(int fd, struct mmsghdr *vec, unsigned vlen, int flags)}: use {@link #sendmmsg}. */
    private static final MethodHandle SENDMMSG = withErrno("sendmmsg", INT_POINTER_INTS_POINTER);
    /** {@code int poll(struct pollfd *fds, nfds_t n, int timeoutMillis)} */
    static final MethodHandle POLL = withErrno("poll", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    /** {@code int eventfd(unsigned int initval, int flags)}: use {@link #eventfd}. */
    private static final MethodHandle EVENTFD = withErrno("eventfd", INTS_POINTER_INT);
    /** {@code int close(int fd)}: use {@link #close}. */
    private static final MethodHandle CLOSE = withErrno("close", INTS_POINTER_INT);
    /** {@code int shutdown(int fd, int how)}: use {@link #shutdown}. */
    private static final MethodHandle SHUTDOWN = withErrno("shutdown", INTS_POINTER_INT);
    static final int SHUT_RD = 0;

    /** {@code int getsockopt(int fd, int level, int name, void *value, socklen_t *len)}, linked at first use. */
    static final class Getsockopt {
        static final MethodHandle HANDLE =
                withErrno("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);

        private Getsockopt() {}
    }

    /** {@code ssize_t read(int fd, void *buf, size_t count)}, linked at first use. */
    static final class Read {
        static final MethodHandle HANDLE = withErrno("read", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);

        private Read() {}
    }

    /** {@code ssize_t write(int fd, const void *buf, size_t count)}, linked at first use. */
    static final class Write {
        static final MethodHandle HANDLE = withErrno("write", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);

        private Write() {}
    }

    static int socket(MemorySegment capture, int domain, int type, int protocol) throws Throwable {
        return (int) SOCKET.invokeExact(capture, domain, type, protocol, MemorySegment.NULL, 0);
    }

    static int bind(MemorySegment capture, int fd, MemorySegment address, int length) throws Throwable {
        return (int) BIND.invokeExact(capture, fd, address, length, 0, MemorySegment.NULL);
    }

    static int sendmmsg(MemorySegment capture, int fd, MemorySegment headers, int count, int flags) throws Throwable {
        return (int) SENDMMSG.invokeExact(capture, fd, headers, count, flags, MemorySegment.NULL);
    }

    static int eventfd(MemorySegment capture, int initialValue, int flags) throws Throwable {
        return (int) EVENTFD.invokeExact(capture, initialValue, flags, 0, MemorySegment.NULL, 0);
    }

    static int close(MemorySegment capture, int fd) throws Throwable {
        return (int) CLOSE.invokeExact(capture, fd, 0, 0, MemorySegment.NULL, 0);
    }

    /** {@code int shutdown(int fd, int how)}. */
    static int shutdown(MemorySegment capture, int fd, int how) throws Throwable {
        return (int) SHUTDOWN.invokeExact(capture, fd, how, 0, MemorySegment.NULL, 0);
    }

    /** {@code char *strerror(int errnum)}, linked at the first error. */
    private static final class Strerror {
        static final MethodHandle HANDLE = LINKER.downcallHandle(LIBC.findOrThrow("strerror"),
                FunctionDescriptor.of(ADDRESS.withTargetLayout(MemoryLayout.sequenceLayout(Long.MAX_VALUE, JAVA_BYTE)),
                        JAVA_INT));

        private Strerror() {}
    }

    private static MethodHandle withErrno(String name, MemoryLayout result, MemoryLayout... args) {
        return withErrno(name, FunctionDescriptor.of(result, args));
    }

    private static MethodHandle withErrno(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LIBC.findOrThrow(name), descriptor, CAPTURE_ERRNO);
    }

    /** A downcall returning int, as a lambda for the calls off the per-packet path. */
    @FunctionalInterface
    interface IntCall {
        int call() throws Throwable;
    }

    /** Makes a downcall whose handle's declared Throwable can only be a JVM error. */
    static int invoke(IntCall call) {
        try {
            return call.call();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("downcall failed", t);
        }
    }

    static MemorySegment allocateCapture(Arena arena) {
        return arena.allocate(CAPTURE_LAYOUT);
    }

    static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    /** The C library's text for an errno value, e.g. "Address already in use". */
    static String strerror(int errno) {
        try {
            return ((MemorySegment) Strerror.HANDLE.invokeExact(errno)).getString(0);
        } catch (Throwable t) {
            throw new AssertionError("strerror downcall failed", t);
        }
    }
}
