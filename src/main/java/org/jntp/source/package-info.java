/**
 * The peer and poll processes of RFC 5905 (§8, §9, §13) for one association, as ntpd 4.2.8 runs
 * them, without I/O: what to send and when, and what a reply means. The daemon and the simulator
 * own the sockets and the clocks and pass every time in: {@code monoNanos} from a monotonic clock
 * for timers, {@code clockNanos} (Unix ns) from the disciplined clock for timestamps. Randomness
 * comes from a {@link java.util.random.RandomGenerator} the caller passes, so runs repeat.
 */
package org.jntp.source;
