package org.jntp.source;

/**
 * A preemptable association (a pool member, or a {@code preempt} server) that the
 * {@link Synchronizer} stopped polling, and why, so that the daemon can put another server of the
 * pool in its place.
 *
 * @param source the association's address and line
 * @param cause  why it was let go
 */
public record Retirement(Synchronizer.SourceSpec source, Cause cause) {

    /** Why a preemptable association was retired. */
    public enum Cause {
        /** No reply for {@link Synchronizer#POOL_UNREACH_POLLS} polls. */
        UNREACHABLE,
        /** Outside the intersection interval in every selection over {@link Synchronizer#POOL_FALSETICK_POLLS} polls. */
        FALSETICKER
    }
}
