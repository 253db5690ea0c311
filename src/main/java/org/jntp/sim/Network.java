package org.jntp.sim;

import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * The simulated network between the client and the servers: each packet, in each direction
 * independently, is lost with the loss probability or else delayed by that direction's
 * {@link Delay}. Draws from its own random stream, two deviates per packet whatever the outcome,
 * so a lost packet does not shift the draws of the next ones.
 */
final class Network {

    /** Which way a packet goes. */
    enum Direction { UP, DOWN }

    private final Delay upDelay;
    private final Delay downDelay;
    private final double lossProbability;
    private final RandomGenerator random;

    Network(Delay upDelay, Delay downDelay, double lossProbability, RandomGenerator random) {
        this.upDelay = upDelay;
        this.downDelay = downDelay;
        this.lossProbability = lossProbability;
        this.random = random;
    }

    /** How long the next packet going {@code direction} takes, in nanoseconds; empty if it is lost. */
    OptionalLong transitNanos(Direction direction) {
        boolean lost = random.nextDouble() < lossProbability;
        long delayNanos = switch (direction) {
            case UP -> upDelay.drawNanos(random);
            case DOWN -> downDelay.drawNanos(random);
        };
        return lost ? OptionalLong.empty() : OptionalLong.of(delayNanos);
    }
}
