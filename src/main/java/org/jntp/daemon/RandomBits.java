package org.jntp.daemon;

import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Unpredictable bits for the client core (the transmit timestamps that only a reply from someone
 * who saw the request can echo, and the poll jitter), drawn from a secure source (the kernel's,
 * {@link KernelRandom}) a block at a time. The core takes its transmit timestamp (T1) before it draws these bits, so drawing them must
 * be quick: {@link #refill} runs while the client thread has nothing else to do.
 */
final class RandomBits implements RandomGenerator {
    private static final int BLOCK = 64;

    private final Consumer<long[]> source;
    private final long[] bits = new long[BLOCK];
    private int next = BLOCK;

    /** Bits from {@code source}, which fills the block it is given with fresh bits. */
    RandomBits(Consumer<long[]> source) {
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
        source.accept(bits);
        next = 0;
    }
}
