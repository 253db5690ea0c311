package org.jntp.cli;

import java.util.function.Consumer;
import org.jntp.daemon.DaemonExit;
import org.jntp.daemon.EventLog;

/**
 * What the daemon does when one of its threads fails on something unforeseen (a bug, or the
 * memory running out): says so in one log line, without the JVM's stack trace on standard error,
 * and stops as on any other failure, exit status 1, rather than run on without that thread: a
 * time server that is up but no longer answers or no longer keeps time is the worst of both.
 * The server and client threads report their own failures the same way first.
 */
final class ThreadFailures implements Thread.UncaughtExceptionHandler {
    private final EventLog log;
    private final Consumer<DaemonExit> stop;

    ThreadFailures(EventLog log, Consumer<DaemonExit> stop) {
        this.log = log;
        this.stop = stop;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        String reason = "internal error in thread " + thread.getName() + ": " + failure;
        log.info(reason);
        stop.accept(new DaemonExit.Failed(reason));
    }
}
