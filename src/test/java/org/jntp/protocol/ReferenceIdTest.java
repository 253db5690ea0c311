package org.jntp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ReferenceIdTest {
    @Test
    void ipv4IdentifierIsTheAddress() {
        assertThat(ReferenceId.ofIpv4(new byte[] {(byte) 192, 0, 2, 4}).bits()).isEqualTo(0xC000_0204);
    }

    @Test
    void ipv6IdentifierIsFirstFourOctetsOfMd5OfAddress() throws UnknownHostException {
        byte[] loopback = InetAddress.getByName("::1").getAddress();
        byte[] documentation = InetAddress.getByName("2001:db8::1").getAddress();

        assertThat(ReferenceId.ofIpv6(loopback).bits()).isEqualTo(0xcf40_4dc8);
        assertThat(ReferenceId.ofIpv6(documentation).bits()).isEqualTo(0x39ab_9b37);
    }

    @Test
    void ofAddressPicksTheFamily() throws UnknownHostException {
        assertThat(ReferenceId.ofAddress(InetAddress.getByName("127.0.0.1")).bits()).isEqualTo(0x7F00_0001);
        assertThat(ReferenceId.ofAddress(InetAddress.getByName("::1")).bits()).isEqualTo(0xcf40_4dc8);
    }

    @Test
    void rejectsAddressesOfWrongLength() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReferenceId.ofIpv4(new byte[16]));
        assertThatIllegalArgumentException().isThrownBy(() -> ReferenceId.ofIpv6(new byte[4]));
    }

    @Test
    void asciiIsLeftJustifiedAndZeroPadded() {
        assertThat(ReferenceId.ofAscii("GPS").bits()).isEqualTo(0x4750_5300);
        assertThat(ReferenceId.ofAscii("LOCL").bits()).isEqualTo(0x4C4F_434C);
    }

    @Test
    void rejectsAsciiLongerThanFourOrUnprintable() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReferenceId.ofAscii("GOOGLE"));
        assertThatIllegalArgumentException().isThrownBy(() -> ReferenceId.ofAscii("\u00e9"));
        assertThatIllegalArgumentException().isThrownBy(() -> ReferenceId.ofAscii("A\0"));
    }

    @Test
    void displaysTextBetweenDotsAtStratumZeroAndOne() {
        assertThat(ReferenceId.ofAscii("GPS").display(1)).isEqualTo(".GPS.");
        assertThat(KissCode.RATE.referenceId().display(0)).isEqualTo(".RATE.");
    }

    @Test
    void displaysTextAtUnsynchronizedStratum() {
        assertThat(KissCode.INIT.referenceId().display(16)).isEqualTo(".INIT.");
    }

    @Test
    void displaysDottedQuadFromStratumTwo() {
        assertThat(new ReferenceId(0x7F7F_0101).display(8)).isEqualTo("127.127.1.1");
        assertThat(ReferenceId.ofAscii("LOCL").display(2)).isEqualTo("76.79.67.76");
    }

    @Test
    void displaysUnprintableTextOctetsAsDots() {
        assertThat(new ReferenceId(0x4101_4200).display(1)).isEqualTo(".A.B.");
    }

    @Test
    void toStringGuessesTextForPrintableOctets() {
        assertThat(ReferenceId.ofAscii("LOCL")).hasToString(".LOCL.");
        assertThat(ReferenceId.ofAscii("GPS")).hasToString(".GPS.");
    }

    @Test
    void toStringShowsDottedQuadOtherwise() {
        assertThat(new ReferenceId(0xC000_0204)).hasToString("192.0.2.4");
        assertThat(ReferenceId.NONE).hasToString("0.0.0.0");
        assertThat(new ReferenceId(0x4100_4100)).hasToString("65.0.65.0");
    }

    @Test
    void readsKissCodeFromOctets() {
        assertThat(new ReferenceId(0x5241_5445).asKissCode()).isEqualTo(KissCode.RATE);
        assertThat(new ReferenceId(0x4142_0000).asKissCode().code()).isEqualTo("AB");
    }
}
