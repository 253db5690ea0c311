package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jntp.protocol.control.Association;
import org.jntp.protocol.control.PeerStatus;
import org.junit.jupiter.api.Test;

class AssociationTableTest {

    @Test
    void printsNtpsecsAssociationListAsBothNtpqsDo() throws IOException {
        List<Association> associations = Association.decode(Captured.data("ntpq-as.reply1"));
        String printed;
        try (InputStream in = getClass().getResourceAsStream("/org/jntp/protocol/control/ntpq-as.ntpq.txt")) {
            printed = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }

        assertThat(AssociationTable.format(associations, false)).isEqualTo(printed);
    }

    @Test
    void leavesOutAssociationsNeitherConfiguredNorReachableUnlessAll() {
        List<Association> associations = List.of(new Association(7, PeerStatus.decode(0x0314)));

        assertThat(AssociationTable.format(associations, false)).doesNotContain("    7 ");
        assertThat(AssociationTable.format(associations, true)).contains("  1     7  0314    no    no  none   outlier   reachable  1");
    }

    @Test
    void saysSoWhenTheListIsEmpty() {
        assertThat(AssociationTable.format(List.of(), true)).isEqualTo("No association ID's in list\n");
    }
}
