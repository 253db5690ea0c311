package org.jntp.discipline;

/**
 * The one correction a program that sets the clock once makes ({@code ntpd -q}, {@code ntpdate}):
 * a step or a slew by the whole offset, after which the program exits and a slew goes on without it.
 *
 * @param kind          step or slew
 * @param offsetSeconds by how much: positive when the clock is behind and is moved forwards
 */
public record ClockSetting(Kind kind, double offsetSeconds) {

    /** How the clock is set. */
    public enum Kind {
        /** Jumped at once. */
        STEP,
        /** Moved gradually, without a jump. */
        SLEW
    }

    /** Whether the clock is stepped rather than slewed. */
    public boolean stepped() {
        return kind == Kind.STEP;
    }
}
