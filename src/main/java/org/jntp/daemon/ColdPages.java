package org.jntp.daemon;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives back the file pages that only the daemon's start needed. Starting a JVM touches most of
 * libjvm's text, the class cache and the modules image, some 20 MB that an idle daemon never reads
 * again but keeps resident until the machine runs short of memory. {@code madvise(MADV_PAGEOUT)}
 * (Linux 5.4) reclaims them at once; pages the daemon still uses come back on their next read.
 * The advice only reclaims, it never discards data, so it is safe on any mapping; pages that other
 * processes map too (libc's) stay where they are.
 */
public final class ColdPages {
    private static final int MADV_PAGEOUT = 21;
    private static final Path MAPS = Path.of("/proc/self/maps");

    private ColdPages() {}

    /** A range of the address space, from {@code start} up to {@code end}. */
    record Mapping(long start, long end) {
        long length() {
            return end - start;
        }
    }

    /**
     * Pages out the process's file mappings and logs how much it advised (at debug level 1).
     * A kernel without the advice (before 5.4) or an unreadable map leaves everything as it was.
     */
    public static void pageOut(EventLog log) {
        try {
            List<Mapping> mappings = fileMappings(new String(Files.readAllBytes(MAPS), StandardCharsets.ISO_8859_1));
            // Twice, and the line logged in between: whatever runs for the first time after the
            // last pass (linking madvise, the log line) reads pages of the JVM's text back in. A
            // pass takes a call per range, a few dozen: after 127 the JVM would spin classes for
            // the handle, mid-pass.
            long advised = pageOut(mappings);
            log.debug(1, "memory: paging out " + (advised >> 10) + " kB of file mappings after the start");
            pageOut(mappings);
        } catch (IOException e) {
            log.debug(1, "memory: cannot read " + MAPS + ": " + e.getMessage());
        }
    }

    /** Advises {@code MADV_PAGEOUT} over each mapping; returns the bytes the kernel took the advice for. */
    static long pageOut(List<Mapping> mappings) {
        long advised = 0;
        for (Mapping mapping : mappings) {
            if (Madvise.call(mapping) == 0) {
                advised += mapping.length();
            }
        }
        return advised;
    }

    /**
     * The mappings of files in a {@code /proc/PID/maps} text, except writable shared ones, whose
     * dirty pages reclaim would write back to their files; adjacent ones (a library's text, data
     * and relocations) as one range, which takes one call instead of five.
     */
    static List<Mapping> fileMappings(String maps) {
        List<Mapping> mappings = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < maps.length()) {
            int lineEnd = maps.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = maps.length();
            }
            // start-end perms offset dev inode path: the path, if any, from the first '/' after the fields
            int dash = maps.indexOf('-', lineStart);
            int perms = maps.indexOf(' ', lineStart) + 1;
            int path = maps.indexOf('/', perms);
            boolean sharedWritable = maps.charAt(perms + 1) == 'w' && maps.charAt(perms + 3) == 's';
            if (path >= 0 && path < lineEnd && !sharedWritable) {
                long start = Long.parseUnsignedLong(maps, lineStart, dash, 16);
                long end = Long.parseUnsignedLong(maps, dash + 1, perms - 1, 16);
                if (!mappings.isEmpty() && mappings.getLast().end() == start) {
                    start = mappings.removeLast().start();
                }
                mappings.add(new Mapping(start, end));
            }
            lineStart = lineEnd + 1;
        }
        return mappings;
    }

    /** {@code int madvise(void *addr, size_t length, int advice)}, linked at its first use. */
    // Calling native code is this class's purpose; the launchers and the build grant native access.
    @SuppressWarnings("restricted")
    private static final class Madvise {
        private static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(
                Linker.nativeLinker().defaultLookup().findOrThrow("madvise"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));

        private Madvise() {}

        static int call(Mapping mapping) {
            try {
                return (int) HANDLE.invokeExact(MemorySegment.ofAddress(mapping.start()), mapping.length(), MADV_PAGEOUT);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new AssertionError("madvise failed", t);
            }
        }
    }
}
