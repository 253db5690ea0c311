package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PacketCheckTest {
    private static final NtpHeader REQUEST = NtpHeader.clientRequest(4, new NtpTimestamp(0x1234_5678_9abc_def0L));

    private static ByteBuffer encoded(NtpPacket packet) {
        ByteBuffer buf = ByteBuffer.allocate(packet.length() + 100);
        packet.encode(buf);
        return buf;
    }

    @Test
    void bareHeaderIsValid() {
        assertThat(NtpPacket.check(encoded(NtpPacket.of(REQUEST)), 48)).isEqualTo(PacketShape.VALID);
    }

    @Test
    void headerAndDigestIsValidWithMac() {
        NtpPacket packet = new NtpPacket(REQUEST, List.of(), Optional.of(new Mac(1, new byte[20])));

        assertThat(NtpPacket.check(encoded(packet), 72)).isEqualTo(PacketShape.VALID_WITH_MAC);
    }

    @Test
    void headerAndKeyIdIsValidWithCryptoNak() {
        NtpPacket packet = new NtpPacket(REQUEST, List.of(), Optional.of(Mac.cryptoNak()));

        assertThat(NtpPacket.check(encoded(packet), 52)).isEqualTo(PacketShape.VALID_WITH_CRYPTO_NAK);
    }

    @Test
    void extensionFieldsMakeItValidWithExtensions() {
        NtpPacket packet = new NtpPacket(REQUEST, List.of(ExtensionField.padded(0x0104, new byte[32])),
                Optional.of(new Mac(1, new byte[16])));

        assertThat(NtpPacket.check(encoded(packet), packet.length())).isEqualTo(PacketShape.VALID_WITH_EXTENSIONS);
    }

    @Test
    void checksOnlyTheGivenLengthFromIndexZero() {
        ByteBuffer buf = encoded(NtpPacket.of(REQUEST)).position(17);

        assertThat(NtpPacket.check(buf, 47)).isEqualTo(PacketShape.TOO_SHORT);
        assertThat(NtpPacket.check(buf, 48)).isEqualTo(PacketShape.VALID);
        assertThat(NtpPacket.check(buf, 50)).isEqualTo(PacketShape.LENGTH_NOT_MULTIPLE_OF_4);
    }

    @Test
    void controlModeIsReportedBeforeVersionAndLength() {
        ByteBuffer ntpqRequest = ByteBuffer.wrap(new byte[] {0x16, 0x02, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0});

        assertThat(NtpPacket.check(ntpqRequest, 12)).isEqualTo(PacketShape.CONTROL_OR_PRIVATE);
    }

    @Test
    void onlyTimePacketShapesAreValid() {
        assertThat(PacketShape.values()).filteredOn(PacketShape::isValid).containsExactly(PacketShape.VALID,
                PacketShape.VALID_WITH_MAC, PacketShape.VALID_WITH_CRYPTO_NAK, PacketShape.VALID_WITH_EXTENSIONS);
    }

    @Test
    void agreesWithParseOnMutatedDatagrams() {
        Random random = new Random(123);
        RandomPackets packets = new RandomPackets(321);
        ByteBuffer buf = ByteBuffer.allocate(4096);
        for (int i = 0; i < 50_000; i++) {
            NtpPacket packet = packets.packet();
            packet.encode(buf.clear());
            int length = Math.max(0, packet.length() + random.nextInt(9) - 4);
            for (int flips = random.nextInt(4); flips > 0; flips--) {
                buf.put(random.nextInt(length + 1), (byte) random.nextInt(256));
            }

            PacketShape shape = NtpPacket.check(buf, length);
            ParseResult result = NtpPacket.parse(buf.position(0).limit(length));

            assertThat(result instanceof ParseResult.Parsed).isEqualTo(shape.isValid());
            if (result instanceof ParseResult.Malformed(ParseError reason)) {
                assertThat(reason.name()).isEqualTo(
                        shape == PacketShape.CONTROL_OR_PRIVATE ? "CONTROL_OR_PRIVATE_MODE" : shape.name());
            }
            buf.limit(buf.capacity());
        }
    }
}
