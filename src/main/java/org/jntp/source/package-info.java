/**
 * The client side of the daemon without I/O: the peer and poll processes of RFC 5905 (§8, §9,
 * §13) for each association, as ntpd 4.2.8 runs them, and {@link org.jntp.source.Synchronizer},
 * which joins them to the system process and the clock discipline of {@code org.jntp.discipline}.
 * The daemon and the simulator own the sockets and the clocks and pass every time in:
 * {@code monoNanos} from a monotonic clock for timers, {@code clockNanos} (Unix ns) from the
 * disciplined clock for timestamps. Randomness comes from a {@link java.util.random.RandomGenerator}
 * the caller passes, so runs repeat.
 *
 * <p>{@link org.jntp.source.ClientSource} serves {@code server} and {@code pool} lines,
 * {@link org.jntp.source.SymmetricSource} {@code peer} lines. A driver sends each client
 * {@link org.jntp.source.Synchronizer.Transmit} that {@link org.jntp.source.Synchronizer#wake}
 * returns from a socket of its own, reports when it left, hands back what arrives on that socket,
 * and wakes the synchronizer again at {@link org.jntp.source.Synchronizer#nextWakeMonoNanos}. It
 * sends a symmetric one from the NTP port, and hands in what a configured peer sends there with
 * {@link org.jntp.source.Synchronizer#receiveFromPeer}.
 */
package org.jntp.source;
