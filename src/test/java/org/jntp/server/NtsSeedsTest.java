package org.jntp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Random;
import org.jntp.nts.MasterKeyRing;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.access.DiscardSettings;
import org.jntp.server.access.MruList;
import org.jntp.server.access.MruSettings;
import org.jntp.server.access.RestrictTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seeds of {@link NtsRequestFuzzTest} still take the NTS path each is named for. */
class NtsSeedsTest {
    private static final String DIRECTORY = "NtsRequestFuzzTestInputs/answersNoNtsRequestWithMoreOctetsThanItHad/";

    @ParameterizedTest
    @CsvSource({"nts-request, ANSWERED_NTS", "nts-request-3-placeholders, ANSWERED_NTS",
            "nts-request-unknown-master-key, NTS_NAK", "nts-request-forged, NTS_UNAUTHENTIC"})
    void seedTakesTheNtsPathItIsNamedFor(String seed, ServerOutcome outcome) throws IOException {
        byte[] datagram;
        try (InputStream in = NtsSeedsTest.class.getResourceAsStream(DIRECTORY + seed)) {
            datagram = in.readAllBytes();
        }
        Random random = new Random(NtsSeeds.SEED);
        MasterKeyRing ring = NtsSeeds.ring(random);
        NtpServer server = new NtpServer(() -> new SystemVariables(LeapIndicator.NO_WARNING, 8, -24, 0, 0,
                ReferenceId.ofAscii("LOCL").bits(), 0), RestrictTable::defaults,
                MruList.create(MruSettings.defaults(), DiscardSettings.defaults(), 1, 42),
                DiscardSettings.defaults().averageLog2(), new ServerCounters(),
                new NtsServing(() -> Optional.of(ring), random));

        assertThat(server.respond(ByteBuffer.wrap(datagram), 0, 0xFFFF_C000_0207L, 40123, 1_795_681_550_000_000_000L, 0,
                ByteBuffer.allocate(1280))).isEqualTo(outcome);
    }
}
