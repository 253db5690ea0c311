package org.jntp.kernel.guest;

import java.util.Optional;
import org.jntp.clock.LeapState;
import org.jntp.clock.LinuxClockGettime;
import org.jntp.leap.Leap;
import org.jntp.protocol.LeapIndicator;

/**
 * True time in a test-bed guest, built on CLOCK_MONOTONIC_RAW: it runs slower than the raw
 * oscillator by the scenario's frequency error, so that the guest's system clock, left at the
 * kernel frequency 0, gains that error against it. The error lives here and not in the kernel
 * because the daemon sets the kernel frequency outright (0 on a cold start) and would wipe it.
 *
 * <p>The error wanders: true time is a chain of straight pieces, one per {@link #wander} call.
 * One thread wanders it; any thread reads it.
 *
 * <p>Given a leap second, true time is UTC as the kernel and NTP count it: the pieces run on
 * uniform seconds, and where they reach the leap, the time read goes back a second (an
 * insertion: 23:59:59 comes twice) or forward one (a deletion).
 */
final class Truth {

    private static final long SECOND_NANOS = 1_000_000_000L;

    private record Piece(long rawNanos, long trueNanos, double errorPpm) {
        long trueAt(long atRawNanos) {
            long elapsedNanos = atRawNanos - rawNanos;
            return trueNanos + elapsedNanos - Math.round(elapsedNanos * errorPpm * 1e-6);
        }
    }

    private volatile Piece piece;
    private final Optional<Leap> leap;

    private Truth(Piece piece, Optional<Leap> leap) {
        this.piece = piece;
        this.leap = leap;
    }

    /**
     * True time from now on, such that the guest's system clock reads it plus {@code offsetSeconds}
     * now and gains {@code errorPpm} on it while the kernel's frequency stays 0.
     */
    static Truth startingNow(double offsetSeconds, double errorPpm, Optional<Leap> leap) {
        long before = LinuxClockGettime.realtimeNanos();
        long raw = LinuxClockGettime.monotonicRawNanos();
        long after = LinuxClockGettime.realtimeNanos();
        long realtime = before + (after - before) / 2;
        return new Truth(new Piece(raw, realtime - Math.round(offsetSeconds * 1e9), errorPpm), leap);
    }

    /** True time that reads {@code trueNanos} when the raw clock reads {@code rawNanos}. */
    static Truth at(long rawNanos, long trueNanos, double errorPpm) {
        return new Truth(new Piece(rawNanos, trueNanos, errorPpm), Optional.empty());
    }

    /**
     * True time that reads {@code trueNanos} (before {@code leap}) when the raw clock reads
     * {@code rawNanos}, and takes {@code leap} when it comes.
     */
    static Truth at(long rawNanos, long trueNanos, double errorPpm, Leap leap) {
        return new Truth(new Piece(rawNanos, trueNanos, errorPpm), Optional.of(leap));
    }

    /** True time at the raw clock's reading {@code rawNanos}, Unix ns (UTC without its leap seconds). */
    long trueNanos(long rawNanos) {
        long uniformNanos = piece.trueAt(rawNanos);
        if (leap.isPresent() && uniformNanos >= leap.get().clockStepNanos()) {
            return uniformNanos - leap.get().taiChangeSeconds() * SECOND_NANOS;
        }
        return uniformNanos;
    }

    /**
     * The leap indicator a stratum-1 server serves at the raw clock's reading {@code rawNanos}: the
     * leap announced through the last day before it, the inserted second included, as by a server
     * whose reference clock announces it.
     */
    LeapIndicator leapIndicator(long rawNanos) {
        if (leap.isEmpty()) {
            return LeapIndicator.NO_WARNING;
        }
        Leap next = leap.get();
        long uniformNanos = piece.trueAt(rawNanos);
        boolean insert = next.kind() == LeapState.INSERT;
        long announcedUntilNanos = next.clockStepNanos() + (insert ? SECOND_NANOS : 0);
        if (uniformNanos < next.lastDayStartNanos() || uniformNanos >= announcedUntilNanos) {
            return LeapIndicator.NO_WARNING;
        }
        return insert ? LeapIndicator.ADD_SECOND : LeapIndicator.DELETE_SECOND;
    }

    /**
     * How far true time at the raw clock's reading {@code rawNanos} is from the leap's step, in
     * uniform seconds: negative before it; empty without a leap.
     */
    Optional<Double> secondsSinceLeap(long rawNanos) {
        return leap.map(next -> (piece.trueAt(rawNanos) - next.clockStepNanos()) / 1e9);
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
