package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VariablePrinterTest {
    private static final int SYSTEM_STATUS = 0xc016;
    private static final Display UTC = Captured.numericAt(Captured.PEER_REC_UNIX_SECONDS);

    private static String cooked(String variables, boolean quiet) {
        return VariablePrinter.cooked(variables.getBytes(StandardCharsets.ISO_8859_1), SYSTEM_STATUS, StatusType.SYSTEM,
                quiet, UTC);
    }

    @Test
    void cooksNtpsecsSystemVariablesAsNtpd428sNtpqDoes() {
        String text = VariablePrinter.cooked(Captured.data("ntpq-rv.reply1"), SYSTEM_STATUS, StatusType.SYSTEM, false, UTC);

        assertThat(text).isEqualTo("""
                status=c016 leap_alarm, sync_unspec, 1 event, restart,
                leap=11, stratum=9, precision=-23, rootdelay=0.050, rootdisp=437.558,
                refid=192.0.2.4,
                reftime=eeb2acda.d9574cb0  Thu, Nov 26 2026 13:04:26.848, tc=4,
                peer=17767, offset=+0.000000, frequency=+0.000000, sys_jitter=0.000000,
                clk_jitter=0.000119,
                clock=eeb2acdc.ce355105  Thu, Nov 26 2026 13:04:28.805,
                processor="x86_64", system="Linux/6.18.44-fc-v657",
                version="ntpd ntpsec-1.2.2", clk_wander=0.000000, mintc=0
                """);
    }

    @Test
    void leavesOutTheStatusLineWhenQuiet() {
        assertThat(cooked("leap=3, stratum=9", true)).isEqualTo("leap=11, stratum=9\n");
    }

    @Test
    void marksAValueItCannotCookWithAQuestionMark() {
        assertThat(cooked("reftime=soon, leap=7", true)).isEqualTo("reftime=soon?, leap=7?\n");
    }

    @Test
    void namesTheFlashBits() {
        assertThat(cooked("flash=0x0, flash=0x1400", true)).isEqualTo("flash=00 ok, flash=1400 peer_dist, peer_unreach\n");
    }

    @Test
    void alignsTheFilterArraysInColumnsOfSeven() {
        assertThat(cooked("filtdelay= 0.05 12.5 0.04", true)).isEqualTo("filtdelay=     0.05   12.50    0.04\n");
    }

    @Test
    void showsAZeroTimestampAsNoTime() {
        assertThat(cooked("reftime=0x00000000.00000000", true)).isEqualTo("reftime=(no time)\n");
    }

    @Test
    void printsRawDataAsSentWithLineBreaksMadeNewlines() {
        String text = VariablePrinter.raw("leap=3, stratum=9,\r\ntc=4\r\n".getBytes(StandardCharsets.ISO_8859_1), SYSTEM_STATUS, false);

        assertThat(text).isEqualTo("status=0xc016,\nleap=3, stratum=9,\ntc=4\n");
    }

    @Test
    void showsUnprintableOctetsAsCatDashVDoes() {
        assertThat(VariablePrinter.raw(new byte[] {'a', 0x04, (byte) 0x90, '\r', 'b'}, 0, true)).isEqualTo("a^DM-^P^Mb");
    }
}
