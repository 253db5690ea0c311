package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeResponseReaderTest {
    private static final List<byte[]> EIGHT_COOKIES =
            IntStream.range(0, 8).mapToObj(i -> new byte[] {(byte) i, 1, 2}).toList();
    private static final SessionKeys KEYS = new SessionKeys(15, new byte[32], new byte[32]);
    private static final KeResponder.KeyExporter EXPORTER = aead -> Optional.of(KEYS);

    private static KeResult read(byte[] message) {
        return KeResponseReader.read(message, "ke.example", EXPORTER);
    }

    private static byte[] message(KeRecord... records) {
        return KeRecords.encode(List.of(records));
    }

    private static KeRecord protocols(int... ids) {
        return KeRecord.ofNumbers(true, KeRecordType.NEXT_PROTOCOL_NEGOTIATION, ids);
    }

    private static KeRecord algorithms(int... ids) {
        return KeRecord.ofNumbers(true, KeRecordType.AEAD_ALGORITHM_NEGOTIATION, ids);
    }

    private static KeRecord cookie() {
        return KeRecord.of(false, KeRecordType.NEW_COOKIE_FOR_NTPV4, new byte[] {1, 2, 3});
    }

    @Test
    void theRequestOffersNtpv4WithAesSivCmac256AsChronyDoes() {
        assertThat(KeResponseReader.request()).isEqualTo(HexFormat.of().parseHex("80010002000080040002000f80000000"));
    }

    @Test
    void anAcceptedResponseEstablishesKeysCookiesAndTheKeServerAsNtpServer() {
        KeResult result = read(new KeResponse.Accepted(15, EIGHT_COOKIES, Optional.empty(), OptionalInt.empty())
                .encode());

        assertThat(result).isInstanceOfSatisfying(KeResult.Established.class, established -> {
            assertThat(established.keys()).isEqualTo(KEYS);
            assertThat(established.cookies()).hasSize(8).containsExactlyElementsOf(EIGHT_COOKIES);
            assertThat(established.ntpServer()).isEqualTo("ke.example");
            assertThat(established.ntpPort()).isEqualTo(123);
        });
    }

    @Test
    void theServerAndPortRecordsNameWhereNtpGoes() {
        KeResult result = read(new KeResponse.Accepted(15, EIGHT_COOKIES, Optional.of("ntp.example"),
                OptionalInt.of(1123)).encode());

        assertThat(result).isInstanceOfSatisfying(KeResult.Established.class, established -> {
            assertThat(established.ntpServer()).isEqualTo("ntp.example");
            assertThat(established.ntpPort()).isEqualTo(1123);
        });
    }

    @Test
    void anErrorRecordRefusesWithItsCode() {
        assertThat(read(new KeResponse.Failed(KeError.BAD_REQUEST).encode())).isEqualTo(new KeResult.Refused(1));
    }

    @Test
    void anUnknownErrorCodeIsCarried() {
        assertThat(read(message(KeRecord.ofNumbers(true, KeRecordType.ERROR, 77)))).isEqualTo(new KeResult.Refused(77));
    }

    @Test
    void noCommonProtocolFails() {
        assertThat(read(new KeResponse.NoCommonProtocol().encode())).isInstanceOf(KeResult.Failed.class);
    }

    @Test
    void noCommonAlgorithmFails() {
        assertThat(read(new KeResponse.NoCommonAlgorithm().encode())).isInstanceOf(KeResult.Failed.class);
    }

    @Test
    void anAlgorithmWeDidNotOfferFails() {
        assertThat(read(message(protocols(0), algorithms(16), cookie()))).asString().contains("AES-SIV-CMAC-256");
    }

    @Test
    void aResponseWithoutCookiesFails() {
        assertThat(read(message(protocols(0), algorithms(15)))).isEqualTo(new KeResult.Failed("the server sent no cookie"));
    }

    @Test
    void anUnknownCriticalRecordFails() {
        assertThat(read(message(protocols(0), algorithms(15), cookie(), new KeRecord(true, 0x4000, new byte[0]))))
                .isEqualTo(new KeResult.Failed("unknown critical record type 16384"));
    }

    @Test
    void warningsAndUnknownNonCriticalRecordsAreIgnored() {
        assertThat(read(message(protocols(0), algorithms(15), KeRecord.ofNumbers(false, KeRecordType.WARNING, 5),
                new KeRecord(false, 0x4000, new byte[] {9}), cookie()))).isInstanceOf(KeResult.Established.class);
    }

    @Test
    void aRepeatedProtocolRecordFails() {
        assertThat(read(message(protocols(0), protocols(0), algorithms(15), cookie())))
                .isInstanceOf(KeResult.Failed.class);
    }

    @Test
    void aFailedKeyExportFails() {
        byte[] accepted = new KeResponse.Accepted(15, EIGHT_COOKIES, Optional.empty(), OptionalInt.empty()).encode();
        assertThat(KeResponseReader.read(accepted, "ke.example", aead -> Optional.empty()))
                .isInstanceOf(KeResult.Failed.class);
    }

    @Test
    void aTruncatedResponseFails() {
        byte[] accepted = new KeResponse.Accepted(15, EIGHT_COOKIES, Optional.empty(), OptionalInt.empty()).encode();
        for (int length = 0; length < accepted.length; length++) {
            assertThat(read(Arrays.copyOf(accepted, length))).isInstanceOf(KeResult.Failed.class);
        }
    }

    @Test
    void anyBytesGiveAResultNeverAnException() {
        Random random = new Random(8915);
        byte[] accepted = new KeResponse.Accepted(15, EIGHT_COOKIES, Optional.of("ntp.example"), OptionalInt.of(9))
                .encode();
        for (int i = 0; i < 5_000; i++) {
            byte[] mutated = accepted.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            assertThat(read(mutated)).isNotNull();
        }
    }
}
