package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RandomBitsTest {

    /** A source that counts the longs drawn from it and gives 1, 2, 3, ... */
    private static final class CountingSource implements Consumer<long[]> {
        long drawn;

        @Override
        public void accept(long[] block) {
            for (int i = 0; i < block.length; i++) {
                block[i] = ++drawn;
            }
        }
    }

    @Test
    void givesTheSecureSourcesBitsInOrder() {
        RandomBits bits = new RandomBits(new CountingSource());

        assertThat(new long[] {bits.nextLong(), bits.nextLong(), bits.nextLong()}).containsExactly(1, 2, 3);
    }

    @Test
    void drawsANewBlockAheadOnlyOnceHalfIsUsed() {
        CountingSource source = new CountingSource();
        RandomBits bits = new RandomBits(source);
        for (int i = 0; i < 31; i++) {
            bits.nextLong();
        }
        bits.refill();
        long beforeHalf = source.drawn;
        bits.nextLong();
        bits.refill();

        assertThat(beforeHalf).isEqualTo(64);
        assertThat(source.drawn).isEqualTo(128);
        assertThat(bits.nextLong()).isEqualTo(65);
    }
}
