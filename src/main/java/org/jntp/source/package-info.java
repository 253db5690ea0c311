/**
 * The peer and poll processes of RFC 5905 (§8, §9, §13) for one association, as ntpd 4.2.8 runs
 * them, without I/O: what to send and when, and what a reply means. The daemon and the simulator
 * own the sockets and the clocks and pass every time in: {@code monoNanos} from a monotonic clock
 * for timers, {@code clockNanos} (Unix ns) from the disciplined clock for timestamps. Randomness
 * comes from a {@link java.util.random.RandomGenerator} the caller passes, so runs repeat.
 *
 * <p>{@link org.jntp.source.ClientSource} serves {@code server} and {@code pool} lines,
 * {@link org.jntp.source.SymmetricSource} {@code peer} lines. The driver sends what
 * {@code poll} returns when {@code nextPollMonoNanos()} comes, hands back what arrives, and passes
 * each {@link org.jntp.source.Reply.Measured} sample to the clock filter.
 */
package org.jntp.source;
