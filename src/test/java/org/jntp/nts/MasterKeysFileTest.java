package org.jntp.nts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MasterKeysFileTest {
    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void roundTripsRingsWithAndWithoutPreviousKey() {
        Random random = new Random(8915);
        for (int round = 0; round < 200; round++) {
            MasterKeyRing ring = MasterKeyRing.create(random.nextLong(0, 4_000_000_000L), random);
            if (random.nextBoolean()) {
                ring = ring.rotate(ring.rotatedAtSeconds() + 86_400, random);
            }

            assertThat(MasterKeysFile.parse(MasterKeysFile.format(ring))).isEqualTo(new MasterKeysFile.Loaded(ring));
        }
    }

    @Test
    void readsCommentsBlankLinesAndUpperCaseHex() {
        String text = "# keys\n\nrotated 1764000000\ncurrent 0A0B0C0D " + KEY.toUpperCase() + "\n";

        assertThat(MasterKeysFile.parse(text)).isEqualTo(new MasterKeysFile.Loaded(new MasterKeyRing(
                new MasterKey(0x0a0b0c0d, HexFormat.of().parseHex(KEY)), Optional.empty(), 1_764_000_000)));
    }

    @Test
    void refusesFileWithoutCurrentKey() {
        assertThat(MasterKeysFile.parse("rotated 1764000000\n"))
                .isEqualTo(new MasterKeysFile.Invalid(0, "a \"rotated\" and a \"current\" line are required"));
    }

    @Test
    void refusesShortKeyNamingItsLine() {
        assertThat(MasterKeysFile.parse("rotated 1\ncurrent 0a0b0c0d 0011\n"))
                .isInstanceOfSatisfying(MasterKeysFile.Invalid.class, invalid -> assertThat(invalid.line()).isEqualTo(2));
    }

    @Test
    void refusesTwoCurrentKeys() {
        String text = "rotated 1\ncurrent 0a0b0c0d " + KEY + "\ncurrent 0a0b0c0e " + KEY + "\n";

        assertThat(MasterKeysFile.parse(text))
                .isInstanceOfSatisfying(MasterKeysFile.Invalid.class, invalid -> assertThat(invalid.line()).isEqualTo(3));
    }

    @Test
    void refusesPreviousKeyWithTheCurrentId() {
        String text = "rotated 1\ncurrent 0a0b0c0d " + KEY + "\nprevious 0a0b0c0d " + KEY + "\n";

        assertThat(MasterKeysFile.parse(text)).isInstanceOf(MasterKeysFile.Invalid.class);
    }

    @Test
    void refusesUnknownItem() {
        assertThat(MasterKeysFile.parse("rotated 1\ncurrent 0a0b0c0d " + KEY + "\nnext x\n"))
                .isEqualTo(new MasterKeysFile.Invalid(3, "unknown item \"next\""));
    }
}
