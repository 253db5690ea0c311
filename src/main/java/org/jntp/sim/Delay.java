package org.jntp.sim;

import java.util.random.RandomGenerator;

/**
 * The one-way delay of the network in one direction: {@code base + jitter × Exp(1)} per packet.
 *
 * @param baseSeconds   the least delay
 * @param jitterSeconds the mean of the exponential part
 */
public record Delay(double baseSeconds, double jitterSeconds) {

    /** SCENARIOS.md's {@code lan}: 100 µs plus an exponential of mean 100 µs. */
    public static final Delay LAN = new Delay(1e-4, 1e-4);
    /** SCENARIOS.md's {@code wan}: 1 ms plus an exponential of mean 1 ms. */
    public static final Delay WAN = new Delay(1e-3, 1e-3);

    public Delay {
        if (!(baseSeconds >= 0) || !(jitterSeconds >= 0) || Double.isInfinite(baseSeconds)
                || Double.isInfinite(jitterSeconds)) {
            throw new IllegalArgumentException("delay base and jitter must be finite and not negative, got "
                    + baseSeconds + "," + jitterSeconds);
        }
    }

    /** One packet's delay in nanoseconds; draws exactly one exponential deviate. */
    long drawNanos(RandomGenerator random) {
        return Math.round((baseSeconds + jitterSeconds * random.nextExponential()) * 1e9);
    }
}
