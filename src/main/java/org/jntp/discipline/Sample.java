package org.jntp.discipline;

/**
 * One measurement of a source, from one reply (RFC 5905 §8: the on-wire protocol's θ, δ, ε, t).
 *
 * @param offsetSeconds     θ: how far the source's clock is ahead of ours; positive means ours is behind
 * @param delaySeconds      δ: round-trip delay, never below the system precision
 * @param dispersionSeconds ε: the sample's own dispersion, from both precisions and {@link NtpConstants#PHI}
 *                          over the round trip
 * @param epochNanos        t: our clock's reading (Unix ns) when the reply arrived
 */
public record Sample(double offsetSeconds, double delaySeconds, double dispersionSeconds, long epochNanos) {}
