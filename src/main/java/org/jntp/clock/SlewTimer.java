package org.jntp.clock;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Wakes {@link KernelClock} when a slew is due to end: the kernel runs the clock fast or slow for as
 * long as the slew needs and has no way to stop by itself.
 */
interface SlewTimer extends AutoCloseable {

    /** Runs {@code task} once, at {@code monoNanos} on {@link System#nanoTime()}'s scale or soon after. */
    void runAt(long monoNanos, Runnable task);

    /** Drops what is scheduled; nothing runs after. */
    @Override
    void close();

    /**
     * One daemon thread that sleeps until each task is due (the JDK's scheduled executor waits on
     * CLOCK_MONOTONIC, which runs as the slewed clock does). Started at once: started with the first
     * slew, it woke 20 ms late under the test bed's emulation, and the clock overshot by 1.7 ms.
     */
    static SlewTimer ownThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("jntp-slew-timer").factory());
        executor.prestartCoreThread();
        return new SlewTimer() {
            @Override
            public void runAt(long monoNanos, Runnable task) {
                executor.schedule(task, monoNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }
}
