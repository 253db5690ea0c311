package org.jntp.footprint;

import org.jntp.daemon.net.ReceiveBatch;
import org.jntp.daemon.net.SendBatch;
import org.jntp.daemon.net.UdpSocket;
import org.jntp.daemon.net.UdpSocketOptions;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Mimics the daemon's thread shape for footprint measurements: SERVERS threads each blocked in
 * recvmmsg on its own SO_REUSEPORT socket (no receive timeout), answering every 48-byte request
 * as a mode-4 echo, plus a timer thread that wakes every 64 s and a SIGTERM handler.
 * With -Dprobe.release=true the timer thread, 4 and 6 s after start and after every tick, returns free
 * malloc memory (malloc_trim) and drops its page-table entries for the pages of executable and
 * read-only shared file mappings (madvise MADV_DONTNEED on libjvm's text, the jimage and the
 * like: the pages stay in the page cache and the kernel maps them back on next use).
 * Usage: org.jntp.footprint.FootprintProbe PORT SERVERS
 */
public final class FootprintProbe {
    private static final int NTP_BYTES = 48;
    private static final int BATCH_SLOTS = 32;
    private static final int BUFFER_BYTES = 1024;
    private static final int MODE_SERVER = 4;
    /** Leap indicator 0 (synchronized), the client's version. */
    private static final int VERSION_BITS = 0x38;
    private static final byte STRATUM = 2;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int servers = Integer.parseInt(args[1]);
        sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> System.exit(0));
        UdpSocketOptions options = UdpSocketOptions.defaults().withReusePort(true).withReceiveTimeout(Duration.ZERO);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        for (int i = 0; i < servers; i++) {
            UdpSocket socket = UdpSocket.open(address, options);
            Thread.ofPlatform().name("ntp-server-" + i).start(() -> serve(socket));
        }
        Thread timer = Thread.ofPlatform().name("ntp-timer").start(FootprintProbe::tick);
        System.out.println("ready " + ProcessHandle.current().pid());
        timer.join();
    }

    private static void tick() {
        boolean release = Boolean.getBoolean("probe.release");
        Duration period = Duration.ofSeconds(Long.getLong("probe.tickSeconds", 64));
        try {
            if (release) {
                // Twice: the first release's own class loading and compiling touches pages again.
                Thread.sleep(Duration.ofSeconds(4));
                releaseMemory();
                Thread.sleep(Duration.ofSeconds(2));
                releaseMemory();
            }
            while (true) {
                Thread.sleep(period);
                if (release) {
                    releaseMemory();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final int MADV_DONTNEED = 4;

    private static void releaseMemory() {
        Linker linker = Linker.nativeLinker();
        MethodHandle trim = linker.downcallHandle(linker.defaultLookup().findOrThrow("malloc_trim"),
                FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
        MethodHandle madvise = linker.downcallHandle(linker.defaultLookup().findOrThrow("madvise"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
        try {
            // Executable or read-only shared file mappings are never written, so dropping their
            // pages loses nothing. Kept light (no regex): heavy work here makes C2 compile, which
            // touches most of libjvm again.
            List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
            long[] ranges = new long[maps.size() * 2];
            int n = 0;
            for (String line : maps) {
                int dash = line.indexOf('-');
                int space = line.indexOf(' ');
                String perms = line.substring(space + 1, space + 5);
                if (line.indexOf('/') > 0 && (perms.equals("r-xp") || perms.equals("r--s"))) {
                    ranges[n++] = Long.parseUnsignedLong(line, 0, dash, 16);
                    ranges[n++] = Long.parseUnsignedLong(line, dash + 1, space, 16);
                }
            }
            int trimmed = (int) trim.invokeExact(0L);
            long dropped = 0;
            for (int i = 0; i < n; i += 2) {
                if ((int) madvise.invokeExact(MemorySegment.ofAddress(ranges[i]), ranges[i + 1] - ranges[i],
                        MADV_DONTNEED) == 0) {
                    dropped += ranges[i + 1] - ranges[i];
                }
            }
            System.out.println("released: malloc_trim " + trimmed + ", madvise over " + (dropped >> 10) + " kB");
        } catch (Throwable t) {
            System.err.println("release failed: " + t);
        }
    }

    private static void serve(UdpSocket socket) {
        try (ReceiveBatch requests = ReceiveBatch.allocate(BATCH_SLOTS, BUFFER_BYTES);
             SendBatch replies = SendBatch.allocate(BATCH_SLOTS, BUFFER_BYTES)) {
            while (true) {
                int count = socket.receive(requests);
                replies.clear();
                for (int slot = 0; slot < count; slot++) {
                    if (requests.length(slot) < NTP_BYTES) {
                        continue;
                    }
                    int reply = replies.addReply(requests, slot);
                    MemorySegment out = replies.payloadSegment(reply);
                    MemorySegment.copy(requests.payloadSegment(slot), 0, out, 0, NTP_BYTES);
                    byte first = out.get(JAVA_BYTE, 0);
                    out.set(JAVA_BYTE, 0, (byte) ((first & VERSION_BITS) | MODE_SERVER));
                    out.set(JAVA_BYTE, 1, STRATUM);
                    // Echo the client's transmit timestamp as our origin, as a real server does.
                    MemorySegment.copy(out, 40, out, 24, 8);
                    replies.setLength(reply, NTP_BYTES);
                }
                if (replies.size() > 0) {
                    socket.send(replies);
                }
            }
        } catch (IOException e) {
            System.err.println(Thread.currentThread().getName() + ": " + e.getMessage());
        }
    }
}
