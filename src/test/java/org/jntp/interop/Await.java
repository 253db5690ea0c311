package org.jntp.interop;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded waiting for a daemon to reach a state: the tests then assert on the last observation. */
final class Await {
    private Await() {}

    /** Calls probe every interval until done accepts its result or timeout has passed; returns the last result. */
    static <T> T until(Duration timeout, Duration interval, Supplier<T> probe, Predicate<? super T> done) {
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        while (true) {
            T observed = probe.get();
            if (done.test(observed) || System.nanoTime() - deadlineNanos >= 0) {
                return observed;
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return observed;
            }
        }
    }
}
