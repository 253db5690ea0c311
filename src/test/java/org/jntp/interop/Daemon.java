package org.jntp.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A daemon started by one of the start scripts in {@code scripts/peers}: its pid (from its own pid
 * file) and its run directory (config, output, log, chronyd's command socket).
 */
final class Daemon implements AutoCloseable {
    private static final int LOG_LINES = 40;
    private static final long STOP_WAIT_SECONDS = 5;

    private final String name;
    private final long pid;
    private final Path dir;

    Daemon(String name, long pid, Path dir) {
        this.name = name;
        this.pid = pid;
        this.dir = dir;
    }

    String name() {
        return name;
    }

    long pid() {
        return pid;
    }

    Path dir() {
        return dir;
    }

    /** The last lines the daemon printed and logged: for failure messages. */
    String logTail() {
        StringBuilder tail = new StringBuilder();
        for (String file : List.of("out", "log")) {
            Path path = dir.resolve(file);
            if (Files.exists(path)) {
                List<String> lines = readLines(path);
                tail.append("--- ").append(name).append(' ').append(file).append('\n');
                lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size())
                        .forEach(line -> tail.append(line).append('\n'));
            }
        }
        return tail.toString();
    }

    /** SIGTERM to its pid, SIGKILL if it is still there 5 s later; does nothing once it has ended. */
    void stop() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return;
        }
        ProcessHandle handle = process.get();
        handle.destroy();
        if (!awaitExit(handle)) {
            handle.destroyForcibly();
            awaitExit(handle);
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " (pid " + pid + ")";
    }

    private static boolean awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> readLines(Path path) {
        try (Stream<String> lines = Files.lines(path, StandardCharsets.ISO_8859_1)) {
            return lines.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
