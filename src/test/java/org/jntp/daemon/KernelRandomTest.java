package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KernelRandomTest {

    @Test
    void fillsEveryLongOfABlockWithFreshBits() {
        long[] first = new long[64];
        long[] second = new long[64];

        KernelRandom.fill(first);
        KernelRandom.fill(second);

        // 64 zero longs, or the same 4096 bits twice, from a working generator: never in practice
        assertThat(first).isNotEqualTo(new long[64]).isNotEqualTo(second);
    }

    @Test
    void fillsABytesBlockToItsEnd() {
        byte[] block = new byte[4096];

        KernelRandom.fill(block);

        // the last 64 bytes all zero would mean the read stopped short
        byte[] tail = Arrays.copyOfRange(block, 4032, 4096);
        assertThat(tail).isNotEqualTo(new byte[64]);
    }
}
