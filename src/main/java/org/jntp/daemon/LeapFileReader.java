package org.jntp.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jntp.leap.LeapFileResult;
import org.jntp.leap.LeapSecondsFile;
import org.jntp.leap.LeapTable;

/**
 * The {@code leapfile}: read at start, its verdict logged as ntpd words it (loaded with its expiry
 * and last leap, or refused with the line and the reason), and a warning when it is about to
 * expire or has. A file that cannot be used leaves the leap second to the sources' vote.
 */
final class LeapFileReader {

    private LeapFileReader() {}

    /** The table in {@code path} if it can be used, having logged what was found; never throws. */
    static Optional<LeapTable> load(Path path, EventLog log, long nowNanos) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            log.info(LeapFileResult.LOG_PREFIX + " ('" + path + "'): cannot read it (" + e.getMessage()
                    + "): leap seconds come from the sources' vote");
            return Optional.empty();
        }
        return switch (LeapSecondsFile.parse(text)) {
            case LeapFileResult.Loaded loaded -> {
                log.info(loaded.logMessage(path.toString()));
                loaded.table().expiryWarning(nowNanos).ifPresent(log::info);
                yield Optional.of(loaded.table());
            }
            case LeapFileResult.Rejected rejected -> {
                log.info(rejected.logMessage(path.toString()) + ": leap seconds come from the sources' vote");
                yield Optional.empty();
            }
        };
    }
}
