package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Random;
import org.jntp.protocol.NtpHeader;
import org.junit.jupiter.api.Test;

class NtsFieldScanTest {
    private final NtsTestPackets nts = new NtsTestPackets(7822);

    @Test
    void findsEachFieldOfAClientRequest() {
        ByteBuffer request = nts.request(2).packet();

        assertThat(NtsFieldScan.scan(request, request.limit())).isEqualTo(new NtsFieldScan.Fields(
                NtpHeader.LENGTH + 4, 32, 1, NtpHeader.LENGTH + 40, 104, 1, 2, 208, NtpHeader.LENGTH + 36 + 3 * 108,
                40));
    }

    @Test
    void findsNoNtsFieldInAPlainRequest() {
        ByteBuffer request = NtsTestPackets.headerOnly();

        assertThat(NtsFieldScan.scan(request, request.limit()))
                .isInstanceOfSatisfying(NtsFieldScan.Fields.class, fields -> assertThat(fields.none()).isTrue());
    }

    @Test
    void refusesFieldRunningPastThePacket() {
        ByteBuffer request = nts.request(0).packet();

        assertThat(NtsFieldScan.scan(request, request.limit() - 4)).isInstanceOf(NtsFieldScan.Malformed.class);
    }

    @Test
    void refusesFieldShorterThan16Octets() {
        ByteBuffer request = nts.request(0).packet();
        request.put(NtpHeader.LENGTH + 3, (byte) 12);

        assertThat(NtsFieldScan.scan(request, request.limit())).isInstanceOf(NtsFieldScan.Malformed.class);
    }

    @Test
    void scansAnyOctetsWithoutThrowing() {
        Random garbage = new Random(8915);
        ByteBuffer packet = ByteBuffer.allocate(512);
        for (int round = 0; round < 5000; round++) {
            garbage.nextBytes(packet.array());

            assertThat(NtsFieldScan.scan(packet, NtpHeader.LENGTH + garbage.nextInt(512 - NtpHeader.LENGTH)))
                    .isNotNull();
        }
    }
}
