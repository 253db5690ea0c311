package org.jntp.daemon.privilege;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What /proc says of a process's threads: who each runs as and which capabilities it holds. */
public final class ProcStatus {
    private ProcStatus() {}

    /** The process's threads, as their /proc/PID/task/TID directories. */
    public static List<Path> tasks(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A thread's name ({@code comm}). */
    public static String name(Path task) {
        return read(task.resolve("comm")).strip();
    }

    /** A field of a thread's (or process's) status file, e.g. {@code Uid}. */
    public static String field(Path task, String name) {
        return read(task.resolve("status")).lines()
                .filter(line -> line.startsWith(name + ":"))
                .map(line -> line.substring(name.length() + 1).strip())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(task + "/status has no " + name));
    }

    /** A capability set of the status file (CapPrm, CapEff, ...), as bits. */
    public static long bits(Path task, String field) {
        return Long.parseUnsignedLong(field(task, field), 16);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
