package org.jntp.interop;

import java.util.List;

/**
 * What a command run by {@link Commands} did.
 *
 * @param exitCode the exit status, or -1 when it was killed for running too long
 */
record CommandResult(List<String> command, int exitCode, boolean timedOut, String stdout, String stderr) {

    boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** The command, how it ended and everything it printed: for failure messages. */
    String describe() {
        String end = timedOut ? "timed out, killed" : "exit " + exitCode;
        return "$ " + String.join(" ", command) + "\n[" + end + "]\n" + stdout + stderr;
    }
}
