package org.jntp.sim;

import java.util.List;

/**
 * Someone on the path between the servers and the client, or off it, who alters, holds back,
 * repeats or forges what the client receives: the attacks of the attack catalogue, run in simulated
 * time against the same client core. An adversary off the path is given the worst case: it guessed
 * the client's port, so what it forges reaches the request's socket.
 */
@FunctionalInterface
public interface Adversary {
    /** A datagram delivered to the client {@code afterNanos} after the genuine reply would arrive. */
    record Delivered(long afterNanos, byte[] datagram) {}

    /**
     * What reaches the client in place of server {@code server}'s genuine {@code reply}, sent at
     * simulated time {@code nowNanos}: the reply itself (unchanged, changed, or not at all), and
     * whatever the adversary adds.
     */
    List<Delivered> intercept(int server, byte[] reply, long nowNanos);

    /** Nobody: every reply arrives as sent. */
    Adversary NONE = (server, reply, nowNanos) -> List.of(new Delivered(0, reply));
}
