package org.jntp.kernel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a host command to its end, or kills it and everything it started when it takes too long. */
final class BoundedCommand {
    private BoundedCommand() {}

    /**
     * What a command did.
     *
     * @param exitCode the exit status, or -1 when it was killed for running too long
     * @param output its standard output and error, interleaved as written
     */
    record Outcome(List<String> command, int exitCode, boolean timedOut, String output) {

        /** The command, how it ended and everything it printed: for failure messages. */
        String describe() {
            String end = timedOut ? "timed out, killed" : "exit " + exitCode;
            return "$ " + String.join(" ", command) + "\n[" + end + "]\n" + output;
        }
    }

    static Outcome run(Duration timeout, Map<String, String> environment, List<String> command) {
        try {
            // A file, not a pipe: nothing the command leaves behind keeps a pipe of ours open.
            Path output = Files.createTempFile("jntp-kernel", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectInput(new File("/dev/null"))
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!finished) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                return new Outcome(command, finished ? process.exitValue() : -1, !finished, Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
