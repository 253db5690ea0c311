package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PreopenedTest {
    @Test
    void servesEachAddressWithOneThreadPerTwoCpus() {
        assertThat(Preopened.threadsPerAddress(4)).isEqualTo(2);
        assertThat(Preopened.threadsPerAddress(7)).isEqualTo(3);
    }

    @Test
    void servesEachAddressWithAtLeastOneThread() {
        assertThat(Preopened.threadsPerAddress(1)).isEqualTo(1);
        assertThat(Preopened.threadsPerAddress(2)).isEqualTo(1);
    }

    @Test
    void servesEachAddressWithAtMostFourThreads() {
        assertThat(Preopened.threadsPerAddress(64)).isEqualTo(4);
    }
}
