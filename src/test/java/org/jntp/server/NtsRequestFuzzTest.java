package org.jntp.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
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

/**
 * Jazzer target for the server's NTS path: one datagram to a server whose master keys come from a
 * fixed seed, so that the seeds (requests with cookies under those keys, made by
 * {@code NtsSeeds}) reach the Authenticator check and the sealed reply. No datagram makes it
 * throw, and no reply is longer than its request.
 */
class NtsRequestFuzzTest {
    /** The server thread's receive buffer: longer datagrams never reach the server. */
    private static final int MAX_DATAGRAM = 1280;
    private static final long NOW_NANOS = 1_795_681_550_123_456_789L;
    private static final SystemVariables STRATUM_8 = new SystemVariables(LeapIndicator.NO_WARNING, 8, -24,
            1_500_000, 10_000_000, ReferenceId.ofAscii("LOCL").bits(), NOW_NANOS - 10_000_000_000L);
    /** 192.0.2.7, IPv4-mapped. */
    private static final long CLIENT_LOW = 0xFFFF_C000_0207L;

    @FuzzTest
    void answersNoNtsRequestWithMoreOctetsThanItHad(byte[] datagram) {
        Random random = new Random(NtsSeeds.SEED);
        MasterKeyRing ring = NtsSeeds.ring(random);
        NtpServer server = new NtpServer(() -> STRATUM_8, RestrictTable::defaults,
                MruList.create(MruSettings.defaults(), DiscardSettings.defaults(), 1, 42),
                DiscardSettings.defaults().averageLog2(), new ServerCounters(),
                new NtsServing(() -> Optional.of(ring), random));
        ByteBuffer request = ByteBuffer.wrap(datagram, 0, Math.min(datagram.length, MAX_DATAGRAM));
        ByteBuffer reply = ByteBuffer.allocate(MAX_DATAGRAM);

        ServerOutcome outcome = server.respond(request, 0, CLIENT_LOW, 40123, NOW_NANOS, 0, reply);

        if (outcome.replies()) {
            assertThat(reply.position()).isZero();
            assertThat(reply.limit()).isLessThanOrEqualTo(request.limit());
        }
    }
}
