package org.jntp.daemon.stats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.jntp.daemon.EventLog;

/**
 * One statistics file and its generations, as ntpd 4.2.8's filegen_setup() and filegen_open()
 * keep them: a record that falls outside the open generation opens the next one for append, and
 * with {@code link} the plain name becomes a hard link to it. Each line is written through at
 * once, as ntpd flushes after each record.
 *
 * <p>A file that cannot be opened or written is logged once, in ntpd's words ("can't open FILE:
 * error"), and its records are dropped until the next generation, which is tried afresh; nothing
 * is thrown at the caller. Unlike ntpd, which stays silent when the directory is missing, that
 * is logged too: it is the likeliest reason for statistics that never appear.
 *
 * <p>Not thread-safe: the client thread owns it.
 */
final class StatsFile implements AutoCloseable {
    private final FileGenSettings settings;
    private final long pid;
    private final EventLog log;
    /** The generation records go to now, open or not; empty before the first record. */
    private Optional<String> generation = Optional.empty();
    private Optional<FileChannel> channel = Optional.empty();
    /** Plain files moved aside so far, numbering the next one as ntpd's {@code conflicts} does. */
    private long conflicts;

    StatsFile(FileGenSettings settings, long pid, EventLog log) {
        this.settings = settings;
        this.pid = pid;
        this.log = log;
    }

    /** Whether records are written at all: worth formatting one. */
    boolean enabled() {
        return settings.enabled();
    }

    /** Appends {@code line} to the generation of {@code unixNanos} (and the daemon's uptime), opening it if need be. */
    void append(String line, long unixNanos, long uptimeSeconds) {
        if (!settings.enabled()) {
            return;
        }
        String path = settings.pathAt(Math.floorDiv(unixNanos, 1_000_000_000L), uptimeSeconds, pid);
        if (generation.isEmpty() || !generation.get().equals(path)) {
            close();
            generation = Optional.of(path);
            channel = open(Path.of(path));
        }
        if (channel.isEmpty()) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII));
        try {
            while (bytes.hasRemaining()) {
                channel.get().write(bytes);
            }
        } catch (IOException e) {
            log.info("can't write " + path + ": " + osError(e));
            close();
        }
    }

    private Optional<FileChannel> open(Path path) {
        Path plain = Path.of(settings.basePath());
        if (settings.type() != GenerationType.NONE) {
            clearPlainName(plain);
        }
        FileChannel opened;
        try {
            opened = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.info("can't open " + path + ": " + osError(e));
            return Optional.empty();
        }
        if (settings.link() && settings.type() != GenerationType.NONE) {
            try {
                Files.createLink(plain, path);
            } catch (FileAlreadyExistsException e) {
                // another process keeps the plain name; ntpd ignores EEXIST too
            } catch (IOException | UnsupportedOperationException e) {
                log.info("can't link(" + path + ", " + plain + "): " + e.getMessage());
            }
        }
        return Optional.of(opened);
    }

    /**
     * Frees the plain name for the link, as filegen_open() does: a regular file linked nowhere
     * else is someone's data and is moved aside to {@code name.<pid>C<n>}; one with more links is
     * the link to an earlier generation, and is removed.
     */
    private void clearPlainName(Path plain) {
        if (!Files.exists(plain)) {
            return;
        }
        if (!Files.isRegularFile(plain)) {
            log.info("expected regular file for " + plain);
            return;
        }
        try {
            int links = (Integer) Files.getAttribute(plain, "unix:nlink");
            if (links <= 1) {
                Files.move(plain, Path.of(plain + "." + pid + "C" + conflicts++));
            } else {
                Files.delete(plain);
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.info("couldn't save " + plain + ": " + e.getMessage());
        }
    }

    /** The operating system's words for what failed, as ntpd's {@code %m} gives them. */
    static String osError(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "No such file or directory";
            case AccessDeniedException denied -> "Permission denied";
            case FileSystemException fs when fs.getReason() != null -> fs.getReason();
            default -> e.getMessage();
        };
    }

    /** Closes the open generation, if any. */
    @Override
    public void close() {
        if (channel.isPresent()) {
            try {
                channel.get().close();
            } catch (IOException e) {
                log.info("can't close " + generation.orElse(settings.basePath()) + ": " + osError(e));
            }
            channel = Optional.empty();
        }
    }
}
