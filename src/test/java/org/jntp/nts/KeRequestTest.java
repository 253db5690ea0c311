package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeRequestTest {
    private static final KeRequest BAD_REQUEST = new KeRequest.Refused(KeError.BAD_REQUEST);

    private static KeRequest parse(String hex) {
        return KeRequest.parse(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    @Test
    void readsTheRequestChronySends() {
        assertThat(parse("8001 0002 0000  8004 0004 001e 000f  8000 0000")).isEqualTo(
                new KeRequest.Valid(List.of(0), List.of(30, 15), Optional.empty(), OptionalInt.empty()));
    }

    @Test
    void readsServerAndPortPreferences() {
        assertThat(parse("8001 0002 0000  0004 0002 000f  0006 0009 3132372e302e302e31  0007 0002 1234  8000 0000"))
                .isEqualTo(new KeRequest.Valid(List.of(0), List.of(15), Optional.of("127.0.0.1"), OptionalInt.of(0x1234)));
    }

    @Test
    void roundTripsRandomValidRequests() {
        Random random = new Random(4460);
        for (int round = 0; round < 2000; round++) {
            KeRequest.Valid request = randomValidRequest(random);

            assertThat(KeRequest.parse(request.encode())).isEqualTo(request);
        }
    }

    @Test
    void readsAnyBytesWithoutThrowing() {
        Random random = new Random(8915);
        for (int round = 0; round < 20000; round++) {
            byte[] garbage = new byte[random.nextInt(48)];
            random.nextBytes(garbage);

            assertThat(KeRequest.parse(garbage)).isNotNull();
        }
    }

    @Test
    void readsDamagedRequestsWithoutThrowing() {
        Random random = new Random(5297);
        for (int round = 0; round < 20000; round++) {
            byte[] message = randomValidRequest(random).encode();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                message[random.nextInt(message.length)] ^= (byte) (1 << random.nextInt(8));
            }

            assertThat(KeRequest.parse(message)).isNotNull();
        }
    }

    @Test
    void refusesMalformedMessageAsBadRequest() {
        assertThat(parse("8001 0002 0000")).isEqualTo(BAD_REQUEST);
    }

    @Test
    void refusesRequestWithoutNextProtocol() {
        assertThat(parse("8004 0002 000f  8000 0000")).isEqualTo(BAD_REQUEST);
    }

    @Test
    void refusesNextProtocolWithoutCriticalBit() {
        assertThat(parse("0001 0002 0000  8004 0002 000f  8000 0000")).isEqualTo(BAD_REQUEST);
    }

    @Test
    void refusesTwoNextProtocolRecords() {
        assertThat(parse("8001 0002 0000  8001 0002 0000  8004 0002 000f  8000 0000")).isEqualTo(BAD_REQUEST);
    }

    @Test
    void refusesEmptyNextProtocolList() {
        assertThat(parse("8001 0000  8004 0002 000f  8000 0000")).isEqualTo(BAD_REQUEST);
    }

    @Test
    void refusesOddLengthAlgorithmList() {
        assertThat(parse("8001 0002 0000  8004 0003 000f00  8000 0000")).isEqualTo(BAD_REQUEST);
    }

    @Test
    void refusesTwoAlgorithmRecords() {
        assertThat(parse("8001 0002 0000  8004 0002 000f  8004 0002 000f  8000 0000")).isEqualTo(BAD_REQUEST);
    }

    @Test
    void refusesNtpv4WithoutAlgorithms() {
        assertThat(parse("8001 0002 0000  8000 0000")).isEqualTo(BAD_REQUEST);
    }

    @Test
    void acceptsAnotherProtocolWithoutAlgorithms() {
        assertThat(parse("8001 0002 8000  8000 0000")).isEqualTo(
                new KeRequest.Valid(List.of(0x8000), List.of(), Optional.empty(), OptionalInt.empty()));
    }

    @Test
    void refusesErrorRecordFromClient() {
        assertThat(parse("8001 0002 0000  8004 0002 000f  8002 0002 0001  8000 0000")).isEqualTo(BAD_REQUEST);
    }

    @Test
    void refusesWarningRecordFromClient() {
        assertThat(parse("8001 0002 0000  8004 0002 000f  8003 0002 0001  8000 0000")).isEqualTo(BAD_REQUEST);
    }

    @Test
    void refusesNewCookieRecordFromClient() {
        assertThat(parse("8001 0002 0000  8004 0002 000f  0005 0002 abcd  8000 0000")).isEqualTo(BAD_REQUEST);
    }

    @Test
    void refusesPortThatIsNotTwoOctets() {
        assertThat(parse("8001 0002 0000  8004 0002 000f  0007 0003 007b00  8000 0000")).isEqualTo(BAD_REQUEST);
    }

    @Test
    void refusesServerNameThatIsNotPrintableAscii() {
        assertThat(parse("8001 0002 0000  8004 0002 000f  0006 0002 41ff  8000 0000")).isEqualTo(BAD_REQUEST);
    }

    @Test
    void refusesUnknownCriticalRecordAsUnrecognized() {
        assertThat(parse("8001 0002 0000  8004 0002 000f  c000 0001 00  8000 0000"))
                .isEqualTo(new KeRequest.Refused(KeError.UNRECOGNIZED_CRITICAL_RECORD));
    }

    @Test
    void ignoresUnknownRecordWithoutCriticalBit() {
        assertThat(parse("8001 0002 0000  4000 0001 00  8004 0002 000f  8000 0000")).isEqualTo(
                new KeRequest.Valid(List.of(0), List.of(15), Optional.empty(), OptionalInt.empty()));
    }

    @Test
    void answersTheFirstFaultInRecordOrder() {
        assertThat(parse("8001 0002 0000  c000 0000  8002 0002 0001  8004 0002 000f  8000 0000"))
                .isEqualTo(new KeRequest.Refused(KeError.UNRECOGNIZED_CRITICAL_RECORD));
    }

    private static KeRequest.Valid randomValidRequest(Random random) {
        List<Integer> protocols = randomNumbers(random);
        List<Integer> algorithms = protocols.contains(KeNegotiation.NTPV4) || random.nextBoolean()
                ? randomNumbers(random) : List.of();
        Optional<String> server = random.nextBoolean() ? Optional.of(randomName(random)) : Optional.empty();
        OptionalInt port = random.nextBoolean() ? OptionalInt.of(random.nextInt(0x10000)) : OptionalInt.empty();
        return new KeRequest.Valid(protocols, algorithms, server, port);
    }

    private static List<Integer> randomNumbers(Random random) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            numbers.add(random.nextBoolean() ? random.nextInt(20) : random.nextInt(0x10000));
        }
        return numbers;
    }

    private static String randomName(Random random) {
        StringBuilder name = new StringBuilder();
        for (int i = 1 + random.nextInt(30); i > 0; i--) {
            name.append((char) (0x21 + random.nextInt(0x7e - 0x21 + 1)));
        }
        return name.toString();
    }
}
