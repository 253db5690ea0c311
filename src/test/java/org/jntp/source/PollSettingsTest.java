package org.jntp.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import java.util.Set;
import org.jntp.config.AssociationFlag;
import org.jntp.config.AssociationOptions;
import org.junit.jupiter.api.Test;

class PollSettingsTest {

    private static AssociationOptions options(Set<AssociationFlag> flags, OptionalInt minPoll, OptionalInt maxPoll,
            OptionalInt version) {
        OptionalInt empty = OptionalInt.empty();
        return new AssociationOptions(flags, minPoll, maxPoll, version, empty, empty, empty);
    }

    private static PollSettings polls(OptionalInt minPoll, OptionalInt maxPoll) {
        return PollSettings.of(options(Set.of(), minPoll, maxPoll, OptionalInt.empty()));
    }

    @Test
    void defaultsToNtpdsMinpoll6Maxpoll10AndVersion4() {
        assertThat(PollSettings.of(AssociationOptions.none()))
                .isEqualTo(new PollSettings(6, 10, 4, false, false, false));
    }

    @Test
    void takesTheLinesPollLimitsAndVersion() {
        PollSettings settings = PollSettings.of(options(Set.of(), OptionalInt.of(4), OptionalInt.of(12),
                OptionalInt.of(3)));

        assertThat(settings).isEqualTo(new PollSettings(4, 12, 3, false, false, false));
    }

    @Test
    void takesTheBurstFlags() {
        PollSettings settings = PollSettings.of(options(
                Set.of(AssociationFlag.IBURST, AssociationFlag.BURST, AssociationFlag.PREEMPT),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty()));

        assertThat(settings).isEqualTo(new PollSettings(6, 10, 4, true, true, true));
    }

    @Test
    void clampsPollExponentsInto3To17() {
        assertThat(polls(OptionalInt.of(1), OptionalInt.of(20)))
                .extracting(PollSettings::minPollLog2, PollSettings::maxPollLog2)
                .containsExactly(3, 17);
    }

    @Test
    void lowersMinpollToAMaxpollBelowTheDefault() {
        assertThat(polls(OptionalInt.empty(), OptionalInt.of(4)))
                .extracting(PollSettings::minPollLog2, PollSettings::maxPollLog2)
                .containsExactly(4, 4);
    }

    @Test
    void lowersAMinpollAboveTheDefaultMaxpollToIt() {
        assertThat(polls(OptionalInt.of(12), OptionalInt.empty()))
                .extracting(PollSettings::minPollLog2, PollSettings::maxPollLog2)
                .containsExactly(10, 10);
    }

    @Test
    void refusesAVersionItCannotSend() {
        assertThatThrownBy(() -> new PollSettings(6, 10, 5, false, false, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
