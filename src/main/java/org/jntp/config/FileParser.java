package org.jntp.config;

import java.util.Optional;

/** Lines naming one file: driftfile, logfile, pidfile, leapfile, statsdir. */
final class FileParser {
    private FileParser() {}

    static void parse(LineCursor line, ConfigBuilder config) {
        String directive = line.directive().text();
        Optional<Token> value = line.value(line.directive(), directive + " " + example(directive));
        line.rejectRest(directive + " takes one file name; put a name with blanks in double quotes");
        if (!line.clean()) {
            return;
        }
        String path = value.orElseThrow().text();
        FilePaths files = config.files();
        switch (directive) {
            case "driftfile" -> config.files(files.withDriftFile(path));
            case "logfile" -> config.files(files.withLogFile(path));
            case "pidfile" -> config.files(files.withPidFile(path));
            case "leapfile" -> config.files(files.withLeapFile(path));
            default -> config.statsDir(path);
        }
    }

    private static String example(String directive) {
        return switch (directive) {
            case "driftfile" -> "/var/lib/ntp/ntp.drift";
            case "logfile" -> "/var/log/ntp.log";
            case "pidfile" -> "/run/ntpd.pid";
            case "leapfile" -> "/usr/share/zoneinfo/leap-seconds.list";
            default -> "/var/log/ntpstats/";
        };
    }
}
