package org.jntp.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the commands of the packaging tests in the source tree, to their end. */
final class Shell {
    static final Path HOME = Path.of(System.getProperty("jntp.home", ".")).toAbsolutePath();
    /** A clean environment: no Java on the path or in JAVA_HOME, as on a machine without one. */
    private static final Map<String, String> BARE_ENVIRONMENT = Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8");

    record Result(int exit, String out, String err) {}

    private Shell() {}

    static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    /** Runs {@code command} in this JVM's environment. */
    static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, false);
    }

    /** Runs {@code command} with nothing of this JVM's environment, as on a machine without Java. */
    static Result runBare(List<String> command) throws IOException, InterruptedException {
        return run(command, true);
    }

    private static Result run(List<String> command, boolean bare) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile());
        if (bare) {
            builder.environment().clear();
            builder.environment().putAll(BARE_ENVIRONMENT);
        }
        Path out = Files.createTempFile("package-it", ".out");
        Path err = Files.createTempFile("package-it", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int exit = process.waitFor();
            return new Result(exit, Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
