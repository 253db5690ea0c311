package org.jntp.daemon.privilege;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunAsTest {
    private final RecordingPrivileges privileges = RecordingPrivileges.withUsualAccounts();

    @Test
    void readsAUserAlone() {
        assertThat(RunAs.parse("ntp")).isEqualTo(new RunAs.Parse.Ok(new RunAs("ntp", Optional.empty())));
    }

    @Test
    void readsAUserAndAGroup() {
        assertThat(RunAs.parse("ntp:adm")).isEqualTo(new RunAs.Parse.Ok(new RunAs("ntp", Optional.of("adm"))));
    }

    @Test
    void refusesAMissingUser() {
        assertThat(RunAs.parse(":ntp")).isEqualTo(new RunAs.Parse.Error("-u :ntp: no user given; expected user[:group]"));
    }

    @Test
    void refusesAnEmptyGroup() {
        assertThat(RunAs.parse("ntp:"))
                .isEqualTo(new RunAs.Parse.Error("-u ntp:: no group after ':'; expected user[:group]"));
    }

    @Test
    void aUserAloneRunsInItsPrimaryGroup() {
        assertThat(resolve("ntp")).isEqualTo(new RunAs.Resolution.Found(new Identity("ntp", 106, 112)));
    }

    @Test
    void aGroupNameIsLookedUp() {
        assertThat(resolve("ntp:adm")).isEqualTo(new RunAs.Resolution.Found(new Identity("ntp", 106, 4)));
    }

    @Test
    void aNumericUserIsLookedUpById() {
        assertThat(resolve("65534")).isEqualTo(new RunAs.Resolution.Found(new Identity("nobody", 65534, 65534)));
    }

    @Test
    void aNumericGroupStandsForItself() {
        assertThat(resolve("ntp:777")).isEqualTo(new RunAs.Resolution.Found(new Identity("ntp", 106, 777)));
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThat(resolve("chrony")).isEqualTo(new RunAs.Resolution.NotFound("-u: no such user: chrony"));
    }

    @Test
    void anUnknownUserIdIsNotFound() {
        assertThat(resolve("4242")).isEqualTo(new RunAs.Resolution.NotFound("-u: no such user: 4242"));
    }

    @Test
    void anUnknownGroupIsNotFound() {
        assertThat(resolve("ntp:wheel")).isEqualTo(new RunAs.Resolution.NotFound("-u: no such group: wheel"));
    }

    private RunAs.Resolution resolve(String spec) {
        return ((RunAs.Parse.Ok) RunAs.parse(spec)).runAs().resolve(privileges);
    }
}
