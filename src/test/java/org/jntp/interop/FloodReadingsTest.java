package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** What FloodIT reads from ntpload, jcmd and ntpq, as they printed it during a flood. */
class FloodReadingsTest {

    @Test
    void readsNtploadsCounts() {
        NtploadResult result = NtploadResult.parse("""
                stats target 127.0.0.1 nsock 16 mode open offered 20000/s lost 0 kod 16 unsync 0 invalid 3 eagain 0 late 0
                cpu user 0.12 sys 2.53 s
                sent 499999 recv 16 rate 1/s
                """);

        assertThat(result).isEqualTo(new NtploadResult(499_999, 16, 16, 3));
        assertThat(result.received()).isEqualTo(35);
    }

    @Test
    void refusesWhatNtploadDidNotPrint() {
        assertThatIllegalArgumentException().isThrownBy(() -> NtploadResult.parse("ntpload: bind: Address in use"));
    }

    @Test
    void sumsTheGenerationsOfASerialHeap() {
        HeapInfo heap = HeapInfo.parse("""
                21770:
                DefNew     total 960K, used 360K [0x00000000fe000000, 0x00000000fe100000, 0x00000000fe100000)
                 eden space 896K,  37% used [0x00000000fe000000, 0x00000000fe054f10, 0x00000000fe0e0000)
                 from space 64K,  31% used [0x00000000fe0f0000, 0x00000000fe0f51a0, 0x00000000fe100000)
                 to   space 64K,   0% used [0x00000000fe0e0000, 0x00000000fe0e0000, 0x00000000fe0f0000)
                Tenured    total 3072K, used 2901K [0x00000000fe100000, 0x00000000fe400000, 0x0000000100000000)
                 the  space 3072K,  94% used [0x00000000fe100000, 0x00000000fe3d5778, 0x00000000fe400000)
                 Metaspace       used 1893K, committed 2048K, reserved 1114112K
                """);

        assertThat(heap).isEqualTo(new HeapInfo(4032, 3261));
    }

    @Test
    void refusesWhatIsNotAHeapReport() {
        assertThatIllegalArgumentException().isThrownBy(() -> HeapInfo.parse("21770:\nCommand not found\n"));
    }

    @Test
    void readsVariablesWrappedOverLines() {
        NtpqVariables variables = NtpqVariables.parse("""
                mru_depth=186, mru_deepest=186, mru_maxdepth=186, mru_mem=16,
                mru_maxmem=16, ss_limited=595668, offset=-0.052340, version="ntpd jntp-1, x"
                """);

        assertThat(variables.count("mru_depth")).isEqualTo(186);
        assertThat(variables.count("ss_limited")).isEqualTo(595_668);
        assertThat(variables.number("offset")).isEqualTo(-0.05234);
        assertThat(variables.values()).containsEntry("version", "\"ntpd jntp-1, x\"");
    }

    @Test
    void refusesAVariableNtpqDidNotPrint() {
        assertThatIllegalArgumentException().isThrownBy(() -> NtpqVariables.parse("offset=0.1").count("ss_kodsent"));
    }

    @Test
    void readsWhenTheServerReceivedEachPollFromRawstats() {
        RawstatsRecord record = RawstatsRecord.parse("61371 12082.345 127.0.0.2 - 3973230082.344990000"
                + " 3973230082.345049000 3973230082.345062000 3973230082.345140000 0 4 4 8 3 -25 0.000000 0.000015 LOCL");

        assertThat(record.source()).isEqualTo("127.0.0.2");
        assertThat(record.serverReceiveUnixSeconds()).isCloseTo(1_764_241_282.345049, within(1e-6));
    }

    @Test
    void refusesWhatIsNotARawstatsLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> RawstatsRecord.parse("61371 12082.345"));
    }
}
