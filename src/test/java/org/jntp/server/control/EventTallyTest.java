package org.jntp.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTallyTest {
    @Test
    void countsEventsInARowWithTheSameCode() {
        assertThat(EventTally.NONE.after(5).after(5).after(5)).isEqualTo(new EventTally(3, 5));
    }

    @Test
    void startsCountingAgainWhenTheCodeChanges() {
        assertThat(EventTally.NONE.after(5).after(5).after(12)).isEqualTo(new EventTally(1, 12));
    }

    @Test
    void holdsTheCountAt15() {
        EventTally tally = EventTally.NONE;
        for (int i = 0; i < 40; i++) {
            tally = tally.after(4);
        }

        assertThat(tally).isEqualTo(new EventTally(15, 4));
    }
}
