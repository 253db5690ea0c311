package org.jntp.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jntp.nts.MasterKeyRing;
import org.jntp.nts.MasterKeysFile;

/**
 * The {@code nts cookie} key file ({@link MasterKeysFile} has its format): the NTS master keys
 * read at start, so that the cookies clients hold survive a restart, and written whenever they
 * rotate. The file is written whole to a neighbour and renamed over the old one, mode 600, so a
 * crash leaves the old keys or the new, never half of them.
 */
final class NtsCookieKeyFile {
    private NtsCookieKeyFile() {}

    /**
     * The keys to serve with: the file's, rotated if due, or fresh ones when there is no file or it
     * cannot be read as keys (clients then re-key, which costs a handshake each and nothing more).
     * The file is written when the keys changed.
     *
     * @throws IOException when the file exists but cannot be read, or the keys cannot be written
     */
    static MasterKeyRing loadOrCreate(Path path, long nowSeconds, long rotationSeconds, RandomGenerator random,
            EventLog log) throws IOException {
        Read read = read(path, nowSeconds, random, log);
        MasterKeyRing ring = read.ring().rotateIfDue(nowSeconds, rotationSeconds, random);
        if (ring != read.ring() || !read.fromFile()) {
            store(path, ring);
        }
        return ring;
    }

    /** Writes the keys, replacing the file whole. */
    static void store(Path path, MasterKeyRing ring) throws IOException {
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions on this file system: the directory's protection is all there is
            Files.createFile(temporary);
        }
        Files.writeString(temporary, MasterKeysFile.format(ring), StandardCharsets.US_ASCII);
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The keys, and whether they are the file's rather than new ones. */
    private record Read(MasterKeyRing ring, boolean fromFile) {}

    private static Read read(Path path, long nowSeconds, RandomGenerator random, EventLog log)
            throws IOException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            log.info("nts cookie key file " + path + " does not exist: making new keys");
            return new Read(MasterKeyRing.create(nowSeconds, random), false);
        } catch (AccessDeniedException e) {
            throw new IOException("nts cookie key file " + path + " cannot be read: permission denied");
        }
        warnIfReadableByOthers(path, log);
        return switch (MasterKeysFile.parse(text)) {
            case MasterKeysFile.Loaded(MasterKeyRing ring) -> new Read(ring, true);
            case MasterKeysFile.Invalid(int line, String reason) -> {
                log.info("nts cookie key file " + path + (line > 0 ? ", line " + line : "") + ": " + reason
                        + "; making new keys, so clients' cookies no longer open and they re-key");
                yield new Read(MasterKeyRing.create(nowSeconds, random), false);
            }
        };
    }

    private static void warnIfReadableByOthers(Path path, EventLog log) {
        if (SecretFile.readableBy(path, Set.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ))) {
            log.info("nts cookie key file " + path + " is readable by other users, who can then open every"
                    + " client's cookies; chmod 600 " + path);
        }
    }
}
