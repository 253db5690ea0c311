package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SelectionParametersTest {

    @Test
    void defaultsAreNtpds() {
        assertThat(SelectionParameters.defaults())
                .isEqualTo(new SelectionParameters(1, 3, 10, 1.5, 0.001, 0, 16));
    }

    @Test
    void refusesAMaxclockThatWouldLeaveNoSurvivor() {
        assertThatThrownBy(() -> new SelectionParameters(1, 3, 0, 1.5, 0.001, 0, 16))
                .hasMessageContaining("maxclock >= 1");
    }
}
