package org.jntp.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Whether a file of secrets (keys, NTS master keys) can be read by more than its owner. */
final class SecretFile {
    private SecretFile() {}

    /**
     * Whether the file's permissions include any of {@code readers}; false where there are no POSIX
     * permissions to judge (another file system) or they cannot be read.
     */
    static boolean readableBy(Path path, Set<PosixFilePermission> readers) {
        try {
            return Files.getPosixFilePermissions(path).stream().anyMatch(readers::contains);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
