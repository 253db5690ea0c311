package org.jntp.daemon;

import java.util.Optional;
import org.jntp.clock.Clock;
import org.jntp.clock.ClockException;
import org.jntp.clock.ClockStatus;
import org.jntp.clock.LeapState;

/**
 * The clock as the client side steers it. The first write the system refuses (no CAP_SYS_TIME, or
 * a kernel without the test-machine marker) is logged once, with why; from then on every write is
 * skipped, and the daemon goes on measuring, selecting and serving without steering, as
 * {@code chronyd -x} does.
 */
final class GuardedClock implements Clock {

    private final Clock clock;
    private final EventLog log;
    private Optional<String> refusal = Optional.empty();

    GuardedClock(Clock clock, EventLog log) {
        this.clock = clock;
        this.log = log;
    }

    /** Why the clock cannot be adjusted, once a write was refused. */
    synchronized Optional<String> refusal() {
        return refusal;
    }

    /**
     * The clock without the guard, for {@code ntpd -q}'s one setting, which reports a refusal
     * itself rather than going on without steering.
     */
    Clock unguarded() {
        return clock;
    }

    @Override
    public long nowNanos() {
        return clock.nowNanos();
    }

    @Override
    public long fromSystemNanos(long systemNanos) {
        return clock.fromSystemNanos(systemNanos);
    }

    @Override
    public int precisionLog2() {
        return clock.precisionLog2();
    }

    @Override
    public synchronized void slew(double offsetSeconds) {
        write(() -> clock.slew(offsetSeconds));
    }

    @Override
    public synchronized void setMaxSlewRate(double ratePpm) {
        write(() -> clock.setMaxSlewRate(ratePpm));
    }

    @Override
    public double maxSlewRatePpm() {
        return clock.maxSlewRatePpm();
    }

    @Override
    public synchronized void step(double offsetSeconds) {
        write(() -> clock.step(offsetSeconds));
    }

    @Override
    public synchronized void setFrequency(double freqPpm) {
        write(() -> clock.setFrequency(freqPpm));
    }

    @Override
    public double frequencyPpm() {
        return clock.frequencyPpm();
    }

    @Override
    public synchronized void setTimeConstant(int pollLog2) {
        write(() -> clock.setTimeConstant(pollLog2));
    }

    @Override
    public synchronized void setLeap(LeapState leap) {
        write(() -> clock.setLeap(leap));
    }

    @Override
    public synchronized void setTaiOffset(int taiOffsetSeconds) {
        write(() -> clock.setTaiOffset(taiOffsetSeconds));
    }

    @Override
    public synchronized void setSynchronized(double maxErrorSeconds, double estErrorSeconds) {
        write(() -> clock.setSynchronized(maxErrorSeconds, estErrorSeconds));
    }

    @Override
    public synchronized void setUnsynchronized() {
        write(clock::setUnsynchronized);
    }

    @Override
    public ClockStatus status() {
        return clock.status();
    }

    /** Makes the write unless one was refused before. */
    private void write(Runnable change) {
        if (refusal.isPresent()) {
            return;
        }
        try {
            change.run();
        } catch (ClockException e) {
            refusal = Optional.of(e.getMessage());
            log.info("cannot adjust the clock: " + e.getMessage()
                    + "; measuring and serving time without steering the clock from now on");
        }
    }
}
