package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;

/**
 * Jazzer target for the time packet parser: any datagram parses to a result without throwing, the
 * server's allocation-free check agrees with it, and what parses encodes back to the same octets.
 */
class NtpPacketFuzzTest {

    @FuzzTest
    void parsesAnyDatagramToAPacketThatEncodesBackToIt(byte[] datagram) {
        ByteBuffer buf = ByteBuffer.wrap(datagram);
        PacketShape shape = NtpPacket.check(buf, datagram.length);

        switch (NtpPacket.parse(buf)) {
            case ParseResult.Parsed parsed -> {
                assertThat(shape.name()).startsWith("VALID");
                NtpPacket packet = parsed.packet();
                assertThat(packet.length()).isEqualTo(datagram.length);
                ByteBuffer encoded = ByteBuffer.allocate(packet.length());
                packet.encode(encoded);
                assertThat(encoded.array()).isEqualTo(datagram);
                assertThat(buf.hasRemaining()).isFalse();
            }
            case ParseResult.Malformed malformed -> {
                assertThat(shape.name()).doesNotStartWith("VALID");
                assertThat(buf.position()).isZero();
            }
        }
    }
}
