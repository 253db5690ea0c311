package org.jntp.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.jntp.config.SetVar;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlOpcode;
import org.junit.jupiter.api.Test;

/** The system variables {@code setvar} adds, read by {@code ntpq -c rv} as ntpd serves them. */
class UserVariablesTest {
    private static final SetVar HOSTNAME = new SetVar("hostname", "alpha.example", true);
    private static final SetVar SITE = new SetVar("site", "lab 3", false);

    private static ControlExchange readvar(String names) {
        ControlServer server = new ControlServer(ControlStates::synchronised, List::of,
                () -> ControlStates.STATISTICS, ControlStates.KEY, ControlAuth.none(),
                new ControlHooks(Optional.empty(), Optional.empty(), () -> List.of(HOSTNAME, SITE)));
        return ControlExchange.ask(server, 2, ControlOpcode.READVAR, 0, names);
    }

    @Test
    void aDefaultVariableComesLastInAPlainRv() {
        assertThat(readvar("").names()).endsWith("hostname").doesNotContain("site");
        assertThat(readvar("").value("hostname")).isEqualTo("alpha.example");
    }

    @Test
    void anyVariableIsSentWhenNamed() {
        ControlExchange answer = readvar("site");
        assertThat(answer.names()).containsExactly("site");
        assertThat(answer.value("site")).isEqualTo("\"lab 3\"");
    }

    @Test
    void theVariableListNamesThem() {
        assertThat(readvar("sys_var_list").text()).contains(",nts_ke_serves_bad,hostname,site\"");
    }

    @Test
    void withoutUserVariablesAnUnknownNameIsStillRefused() {
        ControlExchange answer = ControlExchange.ask(ControlStates.synchronised(), ControlOpcode.READVAR, 0, "site");
        assertThat(answer.header().error()).isTrue();
        assertThat(answer.header().errorCode()).isEqualTo(ControlError.UNKNOWNVAR.code());
    }
}
