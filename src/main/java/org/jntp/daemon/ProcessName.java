package org.jntp.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Names the process as ps, pgrep, pidof, netstat and monitoring checks show it. They read the
 * name of the process's first thread ({@code /proc/PID/comm}), which the JVM leaves as "java";
 * Linux lets any thread of a process rename it. The launcher sets the command line's argv[0]
 * itself ({@code exec -a}), which netstat and pidof read too.
 */
public final class ProcessName {
    private static final Path COMM = Path.of("/proc/self/comm");

    private ProcessName() {}

    /**
     * Renames the process; a system without {@code /proc} keeps the name it had.
     *
     * @param name at most 15 characters, the kernel's limit
     * @return whether the process has the name now
     */
    public static boolean set(String name) {
        if (name.length() > 15) {
            throw new IllegalArgumentException("a process name has at most 15 characters: " + name);
        }
        try {
            Files.writeString(COMM, name, StandardCharsets.US_ASCII);
            return Files.readString(COMM, StandardCharsets.US_ASCII).strip().equals(name);
        } catch (IOException e) {
            return false;
        }
    }
}
