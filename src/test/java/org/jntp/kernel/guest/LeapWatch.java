package org.jntp.kernel.guest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.jntp.clock.KernelClock;
import org.jntp.clock.LinuxClockGettime;
import org.jntp.clock.TimeState;
import org.jntp.clock.Timex;

/**
 * Watches the guest kernel's leap state on a thread of its own while a leap second comes and goes:
 * each change of the state adjtimex returns, of the STA_INS/STA_DEL bits or of the TAI offset, with
 * the kernel's clock reading of the same call and true time against the leap. It reads often enough
 * near the leap to time the inserted second to the millisecond, and seldom elsewhere.
 */
final class LeapWatch implements AutoCloseable {

    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final long NEAR_POLL_NANOS = 1_000_000;
    private static final long FAR_POLL_NANOS = 100_000_000;
    /** Within this of the leap in true time, the watch reads every {@link #NEAR_POLL_NANOS}. */
    private static final double NEAR_SECONDS = 3;
    private static final int LEAP_BITS = Timex.STA_INS | Timex.STA_DEL;

    /**
     * One reading that differed from the one before.
     *
     * @param state          what adjtimex returned: TIME_INS once armed, TIME_OOP in the inserted second
     * @param leapBits       the status word's STA_INS and STA_DEL
     * @param taiSeconds     the kernel's TAI offset
     * @param clockNanos     the guest's system clock in the same call, Unix ns
     * @param sinceLeapSeconds true time then, less the instant of the leap's step, in uniform seconds
     */
    record Change(TimeState state, int leapBits, int taiSeconds, long clockNanos, double sinceLeapSeconds) {

        String describe() {
            String bits = leapBits == Timex.STA_INS ? "INS" : leapBits == Timex.STA_DEL ? "DEL" : "-";
            return String.format(Locale.ROOT, "state=%s sta_leap=%s tai=%d clock=%s since_leap_s=%.4f", state, bits,
                    taiSeconds, Instant.ofEpochSecond(0, clockNanos), sinceLeapSeconds);
        }
    }

    private final Truth truth;
    private final KernelClock clock;
    private final List<Change> changes = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private LeapWatch(Truth truth, KernelClock clock) {
        this.truth = truth;
        this.clock = clock;
        this.thread = Thread.ofPlatform().daemon().name("leap-watch").unstarted(this::watch);
    }

    /** Watches from now until closed; {@code truth} must hold a leap. */
    static LeapWatch start(Truth truth, KernelClock clock) {
        LeapWatch watch = new LeapWatch(truth, clock);
        watch.thread.start();
        return watch;
    }

    private void watch() {
        Optional<Change> last = Optional.empty();
        while (running) {
            Timex timex = clock.readTimex();
            double sinceLeapSeconds = truth.secondsSinceLeap(LinuxClockGettime.monotonicRawNanos()).orElseThrow();
            Change change = new Change(timex.state(), timex.status() & LEAP_BITS, timex.tai(), clockNanos(timex),
                    sinceLeapSeconds);
            if (last.isEmpty() || last.get().state() != change.state() || last.get().leapBits() != change.leapBits()
                    || last.get().taiSeconds() != change.taiSeconds()) {
                synchronized (changes) {
                    changes.add(change);
                }
                last = Optional.of(change);
            }
            double away = Math.abs(sinceLeapSeconds);
            LockSupport.parkNanos(away < NEAR_SECONDS ? NEAR_POLL_NANOS
                    : Math.min(FAR_POLL_NANOS, Math.round((away - NEAR_SECONDS) * 1e9) + NEAR_POLL_NANOS));
        }
    }

    private static long clockNanos(Timex timex) {
        long fraction = (timex.status() & Timex.STA_NANO) != 0 ? timex.timeUsec() : timex.timeUsec() * 1000;
        return timex.timeSec() * SECOND_NANOS + fraction;
    }

    /** The changes seen, in order. */
    List<Change> changes() {
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }

    /**
     * The watch's figures: the states in the order they came; how long before the leap the kernel
     * was armed; when (true time against the leap) the inserted second began, how long it lasted in
     * true seconds and what the clock read at its start; the TAI offset just before the inserted
     * second began and at the end; how long after the leap the leap bits were cleared.
     */
    String describe() {
        List<Change> seen = changes();
        List<TimeState> states = new ArrayList<>();
        for (Change change : seen) {
            if (states.isEmpty() || states.getLast() != change.state()) {
                states.add(change.state());
            }
        }
        Optional<Change> armed = first(seen, TimeState.INSERT);
        Optional<Change> inProgress = first(seen, TimeState.LEAP_IN_PROGRESS);
        Optional<Change> waiting = first(seen, TimeState.WAIT);
        Optional<Change> disarmed = seen.stream()
                .filter(c -> c.leapBits() == 0 && c.sinceLeapSeconds() > 0).findFirst();
        // The kernel's own clock, not true time, says when its leap begins: a clock a few microseconds
        // ahead starts the inserted second (and counts TAI up) just before the leap in true time.
        Optional<Change> beforeLeap = inProgress.map(seen::indexOf).filter(at -> at > 0).map(at -> seen.get(at - 1))
                .or(() -> seen.stream().filter(c -> c.sinceLeapSeconds() < 0).reduce((a, b) -> b));
        return String.format(Locale.ROOT,
                "states=%s armed_before_s=%s in_progress_from_s=%s in_progress_s=%s in_progress_clock=%s"
                        + " tai_before_leap=%s tai_after=%s disarmed_after_s=%s",
                String.join(",", states.stream().map(TimeState::name).toList()),
                armed.map(c -> seconds(-c.sinceLeapSeconds())).orElse("never"),
                inProgress.map(c -> seconds(c.sinceLeapSeconds())).orElse("never"),
                inProgress.flatMap(start -> waiting.map(end -> seconds(end.sinceLeapSeconds() - start.sinceLeapSeconds())))
                        .orElse("never"),
                inProgress.map(c -> Instant.ofEpochSecond(0, c.clockNanos()).toString()).orElse("never"),
                beforeLeap.map(c -> String.valueOf(c.taiSeconds())).orElse("never"),
                seen.isEmpty() ? "never" : String.valueOf(seen.getLast().taiSeconds()),
                disarmed.map(c -> seconds(c.sinceLeapSeconds())).orElse("never"));
    }

    private static Optional<Change> first(List<Change> seen, TimeState state) {
        return seen.stream().filter(c -> c.state() == state).findFirst();
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.4f", seconds);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
