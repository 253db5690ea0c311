package org.jntp.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AssociationTest {

    @Test
    void roundTripsAssociationLists() {
        Random random = new Random(1);
        for (int round = 0; round < 200; round++) {
            List<Association> associations = new ArrayList<>();
            for (int i = random.nextInt(120); i > 0; i--) {
                associations.add(new Association(random.nextInt(0x10000), PeerStatus.decode(random.nextInt(0x10000))));
            }

            assertThat(Association.decode(Association.encode(associations))).isEqualTo(associations);
        }
    }

    @Test
    void ignoresTrailingOctetsThatMakeNoEntry() {
        assertThat(Association.decode(new byte[] {0x45, 0x67, (byte) 0xb6, 0x1a, 0x01, 0x02}))
                .containsExactly(new Association(17767, PeerStatus.decode(0xb61a)));
    }
}
