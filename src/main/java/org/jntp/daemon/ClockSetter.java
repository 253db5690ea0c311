package org.jntp.daemon;

import java.util.Locale;
import org.jntp.clock.Clock;
import org.jntp.clock.ClockException;
import org.jntp.discipline.ClockSetting;

/**
 * Makes the one setting of {@code ntpd -q} and {@code ntpdate} through the clock interface. A slew
 * beyond what one slew covers ({@link Clock#MAX_SLEW_SECONDS}) moves the clock that far only, and
 * the log says so, for ntpd's and ntpdate's adjtime() would have taken it whole.
 */
public final class ClockSetter {

    /** How setting the clock went. */
    public sealed interface Outcome {
        /** The clock took {@code setting}. */
        record Made(ClockSetting setting) implements Outcome {}

        /** The system refused to adjust the clock, for {@code reason}. */
        record Refused(String reason) implements Outcome {}
    }

    private ClockSetter() {}

    /** Steps or slews {@code clock} as {@code setting} says, and says whether the clock took it. */
    public static Outcome make(Clock clock, ClockSetting setting, EventLog log) {
        double offset = setting.offsetSeconds();
        try {
            switch (setting.kind()) {
                case STEP -> clock.step(offset);
                case SLEW -> {
                    if (Math.abs(offset) > Clock.MAX_SLEW_SECONDS) {
                        log.info(String.format(Locale.ROOT, "offset %.6f s is more than one slew covers (%.1f s):"
                                + " slewing %.1f s now; step the clock, or set it again for the rest", offset,
                                Clock.MAX_SLEW_SECONDS, Math.copySign(Clock.MAX_SLEW_SECONDS, offset)));
                    }
                    clock.slew(offset);
                }
            }
        } catch (ClockException e) {
            return new Outcome.Refused(e.getMessage());
        }
        return new Outcome.Made(setting);
    }
}
