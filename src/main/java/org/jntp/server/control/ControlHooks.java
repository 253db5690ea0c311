package org.jntp.server.control;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jntp.config.SetVar;

/**
 * What the daemon adds to mode 6 beyond the published state.
 *
 * @param reconfiguration where CONFIGURE's associations go; without it CONFIGURE gets BADOP
 * @param saver           where SAVECONFIG writes; without it, ntpd's answer for a configuration
 *                        with no {@code saveconfigdir}
 * @param userVariables   the system variables {@code setvar} and saveconfig's {@code savedconfig}
 *                        add, read for each READVAR of association 0
 */
public record ControlHooks(Optional<Reconfiguration> reconfiguration, Optional<ConfigSaver> saver,
        Supplier<List<SetVar>> userVariables) {
    public ControlHooks {
        Objects.requireNonNull(reconfiguration, "reconfiguration");
        Objects.requireNonNull(saver, "saver");
        Objects.requireNonNull(userVariables, "userVariables");
    }

    /** Nothing beyond the published state: CONFIGURE and SAVECONFIG refused, no user variables. */
    public static ControlHooks none() {
        return new ControlHooks(Optional.empty(), Optional.empty(), List::of);
    }

    /** Only CONFIGURE, applied by {@code reconfiguration}. */
    public static ControlHooks reconfiguring(Reconfiguration reconfiguration) {
        return new ControlHooks(Optional.of(reconfiguration), Optional.empty(), List::of);
    }
}
