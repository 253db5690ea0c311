package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class NtpdigReplyTest {

    /** ntpdig -j -d -d -p 2 against chronyd 4.3 (local stratum 8), its standard output as printed. */
    private static final String TWO_SAMPLES = """
            e3 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ................
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ................
            00 00 00 00 00 00 00 00 ee b2 70 8f db b9 c0 00 ..........p.....
            24 08 00 e7 00 00 00 00 00 00 00 00 7f 7f 01 01 $...............
            ee b2 70 8d ea 43 67 ef ee b2 70 8f db b9 c0 00 ..p..Cg...p.....
            ee b2 70 8f db bb 92 5f ee b2 70 8f db bf 50 ba ..p...._..p...P.
            e3 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ................
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 ................
            00 00 00 00 00 00 00 00 ee b2 70 8f db d0 60 00 ..........p...`.
            24 08 00 e7 00 00 00 00 00 00 00 00 7f 7f 01 01 $...............
            ee b2 70 8d ea 43 67 ef ee b2 70 8f db d0 60 00 ..p..Cg...p...`.
            ee b2 70 8f db d1 fd 61 ee b2 70 8f db d3 4e 06 ..p....a..p...N.
            org t1: eeb2708f.dbd06000 rec t2: eeb2708f.dbd1fd61
            xmt t3: eeb2708f.dbd34e06 dst t4: eeb2708f.dbd81000
            org t1: 1795682831.858648 rec t2: 1795682831.858673
            xmt t3: 1795682831.858693 dst t4: 1795682831.858766
            rec-org t21: 0.000025  xmt-dst t34: -0.000072
            {"time":"2026-11-26T08:47:11.858693+0000","offset":-0.000024,"precision":0.000049,\
            "host":"127.0.0.4","ip":"127.0.0.4","stratum":8,"leap":"no-leap","adjusted":false}
            """;

    @Test
    void takesTheRequestAndReplyOfTheSampleNtpdigChose() {
        NtpdigReply answer = NtpdigReply.parse(TWO_SAMPLES);

        assertThat(answer.request().transmitTimestamp()).isEqualTo(0xeeb2708fdbd06000L);
        assertThat(answer.reply().originTimestamp()).isEqualTo(0xeeb2708fdbd06000L);
        assertThat(answer.reply().receiveTimestamp()).isEqualTo(0xeeb2708fdbd1fd61L);
        assertThat(answer.reply().transmitTimestamp()).isEqualTo(0xeeb2708fdbd34e06L);
    }

    @Test
    void decodesTheReplyHeaderFields() {
        NtpHeader reply = NtpdigReply.parse(TWO_SAMPLES).reply();

        assertThat(reply.leap()).isZero();
        assertThat(reply.version()).isEqualTo(4);
        assertThat(reply.mode()).isEqualTo(4);
        assertThat(reply.stratum()).isEqualTo(8);
        assertThat(reply.poll()).isZero();
        assertThat(reply.precision()).isEqualTo(-25);
        assertThat(reply.rootDelayBits()).isZero();
        assertThat(reply.rootDispersionBits()).isZero();
        assertThat(reply.referenceId()).isEqualTo(0x7f7f0101);
        assertThat(reply.referenceTimestamp()).isEqualTo(0xeeb2708dea4367efL);
    }

    @Test
    void decodesTheRequestNtpdigSent() {
        NtpHeader request = NtpdigReply.parse(TWO_SAMPLES).request();

        assertThat(request.leap()).isEqualTo(3);
        assertThat(request.version()).isEqualTo(4);
        assertThat(request.mode()).isEqualTo(3);
    }

    @Test
    void readsOffsetStratumAndLeapFromTheJsonVerdict() {
        NtpdigReply answer = NtpdigReply.parse(TWO_SAMPLES);

        assertThat(answer.offsetSeconds()).isEqualTo(-0.000024);
        assertThat(answer.stratum()).isEqualTo(8);
        assertThat(answer.leap()).isEqualTo("no-leap");
    }

    @Test
    void readsAReferenceIdAsAscii() {
        NtpHeader header = new NtpHeader(0, 4, 4, 1, 0, -20, 0, 0, 0x4c4f434c, 0, 0, 0, 0);

        assertThat(header.referenceIdAscii()).isEqualTo("LOCL");
    }

    @Test
    void rejectsOutputInWhichNtpdigChoseNoReply() {
        assertThatIllegalArgumentException().isThrownBy(() -> NtpdigReply.parse(""));
    }
}
