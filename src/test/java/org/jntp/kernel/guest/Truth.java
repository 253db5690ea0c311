package org.jntp.kernel.guest;

import org.jntp.clock.LinuxClockGettime;

/**
 * True time in a test-bed guest, built on CLOCK_MONOTONIC_RAW: it runs slower than the raw
 * oscillator by the scenario's frequency error, so that the guest's system clock, left at the
 * kernel frequency 0, gains that error against it. The error lives here and not in the kernel
 * because the daemon sets the kernel frequency outright (0 on a cold start) and would wipe it.
 *
 * <p>The error wanders: true time is a chain of straight pieces, one per {@link #wander} call.
 * One thread wanders it; any thread reads it.
 */
final class Truth {

    private record Piece(long rawNanos, long trueNanos, double errorPpm) {
        long trueAt(long atRawNanos) {
            long elapsedNanos = atRawNanos - rawNanos;
            return trueNanos + elapsedNanos - Math.round(elapsedNanos * errorPpm * 1e-6);
        }
    }

    private volatile Piece piece;

    private Truth(Piece piece) {
        this.piece = piece;
    }

    /**
     * True time from now on, such that the guest's system clock reads it plus {@code offsetSeconds}
     * now and gains {@code errorPpm} on it while the kernel's frequency stays 0.
     */
    static Truth startingNow(double offsetSeconds, double errorPpm) {
        long before = LinuxClockGettime.realtimeNanos();
        long raw = LinuxClockGettime.monotonicRawNanos();
        long after = LinuxClockGettime.realtimeNanos();
        long realtime = before + (after - before) / 2;
        return at(raw, realtime - Math.round(offsetSeconds * 1e9), errorPpm);
    }

    /** True time that reads {@code trueNanos} when the raw clock reads {@code rawNanos}. */
    static Truth at(long rawNanos, long trueNanos, double errorPpm) {
        return new Truth(new Piece(rawNanos, trueNanos, errorPpm));
    }

    /** True time at the raw clock's reading {@code rawNanos}, Unix ns. */
    long trueNanos(long rawNanos) {
        return piece.trueAt(rawNanos);
    }

    /** True time now, Unix ns. */
    long nowNanos() {
        return trueNanos(LinuxClockGettime.monotonicRawNanos());
    }

    /** The oscillator's error against true time now: what the daemon has to take out, ppm. */
    double errorPpm() {
        return piece.errorPpm();
    }

    /** The random walk's step: from raw time {@code rawNanos} on, the error is {@code stepPpm} larger. */
    void wander(long rawNanos, double stepPpm) {
        Piece last = piece;
        piece = new Piece(rawNanos, last.trueAt(rawNanos), last.errorPpm() + stepPpm);
    }
}
