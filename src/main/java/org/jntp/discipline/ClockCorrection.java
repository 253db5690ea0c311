package org.jntp.discipline;

/** What the discipline decided to do to the clock after a measurement. */
public sealed interface ClockCorrection {

    /**
     * Slew the clock by {@code offsetSeconds} (replacing any slew in progress) and set its frequency
     * correction to {@code frequencyPpm}. Of the slew, {@code newSeconds} is decided now; the rest
     * is what remained of the slew before, so past measurements should be moved by
     * {@code newSeconds} to stay on the corrected clock's timescale.
     */
    record Slew(double offsetSeconds, double frequencyPpm, double newSeconds) implements ClockCorrection {}

    /** Step the clock by {@code offsetSeconds} and set its frequency correction to {@code frequencyPpm}. */
    record Step(double offsetSeconds, double frequencyPpm) implements ClockCorrection {}

    /** Leave the clock alone: the measurement was not used, for {@code reason}. */
    record Hold(HoldReason reason) implements ClockCorrection {}

    /** The offset is beyond the panic threshold: stop, as ntpd does, and let the operator set the clock. */
    record Panic(double offsetSeconds) implements ClockCorrection {}

    /** Why a measurement was not used. */
    enum HoldReason {
        /** Beyond the step threshold once synchronised: wait for the stepout interval before believing it. */
        SPIKE,
        /** Far outside what the estimate predicts, while still within the step threshold. */
        OUTLIER
    }
}
