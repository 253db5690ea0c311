package org.jntp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The test vectors of RFC 4493 §4. */
class AesCmacTest {
    private static final byte[] KEY = HexFormat.of().parseHex("2b7e151628aed2a6abf7158809cf4f3c");
    private static final byte[] MESSAGE = HexFormat.of().parseHex("6bc1bee22e409f96e93d7e117393172a"
            + "ae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");

    private static String mac(int length) {
        return HexFormat.of().formatHex(AesCmac.mac(KEY, MESSAGE, 0, length));
    }

    @Test
    void emptyMessage() {
        assertThat(mac(0)).isEqualTo("bb1d6929e95937287fa37d129b756746");
    }

    @Test
    void oneWholeBlock() {
        assertThat(mac(16)).isEqualTo("070a16b46b4d4144f79bdd9dd04a287c");
    }

    @Test
    void twoAndAHalfBlocks() {
        assertThat(mac(40)).isEqualTo("dfa66747de9ae63030ca32611497c827");
    }

    @Test
    void fourWholeBlocks() {
        assertThat(mac(64)).isEqualTo("51f0bebf7e3b9d92fc49741779363cfe");
    }
}
