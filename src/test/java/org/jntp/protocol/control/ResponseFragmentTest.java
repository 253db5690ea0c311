package org.jntp.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResponseFragmentTest {
    private static FragmentParse parse(String hex) {
        return ResponseFragment.parse(ByteBuffer.wrap(HexFormat.of().parseHex(hex.replace(" ", ""))));
    }

    private static FragmentParse.Malformed malformed(FragmentError reason) {
        return new FragmentParse.Malformed(reason);
    }

    @Test
    void readsNtpsecsReplyToReadstat() {
        ResponseFragment fragment = Vectors.fragment("ntpq-as.reply1");

        assertThat(fragment.header().response()).isTrue();
        assertThat(fragment.header().status()).isEqualTo(0xc016);
        assertThat(fragment.data()).containsExactly(0x45, 0x67, 0xb6, 0x1a);
    }

    @Test
    void rejectsDatagramsShorterThanTheHeader() {
        assertThat(parse("d6810001 c0160000 0000")).isEqualTo(malformed(FragmentError.TOO_SHORT));
    }

    @Test
    void rejectsOtherModes() {
        assertThat(parse("d4810001 c0160000 00000000")).isEqualTo(malformed(FragmentError.NOT_CONTROL_MODE));
    }

    @Test
    void rejectsRequests() {
        assertThat(parse("d6010001 c0160000 00000000")).isEqualTo(malformed(FragmentError.NOT_A_RESPONSE));
    }

    @Test
    void rejectsUnsupportedVersions() {
        assertThat(parse("c6810001 c0160000 00000000")).isEqualTo(malformed(FragmentError.UNSUPPORTED_VERSION));
        assertThat(parse("ee810001 c0160000 00000000")).isEqualTo(malformed(FragmentError.UNSUPPORTED_VERSION));
    }

    @Test
    void rejectsACountBeyondTheData() {
        assertThat(parse("d6810001 c0160000 00000008 4567b61a")).isEqualTo(malformed(FragmentError.COUNT_EXCEEDS_DATA));
    }

    @Test
    void rejectsMissingPadding() {
        assertThat(parse("d6820001 c0160000 00000002 3d33")).isEqualTo(malformed(FragmentError.NOT_PADDED));
    }

    @Test
    void neverThrowsOnRandomDatagrams() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] datagram = new byte[random.nextInt(64)];
            random.nextBytes(datagram);
            if (datagram.length > 1) {
                datagram[0] = (byte) ((datagram[0] & 0xF8) | 6);
                datagram[1] |= (byte) 0x80;
            }
            assertThat(ResponseFragment.parse(ByteBuffer.wrap(datagram))).isNotNull();
        }
    }
}
