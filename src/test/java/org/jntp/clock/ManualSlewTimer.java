package org.jntp.clock;

import java.util.ArrayList;
import java.util.List;

/** A slew timer the test fires by hand: it keeps what was scheduled and when. */
final class ManualSlewTimer implements SlewTimer {

    private final List<Runnable> tasks = new ArrayList<>();
    private long lastDueMonoNanos = Long.MIN_VALUE;
    private boolean closed;

    @Override
    public void runAt(long monoNanos, Runnable task) {
        if (closed) {
            throw new IllegalStateException("scheduled after close");
        }
        tasks.add(task);
        lastDueMonoNanos = monoNanos;
    }

    @Override
    public void close() {
        closed = true;
        tasks.clear();
    }

    /** Runs every task scheduled so far, as a late timer would; each decides whether it is due. */
    void fireAll() {
        List<Runnable> due = List.copyOf(tasks);
        tasks.clear();
        due.forEach(Runnable::run);
    }

    /** When the last task was asked to run. */
    long lastDueMonoNanos() {
        return lastDueMonoNanos;
    }

    boolean closed() {
        return closed;
    }
}
