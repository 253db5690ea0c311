package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongFixedTest {

    private static String millis(String text) {
        return LongFixed.millis(LongFixed.fromMillis(text).orElseThrow(), 3);
    }

    @Test
    void printsMillisecondsWithThreeDecimals() {
        assertThat(millis("0.042173")).isEqualTo("0.042");
        assertThat(millis("187.526867")).isEqualTo("187.527");
        assertThat(millis("0")).isEqualTo("0.000");
    }

    @Test
    void keepsTheMinusSignOfValuesThatRoundToZero() {
        assertThat(millis("-0.013791")).isEqualTo("-0.014");
        assertThat(millis("-0.0001")).isEqualTo("-0.000");
    }

    @Test
    void roundsTheBinaryFractionNotTheDecimalText() {
        assertThat(millis("0.0015")).isEqualTo("0.001");
    }

    @Test
    void refusesWhatIsNoNumber() {
        assertThat(LongFixed.fromMillis("0v]")).isEmpty();
        assertThat(LongFixed.fromMillis("")).isEmpty();
    }

    @Test
    void readsHexTimestampsWithOrWithoutThePrefix() {
        assertThat(LongFixed.fromTimestamp("0xeeb2acdc.d8b29b8f")).hasValue(0xeeb2acdcd8b29b8fL);
        assertThat(LongFixed.fromTimestamp("eeb2acdc.d8b29b8f")).hasValue(0xeeb2acdcd8b29b8fL);
    }

    @Test
    void readsDecimalTimestampsAsSeconds() {
        assertThat(LongFixed.fromTimestamp("2.5")).hasValue(0x2_8000_0000L);
    }
}
