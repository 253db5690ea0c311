package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeRecordsTest {
    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void encodesCriticalBitTypeLengthAndBodyThenEndOfMessage() {
        byte[] message = KeRecords.encode(List.of(KeRecord.ofNumbers(true, KeRecordType.NEXT_PROTOCOL_NEGOTIATION, 0)));

        assertThat(message).isEqualTo(hex("8001 0002 0000  8000 0000"));
    }

    @Test
    void decodesRecordsBeforeEndOfMessage() {
        KeRecords.Decoded decoded = KeRecords.decode(hex("8001 0002 0000  0005 0003 aabbcc  8000 0000"));

        assertThat(decoded).isEqualTo(new KeRecords.Message(List.of(
                new KeRecord(true, 1, hex("0000")), new KeRecord(false, 5, hex("aabbcc")))));
    }

    @Test
    void roundTripsRandomRecords() {
        Random random = new Random(8915);
        for (int round = 0; round < 2000; round++) {
            List<KeRecord> records = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                byte[] body = new byte[random.nextInt(40)];
                random.nextBytes(body);
                records.add(new KeRecord(random.nextBoolean(), 1 + random.nextInt(KeRecord.MAX_TYPE), body));
            }

            assertThat(KeRecords.decode(KeRecords.encode(records))).isEqualTo(new KeRecords.Message(records));
        }
    }

    @Test
    void refusesMessageWithoutEndOfMessage() {
        assertThat(KeRecords.decode(hex("8001 0002 0000"))).isEqualTo(new KeRecords.Malformed());
    }

    @Test
    void refusesOctetsAfterEndOfMessage() {
        assertThat(KeRecords.decode(hex("8000 0000 00"))).isEqualTo(new KeRecords.Malformed());
    }

    @Test
    void refusesEndOfMessageWithBody() {
        assertThat(KeRecords.decode(hex("8000 0002 0000"))).isEqualTo(new KeRecords.Malformed());
    }

    @Test
    void refusesEndOfMessageWithoutCriticalBit() {
        assertThat(KeRecords.decode(hex("0000 0000"))).isEqualTo(new KeRecords.Malformed());
    }

    @Test
    void refusesRecordLongerThanMessage() {
        assertThat(KeRecords.decode(hex("8001 0010 0000 8000 0000"))).isEqualTo(new KeRecords.Malformed());
    }

    @Test
    void refusesEmptyInput() {
        assertThat(KeRecords.decode(new byte[0])).isEqualTo(new KeRecords.Malformed());
    }

    @Test
    void decodesAnyBytesWithoutThrowing() {
        Random random = new Random(5297);
        for (int round = 0; round < 20000; round++) {
            byte[] garbage = new byte[random.nextInt(64)];
            random.nextBytes(garbage);

            assertThat(KeRecords.decode(garbage)).isNotNull();
        }
    }

    @Test
    void scanFindsTheEndOfTheFirstMessage() {
        byte[] stream = hex("8001 0002 0000  8000 0000  8001");

        assertThat(KeRecords.scan(stream, stream.length)).isEqualTo(new KeRecords.Complete(10));
    }

    @Test
    void scanWaitsForARecordCutShort() {
        byte[] stream = hex("8001 0002 0000  8000 0000");

        assertThat(KeRecords.scan(stream, 8)).isEqualTo(new KeRecords.Incomplete());
        assertThat(KeRecords.scan(stream, 3)).isEqualTo(new KeRecords.Incomplete());
    }

    @Test
    void scanWaitsForEndOfMessage() {
        byte[] stream = hex("8001 0002 0000");

        assertThat(KeRecords.scan(stream, stream.length)).isEqualTo(new KeRecords.Incomplete());
    }

    @Test
    void scanFindsEveryEncodedMessageWhole() {
        Random random = new Random(123);
        for (int round = 0; round < 500; round++) {
            byte[] body = new byte[random.nextInt(30)];
            random.nextBytes(body);
            byte[] message = KeRecords.encode(List.of(new KeRecord(random.nextBoolean(), 1 + random.nextInt(100), body)));

            assertThat(KeRecords.scan(message, message.length)).isEqualTo(new KeRecords.Complete(message.length));
            assertThat(KeRecords.scan(message, message.length - 1)).isEqualTo(new KeRecords.Incomplete());
        }
    }
}
