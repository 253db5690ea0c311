package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ModeTest {
    @Test
    void codesFollowRfc5905Figure10() {
        assertThat(Mode.RESERVED.code()).isZero();
        assertThat(Mode.SYMMETRIC_ACTIVE.code()).isEqualTo(1);
        assertThat(Mode.SYMMETRIC_PASSIVE.code()).isEqualTo(2);
        assertThat(Mode.CLIENT.code()).isEqualTo(3);
        assertThat(Mode.SERVER.code()).isEqualTo(4);
        assertThat(Mode.BROADCAST.code()).isEqualTo(5);
        assertThat(Mode.CONTROL.code()).isEqualTo(6);
        assertThat(Mode.PRIVATE.code()).isEqualTo(7);
    }

    @Test
    void ofIsInverseOfCode() {
        for (Mode mode : Mode.values()) {
            assertThat(Mode.of(mode.code())).isSameAs(mode);
        }
    }

    @Test
    void rejectsCodesBeyondThreeBits() {
        assertThatIllegalArgumentException().isThrownBy(() -> Mode.of(8));
    }
}
