package org.jntp.discipline;

/**
 * The combine algorithm's output: the offset to steer by and the system jitter.
 *
 * @param offsetSeconds Θ, positive when our clock is behind
 * @param jitterSeconds Ψ
 */
public record CombinedOffset(double offsetSeconds, double jitterSeconds) {}
