package org.jntp.daemon.net;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * One thread's wait on many sockets: {@link #await} sleeps in a single {@code poll(2)} until one of
 * the sockets has a datagram, a timeout passes, or another thread calls {@link #wakeUp} (an
 * eventfd among the polled descriptors). The client thread waits here for replies and its next
 * poll at once, so it wakes only when there is something to do.
 */
public final class Poller implements AutoCloseable {
    private static final int CLOSED = -1;
    private static final long POLLFD_BYTES = 8;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    /** Changed under the monitor, so {@link #wakeUp} from another thread never writes to a reused descriptor. */
    private int eventFd;

    private Poller(int eventFd) {
        this.eventFd = eventFd;
    }

    /** A poller with its wake-up eventfd. */
    public static Poller open() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = Libc.allocateCapture(arena);
            int flags = Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC;
            int fd = Libc.invoke(() -> Libc.eventfd(capture, 0, flags));
            if (fd < 0) {
                throw new SocketException("eventfd: " + Libc.strerror(Libc.errno(capture)));
            }
            return new Poller(fd);
        }
    }

    /**
     * Waits until a datagram (or an error) is queued on one of {@code sockets}, {@link #wakeUp} is
     * called, or {@code timeoutNanos} passes (rounded up to whole milliseconds, so the caller is
     * never woken early; {@link Long#MAX_VALUE} waits without limit). Returns the sockets that are
     * ready, in the order given; empty after a timeout, a wake-up or a signal.
     */
    public List<UdpSocket> await(List<UdpSocket> sockets, long timeoutNanos) throws IOException {
        int count = sockets.size() + 1;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = Libc.allocateCapture(arena);
            MemorySegment fds = arena.allocate(count * POLLFD_BYTES, 8);
            set(fds, 0, wakeDescriptor());
            for (int i = 0; i < sockets.size(); i++) {
                set(fds, i + 1, sockets.get(i).descriptor());
            }
            int timeoutMillis = timeoutMillis(timeoutNanos);
            int ready = Libc.invoke(() -> (int) Libc.POLL.invokeExact(capture, fds, (long) count, timeoutMillis));
            if (ready < 0) {
                int errno = Libc.errno(capture);
                if (errno == Libc.EINTR) {
                    return List.of();
                }
                throw new SocketException("poll: " + Libc.strerror(errno));
            }
            if (revents(fds, 0) != 0) {
                drainWakeUps(arena);
            }
            List<UdpSocket> readable = new ArrayList<>();
            for (int i = 0; i < sockets.size(); i++) {
                if (revents(fds, i + 1) != 0) {
                    readable.add(sockets.get(i));
                }
            }
            return readable;
        }
    }

    /** Makes the current or next {@link #await} return at once. Safe from any thread. */
    public synchronized void wakeUp() {
        if (eventFd == CLOSED) {
            return;
        }
        int fd = eventFd;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = Libc.allocateCapture(arena);
            MemorySegment one = arena.allocate(JAVA_LONG);
            one.set(JAVA_LONG, 0, 1L);
            // EAGAIN means the counter is already non-zero: the waiter will wake either way.
            Libc.invoke(() -> (int) (long) Libc.Write.HANDLE.invokeExact(capture, fd, one, 8L));
        }
    }

    @Override
    public synchronized void close() {
        if (eventFd != CLOSED) {
            int fd = eventFd;
            eventFd = CLOSED;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment capture = Libc.allocateCapture(arena);
                Libc.invoke(() -> Libc.close(capture, fd));
            }
        }
    }

    static int timeoutMillis(long timeoutNanos) {
        if (timeoutNanos == Long.MAX_VALUE) {
            return -1;
        }
        long millis = Math.ceilDiv(Math.max(0, timeoutNanos), NANOS_PER_MILLI);
        return (int) Math.min(millis, Integer.MAX_VALUE);
    }

    private synchronized int wakeDescriptor() throws SocketException {
        if (eventFd == CLOSED) {
            throw new SocketException("poller is closed");
        }
        return eventFd;
    }

    private synchronized void drainWakeUps(Arena arena) {
        if (eventFd == CLOSED) {
            return;
        }
        int fd = eventFd;
        MemorySegment capture = Libc.allocateCapture(arena);
        MemorySegment counter = arena.allocate(JAVA_LONG);
        Libc.invoke(() -> (int) (long) Libc.Read.HANDLE.invokeExact(capture, fd, counter, 8L));
    }

    private static void set(MemorySegment fds, int index, int fd) {
        long at = index * POLLFD_BYTES;
        fds.set(JAVA_INT, at, fd);
        fds.set(JAVA_SHORT, at + 4, Libc.POLLIN);
        fds.set(JAVA_SHORT, at + 6, (short) 0);
    }

    private static short revents(MemorySegment fds, int index) {
        return fds.get(JAVA_SHORT, index * POLLFD_BYTES + 6);
    }
}
