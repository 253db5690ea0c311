package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class HeaderViewTest {
    private final RandomPackets random = new RandomPackets(1305);

    private static ByteBuffer encoded(NtpHeader header) {
        ByteBuffer buf = ByteBuffer.allocate(48);
        header.encode(buf);
        return buf.position(0);
    }

    @Test
    void readsEveryFieldAtItsOffset() {
        for (int i = 0; i < 1_000; i++) {
            NtpHeader header = random.anyHeader();
            ByteBuffer buf = encoded(header);

            assertThat(HeaderView.leap(buf)).isEqualTo(header.leap());
            assertThat(HeaderView.version(buf)).isEqualTo(header.version());
            assertThat(HeaderView.mode(buf)).isEqualTo(header.mode());
            assertThat(HeaderView.stratum(buf)).isEqualTo(header.stratum());
            assertThat(HeaderView.poll(buf)).isEqualTo(header.poll());
            assertThat(HeaderView.precision(buf)).isEqualTo(header.precision());
            assertThat(HeaderView.rootDelayBits(buf)).isEqualTo(header.rootDelay().bits());
            assertThat(HeaderView.rootDispersionBits(buf)).isEqualTo(header.rootDispersion().bits());
            assertThat(HeaderView.referenceIdBits(buf)).isEqualTo(header.referenceId().bits());
            assertThat(HeaderView.referenceTimeBits(buf)).isEqualTo(header.referenceTime().bits());
            assertThat(HeaderView.originTimeBits(buf)).isEqualTo(header.originTime().bits());
            assertThat(HeaderView.receiveTimeBits(buf)).isEqualTo(header.receiveTime().bits());
            assertThat(HeaderView.transmitTimeBits(buf)).isEqualTo(header.transmitTime().bits());
        }
    }

    @Test
    void writersProduceWhatEncodeProduces() {
        for (int i = 0; i < 1_000; i++) {
            NtpHeader header = random.anyHeader();
            ByteBuffer buf = ByteBuffer.allocate(48);

            HeaderView.putLeapVersionMode(buf, header.leap(), header.version(), header.mode());
            HeaderView.putStratum(buf, header.stratum());
            HeaderView.putPoll(buf, header.poll());
            HeaderView.putPrecision(buf, header.precision());
            HeaderView.putRootDelayBits(buf, header.rootDelay().bits());
            HeaderView.putRootDispersionBits(buf, header.rootDispersion().bits());
            HeaderView.putReferenceIdBits(buf, header.referenceId().bits());
            HeaderView.putReferenceTimeBits(buf, header.referenceTime().bits());
            HeaderView.putOriginTimeBits(buf, header.originTime().bits());
            HeaderView.putReceiveTimeBits(buf, header.receiveTime().bits());
            HeaderView.putTransmitTimeBits(buf, header.transmitTime().bits());

            assertThat(buf.array()).isEqualTo(encoded(header).array());
        }
    }

    @Test
    void ignoresPositionLimitAndByteOrder() {
        NtpHeader header = random.anyHeader();
        ByteBuffer buf = encoded(header).order(ByteOrder.LITTLE_ENDIAN).position(40).limit(48);

        assertThat(HeaderView.transmitTimeBits(buf)).isEqualTo(header.transmitTime().bits());
        assertThat(HeaderView.rootDelayBits(buf)).isEqualTo(header.rootDelay().bits());
        assertThat(buf.position()).isEqualTo(40);
    }

    @Test
    void rewriteAsKissOfDeathMatchesNtpHeaderKissOfDeath() {
        for (int i = 0; i < 1_000; i++) {
            NtpHeader request = random.header(1 + i % 4, Mode.CLIENT);
            ByteBuffer buf = encoded(request);

            HeaderView.rewriteAsKissOfDeath(buf, KissCode.RATE.referenceId().bits(), 3);

            assertThat(NtpHeader.decode(buf)).isEqualTo(NtpHeader.kissOfDeath(request, KissCode.RATE, 3));
        }
    }
}
