package org.jntp.daemon.privilege;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PrivilegeDropTest {
    private static final Identity NTP = new Identity("ntp", 106, 112);

    @Test
    void switchesGroupsThenGroupThenUserWithCapabilitiesKeptAcrossTheSwitch() {
        RecordingPrivileges privileges = RecordingPrivileges.withUsualAccounts();

        PrivilegeDrop.drop(NTP, privileges);

        assertThat(privileges.calls()).containsExactly(
                "prctl(PR_SET_KEEPCAPS, 1)",
                "setgroups([112])",
                "setgid(112)",
                "setuid(106)",
                "capset(0x2000400)",
                "prctl(PR_SET_KEEPCAPS, 0)");
    }

    @Test
    void keepsOnlySysTimeAndNetBindService() {
        PrivilegeDrop.Outcome outcome = PrivilegeDrop.drop(NTP, RecordingPrivileges.withUsualAccounts());

        assertThat(outcome).isEqualTo(new PrivilegeDrop.Outcome.Dropped(NTP,
                Set.of(Capability.CAP_SYS_TIME, Capability.CAP_NET_BIND_SERVICE), Set.of()));
    }

    @Test
    void aCapabilityTheProcessLacksIsNotKeptAndSaidUnavailable() {
        long withoutSysTime = -1L & ~Capability.CAP_SYS_TIME.bit();
        RecordingPrivileges privileges = RecordingPrivileges.withPermitted(withoutSysTime);

        PrivilegeDrop.Outcome outcome = PrivilegeDrop.drop(NTP, privileges);

        assertThat(privileges.calls()).contains("capset(0x400)");
        assertThat(outcome).isEqualTo(new PrivilegeDrop.Outcome.Dropped(NTP,
                Set.of(Capability.CAP_NET_BIND_SERVICE), Set.of(Capability.CAP_SYS_TIME)));
    }

    @Test
    void stopsAtTheFirstFailingCallAndNamesIt() {
        RecordingPrivileges privileges =
                RecordingPrivileges.withUsualAccounts().failing("setgid", RecordingPrivileges.EPERM);

        PrivilegeDrop.Outcome outcome = PrivilegeDrop.drop(NTP, privileges);

        assertThat(privileges.calls()).last().isEqualTo("setgid(112)");
        assertThat(outcome).isEqualTo(new PrivilegeDrop.Outcome.Failed(
                "cannot run as ntp (uid 106, gid 112): setgid(112) failed: Operation not permitted"));
    }
}
