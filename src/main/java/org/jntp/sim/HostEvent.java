package org.jntp.sim;

/**
 * Something that befalls the client's host during a run, at the start of a whole simulated second
 * (before that second's sample): the faults of the fault catalogue that the network cannot cause.
 */
public sealed interface HostEvent {

    /** Simulated second at which it happens. */
    long atSecond();

    /**
     * The host clock jumps by {@code stepSeconds} (positive: forwards) behind the daemon's back, as
     * when a virtual machine resumes; a slew in progress is cancelled, as the kernel does on a step.
     */
    record ClockJump(long atSecond, double stepSeconds) implements HostEvent {}

    /**
     * The daemon restarts: the client is replaced by a new one from the run's factory, whose drift
     * file holds the frequency correction the clock runs with at that moment. The clock keeps any
     * slew still in progress, as a kernel does when its daemon exits.
     */
    record Restart(long atSecond) implements HostEvent {}
}
