package org.jntp.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/** Waits for SIGTERM or SIGINT, so ntpd can close its sockets and pid file and say why it stopped. */
final class Termination {
    private final CountDownLatch caught = new CountDownLatch(1);
    private final AtomicReference<Signal> signal = new AtomicReference<>();

    private Termination() {}

    static Termination onSignals() {
        Termination termination = new Termination();
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), s -> {
                termination.signal.set(s);
                termination.caught.countDown();
            });
        }
        return termination;
    }

    /** Blocks until a signal arrives; describes it as ntpd's exit line does: "signal 15 (Terminated)". */
    String await() throws InterruptedException {
        caught.await();
        Signal s = signal.get();
        String text = switch (s.getName()) {
            case "TERM" -> "Terminated";
            case "INT" -> "Interrupt";
            default -> s.getName();
        };
        return "signal " + s.getNumber() + " (" + text + ")";
    }
}
