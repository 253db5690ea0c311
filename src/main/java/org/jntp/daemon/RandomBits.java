package org.jntp.daemon;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Unpredictable bits for the client core (the transmit timestamps that only a reply from someone
 * who saw the request can echo, and the poll jitter), drawn from {@link SecureRandom} a block at a
 * time. The core takes its transmit timestamp (T1) before it draws these bits, so drawing them must
 * be quick: {@link #refill} runs while the client thread has nothing else to do.
 */
final class RandomBits implements RandomGenerator {
    private static final int BLOCK = 64;

    private final SecureRandom source;
    private final long[] bits = new long[BLOCK];
    private int next = BLOCK;

    RandomBits(SecureRandom source) {
        this.source = source;
        refill();
    }

    @Override
    public long nextLong() {
        if (next == BLOCK) {
            refill();
        }
        return bits[next++];
    }

    /** Draws a fresh block if half of this one is used. */
    void refill() {
        if (next < BLOCK / 2) {
            return;
        }
        for (int i = 0; i < BLOCK; i++) {
            bits[i] = source.nextLong();
        }
        next = 0;
    }
}
