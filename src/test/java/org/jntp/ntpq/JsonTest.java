package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void aQuotedValueIsAStringWithoutItsQuotes() {
        assertThat(Json.value("\"ntpd 4.2.8p15\"")).isEqualTo("ntpd 4.2.8p15");
    }

    @Test
    void decimalValuesStayNumbersAsSent() {
        assertThat(Json.write(Json.value("-0.017"))).isEqualTo("-0.017");
        assertThat(Json.write(Json.value("0.000000"))).isEqualTo("0.000000");
        assertThat(Json.write(Json.value("+12.5"))).isEqualTo("12.5");
    }

    @Test
    void aHexIntegerIsItsNumber() {
        assertThat(Json.write(Json.value("0xff"))).isEqualTo("255");
    }

    @Test
    void timestampsAndAddressesStayStrings() {
        assertThat(Json.value("0xeeb2b354.b56f0097")).isEqualTo("0xeeb2b354.b56f0097");
        assertThat(Json.value("192.0.2.4:123")).isEqualTo("192.0.2.4:123");
        assertThat(Json.value("007")).isEqualTo("007");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.write("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    void writesObjectsAndArraysInOrderWithNull() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("when", null);
        object.put("list", Arrays.asList(Json.Number.of(1), "x", true));

        assertThat(Json.write(List.of(object))).isEqualTo("[{\"when\": null, \"list\": [1, \"x\", true]}]");
    }

    @Test
    void refusesANumberThatJsonCannotCarry() {
        assertThatThrownBy(() -> new Json.Number("0x1f")).isInstanceOf(IllegalArgumentException.class);
    }
}
