package org.jntp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The signals this JVM was started with ignored, from /proc/self/status. A process started under
 * {@code nohup} ignores SIGHUP, its children inherit that, and the JVM then installs no handler for
 * it: a SIGHUP test cannot run there.
 */
public final class InheritedSignals {
    private static final int SIGHUP = 1;

    private InheritedSignals() {}

    /** Whether SIGHUP is ignored (SigIgn holds bit SIGHUP - 1). */
    public static boolean hangUpIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (ignored & (1L << (SIGHUP - 1))) != 0;
            }
        }
        return false;
    }
}
