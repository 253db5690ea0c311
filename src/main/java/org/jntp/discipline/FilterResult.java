package org.jntp.discipline;

import java.util.Optional;

/** What adding one sample to a {@link ClockFilter} gives the system process. */
public sealed interface FilterResult {

    /** The statistics to hand to clock selection, if this sample produced new ones. */
    default Optional<PeerStatistics> usable() {
        return switch (this) {
            case Used used -> Optional.of(used.statistics());
            case PopcornSpike _ -> Optional.empty();
            case OldSample _ -> Optional.empty();
            case NoValidSample _ -> Optional.empty();
        };
    }

    /** A newer lowest-delay sample: selection should run with these statistics. */
    record Used(PeerStatistics statistics) implements FilterResult {}

    /**
     * The lowest-delay sample jumped more than {@link ClockFilter#SGATE} jitters from the last offset
     * within two poll intervals of the last sample used: ntpd's popcorn spike, logged and not used.
     */
    record PopcornSpike(double offsetJumpSeconds) implements FilterResult {}

    /** The lowest-delay sample is not newer than the last one used: nothing new to select on. */
    record OldSample() implements FilterResult {}

    /**
     * Every stage is at or beyond {@link NtpConstants#MAXDISP}: only the dispersion changed, which
     * selection should still see (it may now reject the association).
     */
    record NoValidSample() implements FilterResult {}
}
