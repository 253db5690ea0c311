package org.jntp.clock;

/** The kernel's {@code clock_adjtime(CLOCK_REALTIME, ...)}, behind an interface so tests can fake it. */
@FunctionalInterface
public interface Adjtimex {

    /**
     * Applies the fields {@code request.modes()} selects and returns the kernel state after.
     *
     * @throws ClockException when the kernel refuses (for a write: without CAP_SYS_TIME)
     * @throws ClockWritesRefusedException when a write is not allowed on this machine
     */
    Timex adjust(TimexRequest request);
}
