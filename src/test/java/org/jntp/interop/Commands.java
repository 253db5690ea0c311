package org.jntp.interop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end, or kills it and everything it started when it takes too long. */
final class Commands {
    private Commands() {}

    static CommandResult run(Duration timeout, Map<String, String> environment, List<String> command) {
        try {
            // Files, not pipes: a daemon a script leaves running keeps no pipe of ours open.
            Path out = Files.createTempFile("jntp-command", ".out");
            Path err = Files.createTempFile("jntp-command", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectInput(new File("/dev/null"))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                return new CommandResult(command, finished ? process.exitValue() : -1, !finished,
                        Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
