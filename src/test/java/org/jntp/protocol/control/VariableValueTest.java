package org.jntp.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.jntp.protocol.ReferenceId;
import org.junit.jupiter.api.Test;

class VariableValueTest {

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void writesMillisecondsWith3DecimalsRoundedAsC() {
        assertThat(Fixed.millis(0.000042173).text()).isEqualTo("0.042");
        assertThat(new VariableValue.Fixed(0.125, 2).text()).isEqualTo("0.12");
        assertThat(new VariableValue.Fixed(0.375, 2).text()).isEqualTo("0.38");
        assertThat(new VariableValue.Fixed(1.0005, 3).text()).isEqualTo("1.000");
        assertThat(Fixed.millis(437.558).text()).isEqualTo("437558.000");
    }

    @Test
    void keepsTheSignOfNegativeValuesRoundedToZero() {
        assertThat(new VariableValue.Fixed(-0.0001, 3).text()).isEqualTo("-0.000");
        assertThat(new VariableValue.Fixed(-0.0, 3).text()).isEqualTo("-0.000");
        assertThat(Fixed.millis(-0.0123456).text()).isEqualTo("-12.346");
    }

    @Test
    void writesTheSystemOffsetWith6Decimals() {
        assertThat(Fixed.millisFine(0.000000119).text()).isEqualTo("0.000119");
        assertThat(Fixed.millisFine(0).text()).isEqualTo("0.000000");
    }

    @Test
    void writesTheFrequencyInPpm() {
        assertThat(Fixed.ppm(-1.2345e-5).text()).isEqualTo("-12.345");
    }

    @Test
    void writesKernelValuesAsPercentG() {
        assertThat(new VariableValue.General(0).text()).isEqualTo("0");
        assertThat(new VariableValue.General(500).text()).isEqualTo("500");
        assertThat(new VariableValue.General(1e-6).text()).isEqualTo("1e-06");
        assertThat(new VariableValue.General(0.0001).text()).isEqualTo("0.0001");
        assertThat(new VariableValue.General(123456789).text()).isEqualTo("1.23457e+08");
        assertThat(new VariableValue.General(-2.5).text()).isEqualTo("-2.5");
        assertThat(new VariableValue.General(999999.5).text()).isEqualTo("1e+06");
    }

    @Test
    void writesIntegersInDecimalAndHex() {
        assertThat(new VariableValue.Unsigned(0xFFFF_FFFFL).text()).isEqualTo("4294967295");
        assertThat(new VariableValue.Signed(-23).text()).isEqualTo("-23");
        assertThat(new VariableValue.Hex(0xff).text()).isEqualTo("0xff");
        assertThat(new VariableValue.Hex(0).text()).isEqualTo("0x0");
    }

    @Test
    void writesTimestampsAsZeroPaddedHex() {
        assertThat(new VariableValue.Timestamp(0xeeb2acdad9574cb0L).text()).isEqualTo("0xeeb2acda.d9574cb0");
        assertThat(new VariableValue.Timestamp(0x0000_0001_0000_0002L).text()).isEqualTo("0x00000001.00000002");
    }

    @Test
    void quotesTextAndLeavesWordsBare() {
        assertThat(new Variable("version", new VariableValue.Text("ntpd 4.2.8")).item()).isEqualTo("version=\"ntpd 4.2.8\"");
        assertThat(new Variable("srchost", new VariableValue.Text("")).item()).isEqualTo("srchost=\"\"");
        assertThat(new Variable("x", new VariableValue.Word("")).item()).isEqualTo("x=");
    }

    @Test
    void writesAReferenceIdAsTextAtStrata0And1And16() {
        assertThat(new VariableValue.RefId(ReferenceId.ofAscii("GPS"), 1).text()).isEqualTo("GPS");
        assertThat(new VariableValue.RefId(ReferenceId.ofAscii("INIT"), 16).text()).isEqualTo("INIT");
        assertThat(new VariableValue.RefId(ReferenceId.ofAscii("RATE"), 0).text()).isEqualTo("RATE");
    }

    @Test
    void replacesUnprintableSpaceAndCommaInATextReferenceId() {
        assertThat(new VariableValue.RefId(new ReferenceId(0x41_2C_20_07), 1).text()).isEqualTo("A...");
    }

    @Test
    void writesAReferenceIdAsADottedQuadAtStrata2To15() {
        assertThat(new VariableValue.RefId(new ReferenceId(0xC000_0204), 9).text()).isEqualTo("192.0.2.4");
        assertThat(new VariableValue.RefId(ReferenceId.ofAscii("LOCL"), 2).text()).isEqualTo("76.79.67.76");
    }

    @Test
    void writesAddressesAsInetNtop() {
        assertThat(new VariableValue.Address(address("192.0.2.4")).text()).isEqualTo("192.0.2.4");
        assertThat(new VariableValue.Address(address("2001:db8:0:0:0:0:0:4")).text()).isEqualTo("2001:db8::4");
        assertThat(new VariableValue.Address(address("::1")).text()).isEqualTo("::1");
        assertThat(new VariableValue.Address(address("2001:db8:0:1:0:0:1:0")).text()).isEqualTo("2001:db8:0:1::1:0");
        assertThat(new VariableValue.Address(address("2001:0:0:1:0:0:0:1")).text()).isEqualTo("2001:0:0:1::1");
        assertThat(new VariableValue.Address(address("::")).text()).isEqualTo("::");
    }

    @Test
    void writesTheClockFilterInMillisecondsWith2Decimals() {
        assertThat(new VariableValue.FilterArray(List.of(0.00004, 0.000051, 16.0)).text())
                .isEqualTo(" 0.04 0.05 16000.00");
    }

    private static final class Fixed {
        static VariableValue.Fixed millis(double seconds) {
            return VariableValue.Fixed.millis(seconds);
        }

        static VariableValue.Fixed millisFine(double seconds) {
            return VariableValue.Fixed.millisFine(seconds);
        }

        static VariableValue.Fixed ppm(double rate) {
            return VariableValue.Fixed.ppm(rate);
        }
    }
}
