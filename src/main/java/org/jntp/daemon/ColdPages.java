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
 * again but keeps resident until the machine runs short of memory.
 *
 * <p>{@code madvise(MADV_PAGEOUT)} (Linux 5.4) reclaims them at once, from the page cache too; it
 * never discards data, so it goes over every file mapping. The kernel takes it only for files the
 * process could write, though, which after {@code -u ntp} are none of the JVM's. So the mappings
 * the process never wrote (no anonymous or swapped page, not writable) also get
 * {@code MADV_DONTNEED}, which any process may give: their page-table entries go, the pages stay in
 * the page cache, the memory the kernel takes back first. A mapping with a page of its own (the
 * relocated class cache, libraries' relocations) keeps it: dropping that would lose it. Pages the
 * daemon still uses come back on their next read; {@code MADV_RANDOM} has each come back alone,
 * where the kernel would map the cached pages around it as well (as user nobody, 35.6 MB after
 * the first 64 s poll without it, 33.2 MB with it; as root 28.9 MB).
 */
public final class ColdPages {
    static final int MADV_RANDOM = 1;
    static final int MADV_DONTNEED = 4;
    static final int MADV_PAGEOUT = 21;
    private static final Path SMAPS = Path.of("/proc/self/smaps");

    private ColdPages() {}

    /** A range of the address space, from {@code start} up to {@code end}. */
    record Mapping(long start, long end) {
        long length() {
            return end - start;
        }
    }

    /**
     * The ranges to advise: every file mapping but writable shared ones, whose dirty pages reclaim
     * would write back; and of those the ones the process never wrote. Adjacent mappings (a
     * library's text, data and relocations) are one range, which takes one call instead of five.
     */
    record Plan(List<Mapping> files, List<Mapping> unwritten) {}

    /**
     * Advises the kernel over the process's file mappings and logs how much (at debug level 1). A
     * kernel without the advice or an unreadable map leaves everything as it was.
     */
    public static void pageOut(EventLog log) {
        try {
            Plan plan = plan(new String(Files.readAllBytes(SMAPS), StandardCharsets.ISO_8859_1));
            // Twice, and the line logged in between: whatever runs for the first time after the
            // last pass (linking madvise, the log line) reads pages of the JVM's text back in. A
            // pass takes up to three calls per range, some 45 here: after 127 in all the JVM would
            // spin classes for the handle, mid-pass.
            advise(plan);
            log.debug(1, "memory: paging out " + (total(plan.files()) >> 10) + " kB of file mappings, "
                    + (total(plan.unwritten()) >> 10) + " kB of them never written, after the start");
            advise(plan);
        } catch (IOException e) {
            log.debug(1, "memory: cannot read " + SMAPS + ": " + e.getMessage());
        }
    }

    static void advise(Plan plan) {
        advise(plan.files(), MADV_PAGEOUT);
        advise(plan.unwritten(), MADV_DONTNEED);
        advise(plan.unwritten(), MADV_RANDOM);
    }

    /** Gives {@code advice} over each mapping; returns the bytes the kernel took it for. */
    static long advise(List<Mapping> mappings, int advice) {
        long advised = 0;
        for (Mapping mapping : mappings) {
            if (Madvise.call(mapping, advice) == 0) {
                advised += mapping.length();
            }
        }
        return advised;
    }

    /** The plan for a {@code /proc/PID/smaps} text: a header line per mapping, then its "Key: N kB" lines. */
    static Plan plan(String smaps) {
        List<Mapping> files = new ArrayList<>();
        List<Mapping> unwritten = new ArrayList<>();
        int lineStart = 0;
        long start = 0;
        long end = 0;
        boolean file = false;
        boolean writable = false;
        boolean ownPages = false;
        while (lineStart < smaps.length()) {
            int lineEnd = smaps.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = smaps.length();
            }
            if (isHeader(smaps.charAt(lineStart))) {
                addTo(files, unwritten, start, end, file, writable, ownPages);
                // start-end perms offset dev inode path: the path, if any, from the first '/' after the fields
                int dash = smaps.indexOf('-', lineStart);
                int perms = smaps.indexOf(' ', lineStart) + 1;
                int path = smaps.indexOf('/', perms);
                start = Long.parseUnsignedLong(smaps, lineStart, dash, 16);
                end = Long.parseUnsignedLong(smaps, dash + 1, perms - 1, 16);
                writable = smaps.charAt(perms + 1) == 'w';
                file = path >= 0 && path < lineEnd && !(writable && smaps.charAt(perms + 3) == 's');
                ownPages = false;
            } else if (smaps.startsWith("Anonymous:", lineStart) || smaps.startsWith("Swap:", lineStart)) {
                ownPages |= kilobytes(smaps, lineStart, lineEnd) > 0;
            }
            lineStart = lineEnd + 1;
        }
        addTo(files, unwritten, start, end, file, writable, ownPages);
        return new Plan(files, unwritten);
    }

    /** A header starts with the mapping's address in lower-case hex; the other lines with a capital. */
    private static boolean isHeader(char first) {
        return first >= '0' && first <= '9' || first >= 'a' && first <= 'f';
    }

    private static void addTo(List<Mapping> files, List<Mapping> unwritten, long start, long end, boolean file,
            boolean writable, boolean ownPages) {
        if (file) {
            join(files, start, end);
            if (!writable && !ownPages) {
                join(unwritten, start, end);
            }
        }
    }

    private static void join(List<Mapping> mappings, long start, long end) {
        if (!mappings.isEmpty() && mappings.getLast().end() == start) {
            start = mappings.removeLast().start();
        }
        mappings.add(new Mapping(start, end));
    }

    /** The number in a "Key:   N kB" line. */
    private static long kilobytes(String smaps, int lineStart, int lineEnd) {
        long value = 0;
        for (int i = smaps.indexOf(':', lineStart) + 1; i < lineEnd; i++) {
            int digit = Character.digit(smaps.charAt(i), 10);
            if (digit >= 0) {
                value = value * 10 + digit;
            } else if (value > 0) {
                break;
            }
        }
        return value;
    }

    private static long total(List<Mapping> mappings) {
        long bytes = 0;
        for (Mapping mapping : mappings) {
            bytes += mapping.length();
        }
        return bytes;
    }

    /** {@code int madvise(void *addr, size_t length, int advice)}, linked at its first use. */
    // Calling native code is this class's purpose; the launchers and the build grant native access.
    @SuppressWarnings("restricted")
    private static final class Madvise {
        private static final MethodHandle HANDLE = Linker.nativeLinker().downcallHandle(
                Linker.nativeLinker().defaultLookup().findOrThrow("madvise"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));

        private Madvise() {}

        static int call(Mapping mapping, int advice) {
            try {
                return (int) HANDLE.invokeExact(MemorySegment.ofAddress(mapping.start()), mapping.length(), advice);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new AssertionError("madvise failed", t);
            }
        }
    }
}
