package org.jntp.discipline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SelectionStatusTest {

    @Test
    void talliesAsNtpqDoes() {
        StringBuilder tallies = new StringBuilder();
        for (SelectionStatus status : SelectionStatus.values()) {
            tallies.append(status.tally());
        }

        assertThat(tallies).hasToString(" x.-+#*o");
    }

    @Test
    void codesAreThePeerStatusWordSelectionField() {
        assertThat(Arrays.stream(SelectionStatus.values()).mapToInt(SelectionStatus::code))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(SelectionStatus.ofCode(6)).isEqualTo(SelectionStatus.SYSPEER);
    }

    @Test
    void readsOnlyTheLowThreeBitsOfACode() {
        assertThat(SelectionStatus.ofCode(0x14)).isEqualTo(SelectionStatus.CANDIDATE);
    }
}
