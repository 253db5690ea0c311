package org.jntp.cli;

/**
 * How the short-lived tools end: their output flushed, then the JVM halted. {@link System#exit}
 * first sets up the JDK's logging to record the exit (JDK 17+), which costs ntpq and ntpstat a
 * tenth of their run; these tools have no shutdown hooks to lose.
 */
final class QuickExit {
    private QuickExit() {}

    /** Flushes standard output and error and ends the JVM with {@code status}. */
    static void exit(int status) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}
