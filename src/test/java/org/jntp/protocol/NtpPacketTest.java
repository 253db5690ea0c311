package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NtpPacketTest {
    private static final NtpHeader V4_CLIENT = NtpHeader.clientRequest(4, new NtpTimestamp(0xe93c7f00_80000000L));
    private static final NtpHeader V3_CLIENT = NtpHeader.clientRequest(3, new NtpTimestamp(0xe93c7f00_80000000L));

    private static ByteBuffer datagram(NtpHeader header, int... trailer) {
        ByteBuffer buf = ByteBuffer.allocate(48 + trailer.length);
        header.encode(buf);
        for (int b : trailer) {
            buf.put((byte) b);
        }
        return buf.flip();
    }

    private static int[] extensionField(int type, int length) {
        int[] field = new int[length];
        field[0] = type >>> 8;
        field[1] = type & 0xFF;
        field[2] = length >>> 8;
        field[3] = length & 0xFF;
        return field;
    }

    private static int[] concat(int[]... parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    }

    private static int[] keyIdAndDigest(int keyId, int digestLength) {
        int[] mac = new int[4 + digestLength];
        mac[0] = keyId >>> 24;
        mac[1] = (keyId >>> 16) & 0xFF;
        mac[2] = (keyId >>> 8) & 0xFF;
        mac[3] = keyId & 0xFF;
        Arrays.fill(mac, 4, mac.length, 0xAB);
        return mac;
    }

    private static NtpPacket parsed(ByteBuffer buf) {
        ParseResult result = NtpPacket.parse(buf);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).packet();
    }

    private static ParseError malformed(ByteBuffer buf) {
        ParseResult result = NtpPacket.parse(buf);
        assertThat(result).isInstanceOf(ParseResult.Malformed.class);
        return ((ParseResult.Malformed) result).reason();
    }

    @Test
    void parsesBareHeader() {
        NtpPacket packet = parsed(datagram(V4_CLIENT));

        assertThat(packet).isEqualTo(NtpPacket.of(V4_CLIENT));
    }

    @Test
    void parsesMd5OrAesCmacMacOfTwentyOctets() {
        NtpPacket packet = parsed(datagram(V4_CLIENT, keyIdAndDigest(7, 16)));

        assertThat(packet.extensionFields()).isEmpty();
        assertThat(packet.mac()).hasValueSatisfying(mac -> {
            assertThat(mac.keyId()).isEqualTo(7);
            assertThat(mac.digest()).hasSize(16);
        });
    }

    @Test
    void parsesSha1MacOfTwentyFourOctets() {
        NtpPacket packet = parsed(datagram(V4_CLIENT, keyIdAndDigest(-2, 20)));

        assertThat(packet.mac()).hasValueSatisfying(mac -> {
            assertThat(Integer.toUnsignedLong(mac.keyId())).isEqualTo(0xFFFF_FFFEL);
            assertThat(mac.digest()).hasSize(20);
        });
    }

    @Test
    void parsesFourOctetsAsCryptoNak() {
        NtpPacket packet = parsed(datagram(V4_CLIENT, 0, 0, 0, 0));

        assertThat(packet.mac()).contains(Mac.cryptoNak());
        assertThat(packet.mac().orElseThrow().isCryptoNak()).isTrue();
    }

    @Test
    void parsesExtensionFieldsWithoutMacWhenLastIsAtLeast28Octets() {
        NtpPacket packet = parsed(datagram(V4_CLIENT, concat(extensionField(0x0104, 16), extensionField(0x0204, 28))));

        assertThat(packet.extensionFields()).extracting(ExtensionField::type, ExtensionField::length)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0x0104, 16),
                        org.assertj.core.groups.Tuple.tuple(0x0204, 28));
        assertThat(packet.mac()).isEmpty();
    }

    @Test
    void parsesMacAfterExtensionField() {
        NtpPacket packet = parsed(datagram(V4_CLIENT, concat(extensionField(0x0104, 16), keyIdAndDigest(9, 20))));

        assertThat(packet.extensionFields()).hasSize(1);
        assertThat(packet.mac()).hasValueSatisfying(mac -> assertThat(mac.keyId()).isEqualTo(9));
    }

    @Test
    void readsLoneShortExtensionFieldAsMacAsRfc7822Requires() {
        NtpPacket packet = parsed(datagram(V4_CLIENT, extensionField(0x0104, 20)));

        assertThat(packet.extensionFields()).isEmpty();
        assertThat(packet.mac()).hasValueSatisfying(mac -> assertThat(mac.keyId()).isEqualTo(0x0104_0014));
    }

    @Test
    void treatsEverythingAfterNtpv3HeaderAsMac() {
        NtpPacket packet = parsed(datagram(V3_CLIENT, keyIdAndDigest(5, 32)));

        assertThat(packet.extensionFields()).isEmpty();
        assertThat(packet.mac()).hasValueSatisfying(mac -> assertThat(mac.digest()).hasSize(32));
    }

    @Test
    void parsesEveryVersionFromOneToFour() {
        for (int version = 1; version <= 4; version++) {
            assertThat(parsed(datagram(NtpHeader.clientRequest(version, NtpTimestamp.ZERO))).header().version())
                    .isEqualTo(version);
        }
    }

    @Test
    void rejectsEmptyDatagram() {
        assertThat(malformed(ByteBuffer.allocate(0))).isEqualTo(ParseError.TOO_SHORT);
    }

    @Test
    void rejectsDatagramShorterThanHeader() {
        assertThat(malformed(datagram(V4_CLIENT).limit(47))).isEqualTo(ParseError.TOO_SHORT);
    }

    @Test
    void rejectsVersionZeroAndAboveFour() {
        for (int version : new int[] {0, 5, 6, 7}) {
            ByteBuffer buf = datagram(V4_CLIENT);
            buf.put(0, (byte) ((version << 3) | Mode.CLIENT.code()));

            assertThat(malformed(buf)).isEqualTo(ParseError.UNSUPPORTED_VERSION);
        }
    }

    @Test
    void rejectsControlMessagesWhateverTheirLength() {
        ByteBuffer ntpqReadvar = ByteBuffer.wrap(new byte[] {0x16, 0x02, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0});

        assertThat(malformed(ntpqReadvar)).isEqualTo(ParseError.CONTROL_OR_PRIVATE_MODE);
    }

    @Test
    void rejectsPrivateModeMessages() {
        ByteBuffer ntpdcRequest = ByteBuffer.wrap(new byte[] {0x17, 0x00, 0x03, 0x2a, 0, 0, 0, 0});

        assertThat(malformed(ntpdcRequest)).isEqualTo(ParseError.CONTROL_OR_PRIVATE_MODE);
    }

    @Test
    void rejectsLengthNotMultipleOfFour() {
        assertThat(malformed(datagram(V4_CLIENT, 0, 0))).isEqualTo(ParseError.LENGTH_NOT_MULTIPLE_OF_4);
    }

    @Test
    void rejectsExtensionFieldShorterThanSixteen() {
        int[] tooShort = concat(extensionField(0x0104, 12), new int[16]);

        assertThat(malformed(datagram(V4_CLIENT, tooShort))).isEqualTo(ParseError.BAD_EXTENSION_LENGTH);
    }

    @Test
    void rejectsExtensionFieldLengthNotMultipleOfFour() {
        int[] field = extensionField(0x0104, 32);
        field[3] = 30;

        assertThat(malformed(datagram(V4_CLIENT, field))).isEqualTo(ParseError.BAD_EXTENSION_LENGTH);
    }

    @Test
    void rejectsExtensionFieldRunningPastTheEnd() {
        int[] field = extensionField(0x0104, 32);
        field[3] = 36;

        assertThat(malformed(datagram(V4_CLIENT, field))).isEqualTo(ParseError.TRUNCATED_EXTENSION);
    }

    @Test
    void rejectsTrailersThatAreNeitherMacNorCryptoNak() {
        for (int length : new int[] {8, 12, 16}) {
            assertThat(malformed(datagram(V4_CLIENT, new int[length]))).isEqualTo(ParseError.BAD_MAC_LENGTH);
        }
    }

    @Test
    void rejectsLoneSixteenOctetExtensionFieldWithoutMac() {
        assertThat(malformed(datagram(V4_CLIENT, extensionField(0x0104, 16)))).isEqualTo(ParseError.BAD_MAC_LENGTH);
    }

    @Test
    void parseConsumesTheDatagramWhenParsed() {
        ByteBuffer buf = datagram(V4_CLIENT, keyIdAndDigest(1, 16));

        NtpPacket.parse(buf);

        assertThat(buf.hasRemaining()).isFalse();
    }

    @Test
    void parseLeavesThePositionWhenMalformed() {
        ByteBuffer buf = datagram(V4_CLIENT, 0, 0, 0, 0, 0, 0, 0, 0);

        NtpPacket.parse(buf);

        assertThat(buf.position()).isZero();
    }

    @Test
    void decodeOfEncodeIsIdentityForRandomValidPackets() {
        RandomPackets random = new RandomPackets(7822);
        ByteBuffer buf = ByteBuffer.allocate(2048);
        for (int i = 0; i < 20_000; i++) {
            NtpPacket packet = random.packet();
            packet.encode(buf.clear());

            assertThat(buf.position()).isEqualTo(packet.length());
            assertThat(NtpPacket.parse(buf.flip())).isEqualTo(new ParseResult.Parsed(packet));
        }
    }

    @Test
    void encodeRefusesShortBufferWithoutWriting() {
        NtpPacket packet = new NtpPacket(V4_CLIENT, List.of(), Optional.of(Mac.cryptoNak()));
        ByteBuffer buf = ByteBuffer.allocate(51);

        assertThatExceptionOfType(BufferOverflowException.class).isThrownBy(() -> packet.encode(buf));
        assertThat(buf.position()).isZero();
        assertThat(buf.array()).containsOnly(0);
    }

    @Test
    void refusesExtensionFieldsBeforeVersionFour() {
        ExtensionField field = ExtensionField.padded(0x0104, new byte[24]);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NtpPacket(V3_CLIENT, List.of(field), Optional.empty()));
    }

    @Test
    void refusesLastExtensionFieldThatWouldReadAsMac() {
        ExtensionField field = ExtensionField.padded(0x0104, new byte[20]);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new NtpPacket(V4_CLIENT, List.of(field), Optional.empty()));
    }

    @Test
    void refusesNtpv4MacOfOtherLengths() {
        Mac des = new Mac(1, new byte[8]);

        assertThatIllegalArgumentException().isThrownBy(() -> new NtpPacket(V4_CLIENT, List.of(), Optional.of(des)));
    }

    @Test
    void refusesControlModeAndUnsupportedVersions() {
        NtpHeader control = new NtpHeader(LeapIndicator.NO_WARNING, 2, Mode.CONTROL, 0, 0, 0, NtpShort.ZERO,
                NtpShort.ZERO, ReferenceId.NONE, NtpTimestamp.ZERO, NtpTimestamp.ZERO, NtpTimestamp.ZERO,
                NtpTimestamp.ZERO);
        NtpHeader version5 = new NtpHeader(LeapIndicator.NO_WARNING, 5, Mode.CLIENT, 0, 0, 0, NtpShort.ZERO,
                NtpShort.ZERO, ReferenceId.NONE, NtpTimestamp.ZERO, NtpTimestamp.ZERO, NtpTimestamp.ZERO,
                NtpTimestamp.ZERO);

        assertThatIllegalArgumentException().isThrownBy(() -> NtpPacket.of(control));
        assertThatIllegalArgumentException().isThrownBy(() -> NtpPacket.of(version5));
    }

    @Test
    void lengthCountsHeaderFieldsAndMac() {
        NtpPacket packet = new NtpPacket(V4_CLIENT, List.of(ExtensionField.padded(1, new byte[13])),
                Optional.of(new Mac(1, new byte[20])));

        assertThat(packet.length()).isEqualTo(48 + 20 + 24);
    }
}
