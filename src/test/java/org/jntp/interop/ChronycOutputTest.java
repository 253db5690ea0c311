package org.jntp.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** chronyc's CSV output (-c), as chrony 4.3 prints it. */
class ChronycOutputTest {

    @Test
    void readsASelectedFullyReachableSource() {
        ChronySource source = ChronySource.parseCsv("^,*,127.0.0.3,8,4,377,13,-0.000000009,-0.000000011,0.000003660");

        assertThat(source.mode()).isEqualTo('^');
        assertThat(source.selected()).isTrue();
        assertThat(source.fullyReachable()).isTrue();
        assertThat(source.address()).isEqualTo("127.0.0.3");
        assertThat(source.stratum()).isEqualTo(8);
        assertThat(source.pollLog2()).isEqualTo(4);
        assertThat(source.offsetSeconds()).isEqualTo(-0.000000009);
        assertThat(source.measuredOffsetSeconds()).isEqualTo(-0.000000011);
        assertThat(source.errorSeconds()).isEqualTo(0.000003660);
    }

    @Test
    void readsTheReachabilityRegisterAsOctal() {
        ChronySource source = ChronySource.parseCsv("^,*,127.0.0.2,8,-2,17,0,-0.000007432,-0.000009410,0.000090968");

        assertThat(source.reach()).isEqualTo(017);
        assertThat(source.fullyReachable()).isFalse();
        assertThat(source.pollLog2()).isEqualTo(-2);
    }

    @Test
    void readsASourceNeverHeardFrom() {
        ChronySource source = ChronySource.parseCsv("^,?,127.0.0.1,0,0,0,4294967295,0.000000000,0.000000000,0.000000000");

        assertThat(source.selected()).isFalse();
    }

    @Test
    void readsHowFarTheClockIsBehindItsSourceFromTracking() {
        ChronyTracking tracking = ChronyTracking.parseCsv("7F000002,127.0.0.2,9,1795681952.260222284,0.250025660,"
                + "0.000009830,0.000009830,0.000,76.522,1000000.000,0.000082270,0.402230293,0.1,Normal");

        assertThat(tracking.referenceId()).isEqualTo("7F000002");
        assertThat(tracking.referenceName()).isEqualTo("127.0.0.2");
        assertThat(tracking.stratum()).isEqualTo(9);
        assertThat(tracking.slowOfNtpTimeSeconds()).isEqualTo(0.250025660);
        assertThat(tracking.leapStatus()).isEqualTo("Normal");
    }

    @Test
    void rejectsALineThatIsNotASource() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChronySource.parseCsv("506 Cannot talk to daemon"));
    }

    @Test
    void readsWhetherTheLastReplyWasInterleaved() {
        ChronyNtpData data = ChronyNtpData.parse(String.join("\n",
                "Remote address  : 127.0.0.1 (7F000001)",
                "Mode            : Server",
                "Reference time  : Thu Nov 26 12:56:03 2026",
                "Offset          : -0.000000499 seconds",
                "NTP tests       : 111 111 1111",
                "Interleaved     : Yes",
                "Authenticated   : No",
                "TX timestamping : Kernel",
                "Total TX        : 26",
                "Total RX        : 26",
                "Total valid RX  : 26",
                "Total good RX   : 23"));

        assertThat(data.interleaved()).isTrue();
        assertThat(data.validReplies()).isEqualTo(26);
    }

    @Test
    void readsABasicReply() {
        ChronyNtpData data = ChronyNtpData.parse("Interleaved     : No\nTotal valid RX  : 3\n");

        assertThat(data.interleaved()).isFalse();
    }

    @Test
    void readsHowManyRequestsAServerAnsweredInterleaved() {
        ChronyServerStats stats = ChronyServerStats.parse(String.join("\n",
                "NTP packets received       : 9",
                "NTP packets dropped        : 0",
                "Command packets received   : 2",
                "Authenticated NTP packets  : 0",
                "Interleaved NTP packets    : 7",
                "NTP timestamps held        : 6"));

        assertThat(stats.requests()).isEqualTo(9);
        assertThat(stats.interleavedRequests()).isEqualTo(7);
    }

    @Test
    void refusesOutputThatIsNotTheReportAsked() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChronyServerStats.parse("Interleaved     : Yes\n"));
    }
}
