package org.jntp.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jntp.protocol.LeapIndicator;
import org.junit.jupiter.api.Test;

class ControlResponsesTest {
    private static final ControlHeader REQUEST =
            new ControlHeader(LeapIndicator.UNSYNCHRONIZED, 2, false, false, false, 2, 77, 0, 4711, 0, 0);

    private static ControlHeader header(byte[] datagram) {
        return ControlHeader.read(ByteBuffer.wrap(datagram), 0);
    }

    private static byte[] payload(int length, long seed) {
        byte[] payload = new byte[length];
        new Random(seed).nextBytes(payload);
        return payload;
    }

    @Test
    void sends468OctetsInOneFragment() {
        List<byte[]> datagrams = ControlResponses.binary(REQUEST, LeapIndicator.NO_WARNING, 0, payload(468, 1));

        assertThat(datagrams).hasSize(1);
        assertThat(datagrams.getFirst()).hasSize(480);
        assertThat(header(datagrams.getFirst()).more()).isFalse();
    }

    @Test
    void splits469OctetsInto468AndOne() {
        List<byte[]> datagrams = ControlResponses.binary(REQUEST, LeapIndicator.NO_WARNING, 0, payload(469, 2));

        assertThat(datagrams).hasSize(2);
        assertThat(header(datagrams.get(0))).satisfies(h -> {
            assertThat(h.offset()).isZero();
            assertThat(h.count()).isEqualTo(468);
            assertThat(h.more()).isTrue();
        });
        assertThat(header(datagrams.get(1))).satisfies(h -> {
            assertThat(h.offset()).isEqualTo(468);
            assertThat(h.count()).isEqualTo(1);
            assertThat(h.more()).isFalse();
        });
    }

    @Test
    void padsEachDatagramWithZerosToAMultipleOf4() {
        List<byte[]> datagrams = ControlResponses.binary(REQUEST, LeapIndicator.NO_WARNING, 0, new byte[] {1, 2, 3, 4, 5});

        assertThat(datagrams.getFirst()).hasSize(20);
        assertThat(datagrams.getFirst()).endsWith(5, 0, 0, 0);
        assertThat(header(datagrams.getFirst()).count()).isEqualTo(5);
    }

    @Test
    void sendsAnEmptyResponseAsOneDatagramWithoutData() {
        List<byte[]> datagrams = ControlResponses.binary(REQUEST, LeapIndicator.NO_WARNING, 0x0615, new byte[0]);

        assertThat(datagrams).hasSize(1);
        assertThat(datagrams.getFirst()).hasSize(ControlHeader.LENGTH);
        assertThat(header(datagrams.getFirst()).status()).isEqualTo(0x0615);
    }

    @Test
    void echoesVersionOpcodeSequenceAndAssociationWithTheSystemLeap() {
        ControlHeader reply = header(ControlResponses.binary(REQUEST, LeapIndicator.ADD_SECOND, 0x4615, new byte[4]).getFirst());

        assertThat(reply).isEqualTo(new ControlHeader(LeapIndicator.ADD_SECOND, 2, true, false, false, 2, 77,
                0x4615, 4711, 0, 4));
    }

    @Test
    void endsTextWithALineBreakWhenItFits() {
        byte[] datagram = ControlResponses.text(REQUEST, LeapIndicator.NO_WARNING, 0, "leap=0").getFirst();

        assertThat(header(datagram).count()).isEqualTo(8);
        assertThat(new String(datagram, 12, 8, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("leap=0\r\n");
    }

    @Test
    void leavesTheLineBreakOutWhenTheLastFragmentHasNoRoom() {
        List<byte[]> datagrams = ControlResponses.text(REQUEST, LeapIndicator.NO_WARNING, 0, "x".repeat(466));

        assertThat(datagrams).hasSize(1);
        assertThat(header(datagrams.getFirst()).count()).isEqualTo(466);
    }

    @Test
    void sendsNoLineBreakForEmptyText() {
        assertThat(header(ControlResponses.text(REQUEST, LeapIndicator.NO_WARNING, 0, "").getFirst()).count()).isZero();
    }

    @Test
    void writesAnErrorResponseWithTheCodeInTheStatusHighOctet() {
        byte[] datagram = ControlResponses.error(REQUEST, LeapIndicator.UNSYNCHRONIZED, ControlError.BADASSOC);

        assertThat(datagram).hasSize(12);
        ControlHeader reply = header(datagram);
        assertThat(reply.response()).isTrue();
        assertThat(reply.error()).isTrue();
        assertThat(reply.errorCode()).isEqualTo(ControlError.BADASSOC.code());
        assertThat(reply.count()).isZero();
    }

    @Test
    void reassemblesWhatItSplitsInAnyOrder() {
        Random random = new Random(468);
        for (int round = 0; round < 300; round++) {
            byte[] payload = payload(random.nextInt(468 * 6), round);
            List<byte[]> datagrams = new ArrayList<>(
                    ControlResponses.binary(REQUEST, LeapIndicator.NO_WARNING, 0x0615, payload));
            Collections.shuffle(datagrams, random);
            FragmentAssembler assembler = new FragmentAssembler(77, 2, 65_536);

            Assembly last = null;
            for (byte[] datagram : datagrams) {
                last = assembler.offer(Vectors.fragment(datagram));
            }

            assertThat(last).isInstanceOfSatisfying(Assembly.Complete.class, complete -> {
                assertThat(complete.payload()).isEqualTo(payload);
                assertThat(complete.status()).isEqualTo(0x0615);
            });
        }
    }
}
