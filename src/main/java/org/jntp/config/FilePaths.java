package org.jntp.config;

import java.util.Optional;

/** The files ntp.conf names for the daemon: driftfile, logfile, pidfile, leapfile. */
public record FilePaths(Optional<String> driftFile, Optional<String> logFile, Optional<String> pidFile,
        Optional<String> leapFile) {
    /** No file named. */
    public static FilePaths none() {
        return new FilePaths(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** These paths with the drift file replaced. */
    public FilePaths withDriftFile(String path) {
        return new FilePaths(Optional.of(path), logFile, pidFile, leapFile);
    }

    /** These paths with the log file replaced. */
    public FilePaths withLogFile(String path) {
        return new FilePaths(driftFile, Optional.of(path), pidFile, leapFile);
    }

    /** These paths with the pid file replaced. */
    public FilePaths withPidFile(String path) {
        return new FilePaths(driftFile, logFile, Optional.of(path), leapFile);
    }

    /** These paths with the leap seconds file replaced. */
    public FilePaths withLeapFile(String path) {
        return new FilePaths(driftFile, logFile, pidFile, Optional.of(path));
    }
}
