package org.jntp.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.ReferenceId;
import org.jntp.server.access.DiscardSettings;
import org.jntp.server.access.MruList;
import org.jntp.server.access.MruSettings;
import org.jntp.server.access.RestrictFlag;
import org.jntp.server.access.RestrictRule;
import org.jntp.server.access.RestrictTable;
import org.jntp.server.access.RestrictTarget;

/**
 * Jazzer target for the server's whole request path, as its thread drives it: a run of datagrams
 * from fuzzed sources and times, under {@code restrict default limited kod} so that rate limiting
 * and kiss-o'-death answer too. The sources are 192.0.2.0 to .7 (one a configured symmetric peer,
 * whose packets go to the client thread instead) and as many IPv6 ones. No datagram makes it
 * throw, no reply is longer than its request, and the MRU list never outgrows its capacity.
 */
class NtpServerFuzzTest {
    /** The server thread's receive buffer: longer datagrams never reach the server. */
    private static final int MAX_DATAGRAM = 1280;
    private static final int MAX_DATAGRAMS_PER_RUN = 16;
    /** Few enough that a run of datagrams fills the list and recycles its entries. */
    private static final int MRU_MAX_DEPTH = 8;
    private static final long NOW_NANOS = 1_795_681_550_123_456_789L;
    private static final SystemVariables STRATUM_8 = new SystemVariables(LeapIndicator.NO_WARNING, 8, -24,
            1_500_000, 10_000_000, ReferenceId.ofAscii("LOCL").bits(), NOW_NANOS - 10_000_000_000L);
    /** 192.0.2.0, IPv4-mapped: the fuzzer picks the last octet, 0 to 7. */
    private static final long SOURCE_LOW = 0xFFFF_C000_0200L;
    /** 2001:db8::, to make the same low bits an IPv6 source. */
    private static final long DOCUMENTATION_PREFIX_HIGH = 0x2001_0DB8_0000_0000L;
    private static final SymmetricPeers PEERS =
            SymmetricPeers.of(List.of(new InetSocketAddress(InetAddress.ofLiteral("192.0.2.3"), 123)));
    private static final RestrictTable LIMITED_KOD = RestrictTable.of(List.of(RestrictRule.restrict(
            RestrictTarget.Default.bothFamilies(), Set.of(RestrictFlag.LIMITED, RestrictFlag.KOD))));

    @FuzzTest
    void answersNoDatagramWithMoreOctetsThanItHad(FuzzedDataProvider data) {
        MruSettings settings = MruSettings.defaults().withMaxDepth(MRU_MAX_DEPTH).withMinDepth(0);
        MruList mru = MruList.create(settings, DiscardSettings.defaults(), 1, 42);
        NtpServer server = new NtpServer(() -> STRATUM_8, () -> LIMITED_KOD, mru,
                DiscardSettings.defaults().averageLog2(), new ServerCounters());
        ByteBuffer reply = ByteBuffer.allocate(MAX_DATAGRAM);
        long monotonicNanos = 0;
        int datagrams = data.consumeInt(1, MAX_DATAGRAMS_PER_RUN);
        for (int i = 0; i < datagrams && data.remainingBytes() > 0; i++) {
            long addressHigh = data.consumeBoolean() ? 0 : DOCUMENTATION_PREFIX_HIGH;
            long addressLow = SOURCE_LOW | data.consumeInt(0, 7);
            int port = data.consumeInt(0, 0xFFFF);
            long receiveNanos = NOW_NANOS + data.consumeLong(-1_000_000_000_000L, 1_000_000_000_000L);
            monotonicNanos += data.consumeLong(0, 100_000_000_000L);
            ByteBuffer request = ByteBuffer.wrap(data.consumeBytes(data.consumeInt(0, MAX_DATAGRAM)));
            if (PEERS.route(request, addressHigh, addressLow, port) == PacketRoute.PEER
                    && !server.ignores(addressHigh, addressLow, port)) {
                continue;
            }

            ServerOutcome outcome = server.respond(request, addressHigh, addressLow, port, receiveNanos,
                    monotonicNanos, reply);

            if (outcome.replies()) {
                assertThat(reply.position()).isZero();
                assertThat(reply.limit()).isLessThanOrEqualTo(request.limit());
                if (outcome == ServerOutcome.ANSWERED) {
                    NtpServer.stampTransmit(reply, receiveNanos + 1_000);
                }
                server.transmitted(reply, addressHigh, addressLow, receiveNanos + 2_000);
            }
            assertThat(mru.size()).isLessThanOrEqualTo(mru.capacity()).isLessThanOrEqualTo(MRU_MAX_DEPTH);
        }
    }
}
