package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeResponseTest {
    private static final List<byte[]> EIGHT_COOKIES =
            IntStream.range(0, 8).mapToObj(i -> new byte[] {(byte) i, 1, 2}).toList();

    private static List<KeRecord> records(KeResponse response) {
        return ((KeRecords.Message) KeRecords.decode(response.encode())).records();
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void acceptedSendsProtocolAlgorithmThenCookiesAllCriticalButCookies() {
        List<KeRecord> records = records(new KeResponse.Accepted(15, EIGHT_COOKIES, Optional.empty(), OptionalInt.empty()));

        assertThat(records).hasSize(10);
        assertThat(records.get(0)).isEqualTo(new KeRecord(true, 1, hex("0000")));
        assertThat(records.get(1)).isEqualTo(new KeRecord(true, 4, hex("000f")));
        for (int i = 0; i < 8; i++) {
            assertThat(records.get(2 + i)).isEqualTo(new KeRecord(false, 5, EIGHT_COOKIES.get(i)));
        }
    }

    @Test
    void acceptedNamesNtpServerAndPortBeforeTheCookies() {
        List<KeRecord> records = records(new KeResponse.Accepted(15, EIGHT_COOKIES, Optional.of("ntp.example"),
                OptionalInt.of(1123)));

        assertThat(records.subList(2, 4)).containsExactly(
                new KeRecord(true, 7, hex("0463")),
                new KeRecord(true, 6, "ntp.example".getBytes(StandardCharsets.US_ASCII)));
        assertThat(records).hasSize(12);
    }

    @Test
    void noCommonProtocolSendsEmptyProtocolList() {
        assertThat(new KeResponse.NoCommonProtocol().encode()).isEqualTo(hex("8001000080000000"));
    }

    @Test
    void noCommonAlgorithmSendsNtpv4AndEmptyAlgorithmList() {
        assertThat(new KeResponse.NoCommonAlgorithm().encode()).isEqualTo(hex("80010002000080040000" + "80000000"));
    }

    @Test
    void failedSendsCriticalErrorRecord() {
        assertThat(new KeResponse.Failed(KeError.BAD_REQUEST).encode()).isEqualTo(hex("800200020001" + "80000000"));
    }
}
