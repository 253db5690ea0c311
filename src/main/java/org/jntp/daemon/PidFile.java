package org.jntp.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The file named by {@code -p}: holds our process id while we run, removed on a clean exit. */
public final class PidFile implements AutoCloseable {
    private final Path path;

    private PidFile(Path path) {
        this.path = path;
    }

    public static PidFile write(Path path, long pid) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(path, pid + "\n", StandardCharsets.US_ASCII);
        return new PidFile(path);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }
}
