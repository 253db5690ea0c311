package org.jntp.daemon.net;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * A bound UDP socket driven through the kernel's batch calls: {@link #receive} takes every queued
 * datagram (up to the batch's capacity) with one recvmmsg, {@link #send} hands a whole batch to
 * sendmmsg. Neither allocates. Not thread-safe: one thread owns the socket, receives, sends and
 * finally closes it; {@link #wakeUp} or a receive timeout lets that thread notice a shutdown request.
 * One other thread may also {@link #send} on it, with a batch of its own, while it is open (the
 * client thread sends peer packets from a server thread's socket).
 */
public final class UdpSocket implements AutoCloseable {
    private static final int CLOSED = -1;
    /** How long a send waits for room in the socket's send buffer before dropping the rest. */
    private static final int SEND_STALL_MILLIS = 1000;

    private final IpFamily family;
    private final InetSocketAddress localAddress;
    private final int localPort;
    /** The local address as error messages show it, e.g. "[::1]:123". */
    private final String where;
    /** Volatile, and changed under the monitor, so {@link #wakeUp} from another thread never hits a reused descriptor. */
    private volatile int fd;
    /** Set by {@link #wakeUp}: after shutdown(SHUT_RD) recvmmsg reports empty datagrams, which are not traffic. */
    private volatile boolean wokenUp;

    private UdpSocket(int fd, Endpoint local) {
        this.fd = fd;
        this.family = local.family();
        this.localAddress = local.toInetSocketAddress();
        this.localPort = local.port();
        this.where = local.toString();
    }

    /**
     * Opens a socket bound to {@code address} (port 0 picks a free port). An IPv6 socket takes
     * IPv6 only (IPV6_V6ONLY), so IPv4 and IPv6 wildcard sockets can share a port.
     *
     * @throws BindException   if the address cannot be bound, e.g. "bind 127.0.0.1:123: Address already in use"
     * @throws SocketException if the socket cannot be created or configured
     */
    public static UdpSocket open(InetSocketAddress address, UdpSocketOptions options) throws IOException {
        Endpoint endpoint = Endpoint.of(address);
        try (Arena arena = Arena.ofConfined()) {
            Setup setup = new Setup(arena, endpoint.toString());
            int domain = endpoint.family() == IpFamily.IPV6 ? Libc.AF_INET6 : Libc.AF_INET;
            int fd = setup.check("socket", Libc.invoke(() -> Libc.socket(setup.capture(),
                    domain, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0)));
            try {
                configure(setup, fd, endpoint.family(), address.getAddress().isAnyLocalAddress(), options);
                MemorySegment name = arena.allocate(Sockaddr.SLOT_BYTES, 8);
                int nameLength = Sockaddr.write(name, 0, endpoint);
                if (Libc.invoke(() -> Libc.bind(setup.capture(), fd, name, nameLength)) < 0) {
                    throw new BindException(setup.message("bind"));
                }
                MemorySegment length = arena.allocate(JAVA_INT);
                length.set(JAVA_INT, 0, Sockaddr.SLOT_BYTES);
                setup.check("getsockname",
                        Libc.invoke(() -> (int) Libc.GETSOCKNAME.invokeExact(setup.capture(), fd, name, length)));
                Sockaddr.read(name, 0, endpoint);
                return new UdpSocket(fd, endpoint);
            } catch (IOException | RuntimeException e) {
                closeDescriptor(fd);
                throw e;
            }
        }
    }

    private static void configure(Setup setup, int fd, IpFamily family, boolean wildcard, UdpSocketOptions options)
            throws SocketException {
        if (family == IpFamily.IPV6) {
            setup.setInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_V6ONLY, "IPV6_V6ONLY", 1);
        }
        if (options.reuseAddress()) {
            setup.setInt(fd, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, "SO_REUSEADDR", 1);
        }
        if (options.reusePort()) {
            setup.setInt(fd, Libc.SOL_SOCKET, Libc.SO_REUSEPORT, "SO_REUSEPORT", 1);
        }
        if (options.kernelTimestamps()) {
            setup.setInt(fd, Libc.SOL_SOCKET, Libc.SO_TIMESTAMPNS, "SO_TIMESTAMPNS", 1);
        }
        if (options.transmitTimestamps()) {
            try {
                setup.setInt(fd, Libc.SOL_SOCKET, Libc.SO_TIMESTAMPING, "SO_TIMESTAMPING",
                        Libc.SOF_TIMESTAMPING_TX_SOFTWARE | Libc.SOF_TIMESTAMPING_SOFTWARE
                                | Libc.SOF_TIMESTAMPING_OPT_TSONLY);
            } catch (SocketException refused) {
                // a kernel without them (before 4.0, or built so): the socket works, its sends go unstamped
            }
        }
        if (options.packetInfo() && wildcard) {
            switch (family) {
                case IPV4 -> setup.setInt(fd, Libc.IPPROTO_IP, Libc.IP_PKTINFO, "IP_PKTINFO", 1);
                case IPV6 -> setup.setInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_RECVPKTINFO, "IPV6_RECVPKTINFO", 1);
            }
        }
        switch (family) {
            case IPV4 -> setup.setInt(fd, Libc.IPPROTO_IP, Libc.IP_TOS, "IP_TOS", options.trafficClass());
            case IPV6 -> setup.setInt(fd, Libc.IPPROTO_IPV6, Libc.IPV6_TCLASS, "IPV6_TCLASS", options.trafficClass());
        }
        if (options.receiveBufferBytes() > 0) {
            setup.setInt(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUF, "SO_RCVBUF", options.receiveBufferBytes());
        }
        if (options.sendBufferBytes() > 0) {
            setup.setInt(fd, Libc.SOL_SOCKET, Libc.SO_SNDBUF, "SO_SNDBUF", options.sendBufferBytes());
        }
        Duration timeout = options.receiveTimeout();
        if (timeout.isPositive()) {
            long micros = Math.ceilDiv(timeout.getNano(), 1000);
            setup.setTimeval(fd, Libc.SO_RCVTIMEO, "SO_RCVTIMEO", timeout.getSeconds() + micros / 1_000_000,
                    micros % 1_000_000);
        }
    }

    /**
     * The TOS octet (IPv4) or traffic class (IPv6) the kernel marks this socket's datagrams with,
     * as it reports it.
     */
    public int trafficClass() throws SocketException {
        try (Arena arena = Arena.ofConfined()) {
            Setup setup = new Setup(arena, localAddress.toString());
            MemorySegment length = arena.allocate(JAVA_INT);
            length.set(JAVA_INT, 0, (int) JAVA_INT.byteSize());
            boolean v4 = family == IpFamily.IPV4;
            int level = v4 ? Libc.IPPROTO_IP : Libc.IPPROTO_IPV6;
            int option = v4 ? Libc.IP_TOS : Libc.IPV6_TCLASS;
            setup.check("getsockopt", Libc.invoke(() -> (int) Libc.Getsockopt.HANDLE.invokeExact(setup.capture(), fd, level,
                    option, setup.value(), length)));
            return setup.value().get(JAVA_INT, 0);
        }
    }

    /** The address the socket is bound to, with the port the kernel picked if port 0 was asked for. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    public IpFamily family() {
        return family;
    }

    public boolean isOpen() {
        return fd != CLOSED;
    }

    /**
     * Waits up to the receive timeout for a datagram, then takes it and every other one already
     * queued, up to the batch's capacity (recvmmsg with MSG_WAITFORONE). Returns how many it took:
     * 0 when the timeout passed or a signal interrupted the wait.
     *
     * @throws SocketException if the socket is closed or the kernel reports an error
     */
    public int receive(ReceiveBatch batch) throws IOException {
        return receive(batch, Libc.MSG_WAITFORONE);
    }

    /**
     * Takes the datagrams already queued, up to the batch's capacity, without waiting: 0 when
     * there are none. For a socket that {@link Poller} found readable.
     *
     * @throws SocketException if the socket is closed or the kernel reports an error (such as
     *                         an ICMP error queued for it)
     */
    public int receiveQueued(ReceiveBatch batch) throws IOException {
        return receive(batch, Libc.MSG_DONTWAIT);
    }

    /**
     * Takes the kernel's stamp of when it sent this socket's last datagram off the error queue
     * (CLOCK_REALTIME, ns since 1970), for a socket opened with transmit timestamps; 0 when there
     * is none (yet). Overwrites {@code scratch}. A stamp left on the queue would make
     * {@link Poller} find the socket ready until it is taken.
     *
     * @throws SocketException if the socket is closed or the kernel reports an error
     */
    public long transmitTimeNanos(ReceiveBatch scratch) throws IOException {
        long stamp = 0;
        int count;
        while ((count = receive(scratch, Libc.MSG_ERRQUEUE | Libc.MSG_DONTWAIT)) > 0) {
            stamp = scratch.receiveTimeNanos(count - 1);
        }
        return stamp;
    }

    private int receive(ReceiveBatch batch, int flags) throws IOException {
        int descriptor = openDescriptor();
        batch.prepare();
        MessageSlots slots = batch.slots();
        int count;
        try {
            count = (int) Libc.RECVMMSG.invokeExact(slots.capture, descriptor, slots.headersFrom(0), slots.capacity,
                    flags, MemorySegment.NULL);
        } catch (Throwable t) {
            throw new AssertionError("recvmmsg downcall failed", t);
        }
        if (count < 0) {
            int errno = Libc.errno(slots.capture);
            if (errno == Libc.EAGAIN || errno == Libc.EINTR) {
                return 0;
            }
            throw new SocketException("recvmmsg " + where + ": " + Libc.strerror(errno));
        }
        if (wokenUp) {
            batch.received(0, localPort);
            return 0;
        }
        batch.received(count, localPort);
        return count;
    }

    /**
     * Sends every datagram in the batch, retrying the rest after a partial send. A datagram the
     * kernel refuses (e.g. no route to its destination) is skipped; when the send buffer stays full
     * for a second the rest is dropped. Returns how many datagrams were sent.
     *
     * @throws SocketException if the socket is closed
     */
    public int send(SendBatch batch) throws IOException {
        int descriptor = openDescriptor();
        MessageSlots slots = batch.slots();
        int total = batch.size();
        int next = 0;
        int sent = 0;
        int stalls = 0;
        while (next < total) {
            int count;
            try {
                count = Libc.sendmmsg(slots.capture, descriptor, slots.headersFrom(next),
                        total - next, Libc.MSG_DONTWAIT);
            } catch (Throwable t) {
                throw new AssertionError("sendmmsg downcall failed", t);
            }
            if (count > 0) {
                next += count;
                sent += count;
            } else {
                int errno = Libc.errno(slots.capture);
                if (errno == Libc.EAGAIN) {
                    if (++stalls > total || !waitUntilWritable(descriptor, slots)) {
                        break;
                    }
                } else if (errno != Libc.EINTR) {
                    next++;
                }
            }
        }
        return sent;
    }

    /**
     * Makes a {@link #receive} blocked in another thread return 0 at once, and every later one
     * too, so the owning thread can stop without a receive timeout waking it while idle. The only
     * method that may be called from another thread.
     */
    public synchronized void wakeUp() {
        int descriptor = fd;
        if (descriptor != CLOSED) {
            wokenUp = true;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment capture = arena.allocate(Libc.CAPTURE_LAYOUT);
                Libc.invoke(() -> Libc.shutdown(capture, descriptor, Libc.SHUT_RD));
            }
        }
    }

    /** Closes the socket; later calls do nothing. Call it from the thread that owns the socket. */
    @Override
    public synchronized void close() {
        if (fd != CLOSED) {
            closeDescriptor(fd);
            fd = CLOSED;
        }
    }

    @Override
    public String toString() {
        return "UdpSocket[" + where + (isOpen() ? "" : ", closed") + "]";
    }

    /** The file descriptor, for {@link Poller}; -1 once closed. */
    int descriptor() {
        return fd;
    }

    private int openDescriptor() throws SocketException {
        if (fd == CLOSED) {
            throw new SocketException("socket " + where + " is closed");
        }
        return fd;
    }

    private static boolean waitUntilWritable(int descriptor, MessageSlots slots) {
        slots.pollFd.set(JAVA_INT, 0, descriptor);
        slots.pollFd.set(JAVA_SHORT, 4, Libc.POLLOUT);
        slots.pollFd.set(JAVA_SHORT, 6, (short) 0);
        try {
            return (int) Libc.POLL.invokeExact(slots.capture, slots.pollFd, 1L, SEND_STALL_MILLIS) > 0;
        } catch (Throwable t) {
            throw new AssertionError("poll downcall failed", t);
        }
    }

    private static void closeDescriptor(int descriptor) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = Libc.allocateCapture(arena);
            // Linux frees the descriptor even when close reports an error, so there is nothing to retry.
            Libc.invoke(() -> Libc.close(capture, descriptor));
        }
    }

    /** Scratch memory and error reporting for the calls that set a socket up. */
    private record Setup(Arena arena, MemorySegment capture, MemorySegment value, String where) {
        Setup(Arena arena, String where) {
            this(arena, Libc.allocateCapture(arena), arena.allocate(16, 8), where);
        }

        String message(String call) {
            return call + " " + where + ": " + Libc.strerror(Libc.errno(capture));
        }

        int check(String call, int result) throws SocketException {
            if (result < 0) {
                throw new SocketException(message(call));
            }
            return result;
        }

        void setInt(int fd, int level, int option, String optionName, int optionValue) throws SocketException {
            value.set(JAVA_INT, 0, optionValue);
            setOption(fd, level, option, optionName, (int) JAVA_INT.byteSize());
        }

        /** Sets a {@code struct timeval} option (long tv_sec, long tv_usec). */
        void setTimeval(int fd, int option, String optionName, long seconds, long micros) throws SocketException {
            value.set(JAVA_LONG, 0, seconds);
            value.set(JAVA_LONG, 8, micros);
            setOption(fd, Libc.SOL_SOCKET, option, optionName, 16);
        }

        private void setOption(int fd, int level, int option, String optionName, int length) throws SocketException {
            check("setsockopt " + optionName,
                    Libc.invoke(() -> (int) Libc.SETSOCKOPT.invokeExact(capture, fd, level, option, value, length)));
        }
    }
}
