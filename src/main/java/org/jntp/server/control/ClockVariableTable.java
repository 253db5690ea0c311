package org.jntp.server.control;

import java.util.List;
import java.util.Optional;
import org.jntp.protocol.ReferenceId;
import org.jntp.protocol.control.VariableValue;

/**
 * ntpd 4.2.8's reference clock variables ({@code clock_var}, {@code ctl_putclock}) for READCLOCK.
 * As in ntpd, {@code type} is left out when the driver describes itself in {@code device}, and
 * {@code stratum} and {@code refid} appear only when a {@code fudge} line set them.
 */
final class ClockVariableTable {
    /** The names of ntpd 4.2.8's {@code clock_var}, in its order. */
    static final VariableTable TABLE = new VariableTable(List.of(
            "type", "timecode", "poll", "noreply", "badformat", "baddata", "fudgetime1", "fudgetime2", "stratum",
            "refid", "flags", "device", "clock_var_list"),
            List.of("device", "type", "timecode", "poll", "noreply", "badformat", "baddata", "fudgetime1",
                    "fudgetime2", "stratum", "refid", "flags"));

    private ClockVariableTable() {}

    /** The value of {@code name} for the reference clock {@code clock}. */
    static Optional<VariableValue> value(String name, ClockState clock) {
        return switch (name) {
            case "device" -> Optional.of(new VariableValue.Text(clock.device()));
            case "timecode" -> Optional.of(new VariableValue.Text(""));
            case "poll" -> Optional.of(new VariableValue.Unsigned(clock.polls()));
            case "noreply", "badformat", "baddata", "flags" -> Optional.of(new VariableValue.Unsigned(0));
            case "stratum" -> clock.fudgedStratum().isPresent()
                    ? Optional.of(new VariableValue.Signed(clock.fudgedStratum().getAsInt())) : Optional.empty();
            // ntpd shows a fudged refid as an address when the fudged stratum is above 1
            case "refid" -> clock.fudgedReferenceIdBits().isPresent()
                    ? Optional.of(new VariableValue.RefId(new ReferenceId(clock.fudgedReferenceIdBits().getAsInt()),
                            clock.fudgedStratum().orElse(0)))
                    : Optional.empty();
            case "clock_var_list" -> Optional.of(new VariableValue.Text(TABLE.nameList()));
            default -> Optional.empty();
        };
    }
}
