package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NtpHeaderTest {
    private static final NtpHeader SAMPLE = new NtpHeader(LeapIndicator.ADD_SECOND, 4, Mode.SERVER, 2, 6, -20,
            new NtpShort(0x0000_1234), new NtpShort(0x0001_8000), ReferenceId.ofIpv4(new byte[] {(byte) 192, 0, 2, 4}),
            new NtpTimestamp(0xe93c7f00_00000001L), new NtpTimestamp(0xe93c7f01_00000002L),
            new NtpTimestamp(0xe93c7f02_00000003L), new NtpTimestamp(0xe93c7f03_00000004L));
    private static final String SAMPLE_HEX = "640206ec" + "00001234" + "00018000" + "c0000204"
            + "e93c7f0000000001" + "e93c7f0100000002" + "e93c7f0200000003" + "e93c7f0300000004";

    private static byte[] encode(NtpHeader header, ByteBuffer buf) {
        header.encode(buf);
        return buf.array();
    }

    @Test
    void encodesFieldsAtRfc5905Offsets() {
        assertThat(HexFormat.of().formatHex(encode(SAMPLE, ByteBuffer.allocate(48)))).isEqualTo(SAMPLE_HEX);
    }

    @Test
    void encodingIgnoresBufferByteOrder() {
        ByteBuffer little = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(HexFormat.of().formatHex(encode(SAMPLE, little))).isEqualTo(SAMPLE_HEX);
    }

    @Test
    void decodeIsInverseOfEncode() {
        RandomPackets random = new RandomPackets(48);
        ByteBuffer buf = ByteBuffer.allocate(48);
        for (int i = 0; i < 10_000; i++) {
            NtpHeader header = random.anyHeader();
            header.encode(buf.clear());

            assertThat(NtpHeader.decode(buf.flip())).isEqualTo(header);
        }
    }

    @Test
    void decodeKeepsUnsupportedVersionRaw() {
        byte[] bytes = HexFormat.of().parseHex(SAMPLE_HEX);
        bytes[0] = (byte) ((7 << 3) | 3);

        NtpHeader header = NtpHeader.decode(ByteBuffer.wrap(bytes));

        assertThat(header.version()).isEqualTo(7);
        assertThat(header.mode()).isEqualTo(Mode.CLIENT);
    }

    @Test
    void encodeAndDecodeWorkAtThePositionAndAdvanceIt() {
        ByteBuffer buf = ByteBuffer.allocate(60).position(6);

        SAMPLE.encode(buf);
        assertThat(buf.position()).isEqualTo(54);
        NtpHeader decoded = NtpHeader.decode(buf.position(6));

        assertThat(decoded).isEqualTo(SAMPLE);
        assertThat(buf.position()).isEqualTo(54);
    }

    @Test
    void encodeRefusesShortBufferWithoutWriting() {
        ByteBuffer buf = ByteBuffer.allocate(47);

        assertThatExceptionOfType(BufferOverflowException.class).isThrownBy(() -> SAMPLE.encode(buf));
        assertThat(buf.array()).containsOnly(0);
        assertThat(buf.position()).isZero();
    }

    @Test
    void decodeRefusesShortBufferWithoutMoving() {
        ByteBuffer buf = ByteBuffer.allocate(47);

        assertThatExceptionOfType(BufferUnderflowException.class).isThrownBy(() -> NtpHeader.decode(buf));
        assertThat(buf.position()).isZero();
    }

    @Test
    void rejectsFieldsWiderThanTheirWireWidth() {
        assertThatIllegalArgumentException().isThrownBy(() -> withStratumPollPrecision(256, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> withStratumPollPrecision(0, 128, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> withStratumPollPrecision(0, 0, -129));
    }

    private static NtpHeader withStratumPollPrecision(int stratum, int poll, int precision) {
        return new NtpHeader(LeapIndicator.NO_WARNING, 4, Mode.CLIENT, stratum, poll, precision, NtpShort.ZERO,
                NtpShort.ZERO, ReferenceId.NONE, NtpTimestamp.ZERO, NtpTimestamp.ZERO, NtpTimestamp.ZERO,
                NtpTimestamp.ZERO);
    }

    @Test
    void clientRequestIsZeroExceptVersionModeAndTransmitTime() {
        NtpTimestamp transmit = new NtpTimestamp(0xe93c7f00_80000000L);

        NtpHeader request = NtpHeader.clientRequest(4, transmit);

        String expected = "23" + "00".repeat(39) + "e93c7f0080000000";
        assertThat(HexFormat.of().formatHex(encode(request, ByteBuffer.allocate(48)))).isEqualTo(expected);
    }

    @Test
    void clientRequestRejectsUnsupportedVersion() {
        assertThatIllegalArgumentException().isThrownBy(() -> NtpHeader.clientRequest(5, NtpTimestamp.ZERO));
    }

    @Test
    void kissOfDeathCarriesCodeAtStratumZeroUnsynchronized() {
        NtpHeader kiss = NtpHeader.kissOfDeath(NtpHeader.clientRequest(4, SAMPLE.transmitTime()), KissCode.RATE, 3);

        assertThat(kiss.leap()).isEqualTo(LeapIndicator.UNSYNCHRONIZED);
        assertThat(kiss.mode()).isEqualTo(Mode.SERVER);
        assertThat(kiss.stratum()).isZero();
        assertThat(kiss.isKissOfDeath()).isTrue();
        assertThat(kiss.referenceId().asKissCode()).isEqualTo(KissCode.RATE);
    }

    @Test
    void kissOfDeathEchoesRequestTransmitTimeInAllThreeTimestamps() {
        NtpHeader kiss = NtpHeader.kissOfDeath(SAMPLE, KissCode.RATE, 3);

        assertThat(kiss.originTime()).isEqualTo(SAMPLE.transmitTime());
        assertThat(kiss.receiveTime()).isEqualTo(SAMPLE.transmitTime());
        assertThat(kiss.transmitTime()).isEqualTo(SAMPLE.transmitTime());
    }

    @Test
    void kissOfDeathKeepsRequestVersionAndRaisesPollToMinimum() {
        NtpHeader v3Request = new NtpHeader(LeapIndicator.NO_WARNING, 3, Mode.CLIENT, 0, 1, -6, NtpShort.ZERO,
                NtpShort.ZERO, ReferenceId.NONE, NtpTimestamp.ZERO, NtpTimestamp.ZERO, NtpTimestamp.ZERO,
                NtpTimestamp.ZERO);

        NtpHeader kiss = NtpHeader.kissOfDeath(v3Request, KissCode.RATE, 4);

        assertThat(kiss.version()).isEqualTo(3);
        assertThat(kiss.poll()).isEqualTo(4);
        assertThat(NtpHeader.kissOfDeath(SAMPLE, KissCode.RATE, 4).poll()).isEqualTo(6);
    }
}
