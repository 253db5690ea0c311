package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MasterKeyRingTest {
    private final Random random = new Random(4460);
    private final MasterKeyRing ring = MasterKeyRing.create(1_000_000, random);

    @Test
    void startsWithOneKeyMadeNow() {
        assertThat(ring.previous()).isEmpty();
        assertThat(ring.rotatedAtSeconds()).isEqualTo(1_000_000);
    }

    @Test
    void rotationKeepsTheCurrentKeyAsPrevious() {
        MasterKeyRing rotated = ring.rotate(1_000_500, random);

        assertThat(rotated.previous()).contains(ring.current());
        assertThat(rotated.current().id()).isNotEqualTo(ring.current().id());
        assertThat(rotated.rotatedAtSeconds()).isEqualTo(1_000_500);
    }

    @Test
    void doesNotRotateBeforeTheIntervalIsUp() {
        assertThat(ring.rotateIfDue(1_086_399, MasterKeyRing.DEFAULT_ROTATION_SECONDS, random)).isSameAs(ring);
    }

    @Test
    void rotatesWhenTheIntervalIsUp() {
        assertThat(ring.rotateIfDue(1_086_400, MasterKeyRing.DEFAULT_ROTATION_SECONDS, random).previous())
                .contains(ring.current());
    }

    @Test
    void rotatesOnceAfterALongStop() {
        MasterKeyRing rotated = ring.rotateIfDue(1_000_000 + 10 * 86_400, MasterKeyRing.DEFAULT_ROTATION_SECONDS, random);

        assertThat(rotated.previous()).contains(ring.current());
    }

    @Test
    void findsCurrentAndPreviousKeysById() {
        MasterKeyRing rotated = ring.rotate(1_000_500, random);

        assertThat(rotated.find(rotated.current().id())).contains(rotated.current());
        assertThat(rotated.find(ring.current().id())).contains(ring.current());
        assertThat(rotated.find(ring.current().id() ^ rotated.current().id() ^ 1)).isEmpty();
    }
}
