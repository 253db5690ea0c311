package org.jntp.daemon.privilege;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilityTest {

    @Test
    void theKeptSetHasTheBitsProcStatusShows() {
        assertThat(Capability.bits(Capability.KEPT)).isEqualTo(0x2000400L);
    }

    @Test
    void readsTheCapabilitiesItNamesOutOfABoundingSetWithoutSysTime() {
        assertThat(Capability.in(0x000001fffdffffffL))
                .isEqualTo(Set.of(Capability.CAP_NET_BIND_SERVICE));
    }
}
