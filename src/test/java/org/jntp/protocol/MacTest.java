package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MacTest {
    @Test
    void cryptoNakIsKeyIdZeroWithoutDigest() {
        Mac nak = Mac.cryptoNak();

        assertThat(nak.keyId()).isZero();
        assertThat(nak.isCryptoNak()).isTrue();
        assertThat(nak.length()).isEqualTo(4);
    }

    @Test
    void lengthCountsKeyIdAndDigest() {
        assertThat(new Mac(1, new byte[20]).length()).isEqualTo(24);
    }

    @Test
    void rejectsDigestNotMultipleOfFour() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Mac(1, new byte[15]));
    }

    @Test
    void equalsComparesContent() {
        assertThat(new Mac(1, new byte[16])).isEqualTo(new Mac(1, new byte[16]))
                .hasSameHashCodeAs(new Mac(1, new byte[16]))
                .isNotEqualTo(new Mac(2, new byte[16]));
    }

    @Test
    void printsKeyIdUnsigned() {
        assertThat(new Mac(-1, new byte[0]).toString()).contains("keyId=4294967295");
    }
}
