package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LeapIndicatorTest {
    @Test
    void codesFollowRfc5905Figure9() {
        assertThat(LeapIndicator.NO_WARNING.code()).isZero();
        assertThat(LeapIndicator.ADD_SECOND.code()).isEqualTo(1);
        assertThat(LeapIndicator.DELETE_SECOND.code()).isEqualTo(2);
        assertThat(LeapIndicator.UNSYNCHRONIZED.code()).isEqualTo(3);
    }

    @Test
    void ofIsInverseOfCode() {
        for (LeapIndicator leap : LeapIndicator.values()) {
            assertThat(LeapIndicator.of(leap.code())).isSameAs(leap);
        }
    }

    @Test
    void rejectsCodesBeyondTwoBits() {
        assertThatIllegalArgumentException().isThrownBy(() -> LeapIndicator.of(4));
        assertThatIllegalArgumentException().isThrownBy(() -> LeapIndicator.of(-1));
    }
}
