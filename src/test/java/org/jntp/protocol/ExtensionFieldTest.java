package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ExtensionFieldTest {
    @Test
    void paddedZeroFillsToMultipleOfFour() {
        ExtensionField field = ExtensionField.padded(0x0104, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});

        assertThat(field.length()).isEqualTo(20);
        assertThat(field.value()).endsWith(13, 0, 0, 0);
    }

    @Test
    void paddedFillsUpToMinimumLength() {
        assertThat(ExtensionField.padded(0x0104, new byte[1]).length()).isEqualTo(16);
    }

    @Test
    void rejectsLengthsRfc7822Forbids() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ExtensionField(1, new byte[8]));
        assertThatIllegalArgumentException().isThrownBy(() -> new ExtensionField(1, new byte[13]));
        assertThatIllegalArgumentException().isThrownBy(() -> new ExtensionField(1, new byte[0xFFFC]));
        assertThatIllegalArgumentException().isThrownBy(() -> new ExtensionField(0x10000, new byte[12]));
    }

    @Test
    void equalsComparesContent() {
        assertThat(new ExtensionField(1, new byte[12])).isEqualTo(new ExtensionField(1, new byte[12]))
                .hasSameHashCodeAs(new ExtensionField(1, new byte[12]))
                .isNotEqualTo(new ExtensionField(2, new byte[12]));
    }

    @Test
    void valueCannotBeChangedFromOutside() {
        byte[] value = new byte[12];
        ExtensionField field = new ExtensionField(1, value);

        value[0] = 1;
        field.value()[1] = 1;

        assertThat(field.value()).containsOnly(0);
    }
}
