package org.jntp.config;

import java.util.Optional;

/** The files ntp.conf names for the daemon: driftfile, logfile, pidfile, leapfile. */
public record FilePaths(Optional<String> driftFile, Optional<String> logFile, Optional<String> pidFile,
        Optional<String> leapFile) {
    public static FilePaths none() {
        return new FilePaths(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
