package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void asksSysinfosVariablesInOrder() {
        assertThat(SummaryTable.systemInfo().request()).isEqualTo("peeradr,peermode,leap,stratum,precision,rootdelay,"
                + "rootdisp,refid,reftime,sys_jitter,clk_jitter,clk_wander,bcastdelay,authdelay");
    }

    @Test
    void asksPstatsForAddressAndPortSeparately() {
        assertThat(SummaryTable.peerStats().request()).startsWith("srcadr,srcport,dstadr,dstport,timerec,");
    }

    @Test
    void printsTheSystemSummaryOneLabelledValueALine() {
        byte[] data = ("peeradr=192.0.2.4:123, peermode=3, leap=3, stratum=9, precision=-23, rootdelay=0.036,"
                + " rootdisp=62.674, refid=192.0.2.4, reftime=0x00000000.00000000, sys_jitter=0.000000,"
                + " clk_jitter=0.119, clk_wander=0.000, bcastdelay=0.000, authdelay=0.000").getBytes(StandardCharsets.ISO_8859_1);

        assertThat(SummaryTable.systemInfo().format(0, 0xc016, data, Captured.numericAt(0))).isEqualTo("""
                associd=0 status=c016 leap_alarm, sync_unspec, 1 event, restart,
                system peer:        192.0.2.4:123
                system peer mode:   client
                leap indicator:     11
                stratum:            9
                log2 precision:     -23
                root delay:         0.036
                root dispersion:    62.674
                reference ID:       192.0.2.4
                reference time:     (no time)
                system jitter:      0.000000
                clock jitter:       0.119
                clock wander:       0.000
                broadcast delay:    0.000
                symm. auth. delay:  0.000
                """);
    }

    @Test
    void leavesOutCountersTheServerDidNotSend() {
        byte[] data = "ss_uptime=3600, ss_received=12".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(SummaryTable.systemStats().format(0, 0, data, Captured.numericAt(0)))
                .isEqualTo("uptime:                 3600\npackets received:       12\n");
    }
}
