package org.jntp.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jntp.daemon.DaemonExit;
import sun.misc.Signal;

/**
 * Waits for what ends ntpd: SIGTERM or SIGINT, or the daemon stopping by itself ({@code -q} done,
 * a panic), so ntpd can close its sockets and pid file and say why it stopped.
 */
final class Termination {

    /** What ended the wait. */
    sealed interface Reason {
        /** A signal, described as ntpd's exit line does: "signal 15 (Terminated)". */
        record Signalled(String description) implements Reason {}

        /** The daemon stopped by itself. */
        record Stopped(DaemonExit exit) implements Reason {}
    }

    private final CompletableFuture<Reason> reason = new CompletableFuture<>();

    private Termination() {}

    static Termination onSignals() {
        Termination termination = new Termination();
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), s -> termination.reason.complete(new Reason.Signalled(describe(s))));
        }
        return termination;
    }

    /** Ends the wait when the daemon stops by itself. */
    void daemonStopped(DaemonExit exit) {
        reason.complete(new Reason.Stopped(exit));
    }

    /** Blocks until a signal arrives, the daemon stops, or {@code limit} has passed: empty then. */
    Optional<Reason> await(Duration limit) throws InterruptedException {
        try {
            return Optional.of(reason.get(limit.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new AssertionError("nothing completes the wait exceptionally", e);
        }
    }

    private static String describe(Signal s) {
        String text = switch (s.getName()) {
            case "TERM" -> "Terminated";
            case "INT" -> "Interrupt";
            default -> s.getName();
        };
        return "signal " + s.getNumber() + " (" + text + ")";
    }
}
