package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class KeNegotiationTest {
    private static KeRequest request(List<Integer> protocols, List<Integer> algorithms) {
        return new KeRequest.Valid(protocols, algorithms, Optional.empty(), OptionalInt.empty());
    }

    @Test
    void agreesOnNtpv4WithAesSivCmac256() {
        assertThat(KeNegotiation.negotiate(request(List.of(0x8000, 0), List.of(30, 15))))
                .isEqualTo(new KeNegotiation.Agreed(15));
    }

    @Test
    void declinesWithoutNtpv4() {
        assertThat(KeNegotiation.negotiate(request(List.of(0x8000), List.of())))
                .isEqualTo(new KeNegotiation.Declined(new KeResponse.NoCommonProtocol()));
    }

    @Test
    void declinesWithoutAesSivCmac256() {
        assertThat(KeNegotiation.negotiate(request(List.of(0), List.of(30))))
                .isEqualTo(new KeNegotiation.Declined(new KeResponse.NoCommonAlgorithm()));
    }

    @Test
    void answersRefusedRequestWithItsError() {
        assertThat(KeNegotiation.negotiate(new KeRequest.Refused(KeError.UNRECOGNIZED_CRITICAL_RECORD)))
                .isEqualTo(new KeNegotiation.Declined(new KeResponse.Failed(KeError.UNRECOGNIZED_CRITICAL_RECORD)));
    }
}
