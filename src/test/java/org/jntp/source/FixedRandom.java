package org.jntp.source;

import java.util.random.RandomGenerator;

/** Randomness a test can predict: the same poll jitter every time, and distinct nonzero 64-bit values. */
final class FixedRandom implements RandomGenerator {
    private final int jitter;
    private long value = 0x0123_4567_89AB_CDEFL;

    /** @param jitter what every bounded draw returns: ntpd's 0 to 255 poll jitter */
    FixedRandom(int jitter) {
        this.jitter = jitter;
    }

    @Override
    public long nextLong() {
        value += 0x9E37_79B9_7F4A_7C15L;
        return value;
    }

    @Override
    public int nextInt(int bound) {
        return jitter;
    }
}
