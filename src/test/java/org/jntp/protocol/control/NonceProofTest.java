package org.jntp.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NonceProofTest {
    private static final String NONCE = "e1f2a3b4c5d6e7f8091a2b3c";

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String rest(Optional<NonceProof> proof) {
        return new String(proof.orElseThrow().rest(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void splitsWhatPrefixPutTogether() {
        Optional<NonceProof> proof = NonceProof.split(NonceProof.prefix(NONCE, ascii("stratum,refid")));

        assertThat(proof.orElseThrow().nonce()).isEqualTo(NONCE);
        assertThat(rest(proof)).isEqualTo("stratum,refid");
    }

    @Test
    void aNonceAloneLeavesNoData() {
        byte[] data = NonceProof.prefix(NONCE, new byte[0]);

        assertThat(new String(data, StandardCharsets.ISO_8859_1)).isEqualTo("nonce=" + NONCE);
        assertThat(rest(NonceProof.split(data))).isEmpty();
    }

    @Test
    void skipsTheWhiteSpaceAfterTheComma() {
        assertThat(rest(NonceProof.split(ascii("nonce=" + NONCE + ",\r\n server 192.0.2.7"))))
                .isEqualTo("server 192.0.2.7");
    }

    @Test
    void findsNoNonceInDataThatDoesNotStartWithOne() {
        assertThat(NonceProof.split(ascii("stratum, nonce=" + NONCE))).isEmpty();
        assertThat(NonceProof.split(ascii("nonces=" + NONCE))).isEmpty();
        assertThat(NonceProof.split(new byte[0])).isEmpty();
    }

    @Test
    void findsNoNonceOfTheWrongLengthOrNotInHex() {
        assertThat(NonceProof.split(ascii("nonce=" + NONCE.substring(1)))).isEmpty();
        assertThat(NonceProof.split(ascii("nonce=" + NONCE + "0"))).isEmpty();
        assertThat(NonceProof.split(ascii("nonce=" + NONCE.replace('e', 'g')))).isEmpty();
    }

    @Test
    void knowsTheLengthOfTheDataWithTheNonceInFront() {
        assertThat(NonceProof.prefixedLength(0)).isEqualTo(NonceProof.prefix(NONCE, new byte[0]).length);
        assertThat(NonceProof.prefixedLength(7)).isEqualTo(NonceProof.prefix(NONCE, ascii("stratum")).length);
    }
}
