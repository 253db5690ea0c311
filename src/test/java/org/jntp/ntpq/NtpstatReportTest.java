package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.ControlResponses;
import org.junit.jupiter.api.Test;

class NtpstatReportTest {

    private static byte[] answer(int status, String variables) {
        List<byte[]> datagrams = ControlResponses.text(ControlRequest.of(2, ControlOpcode.READVAR, 1, 0, new byte[0]).header(),
                LeapIndicator.NO_WARNING, status, variables);
        return datagrams.getFirst();
    }

    @Test
    void sendsDebiansVersion2ReadvarPaddedTo576Octets() {
        assertThat(NtpstatReport.REQUEST).hasSize(576);
        assertThat(NtpstatReport.REQUEST).startsWith(0x16, 0x02, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void saysUnsynchronisedForNtpsecsCapturedAnswer() {
        NtpstatReport report = NtpstatReport.of(Captured.datagram("ntpstat-readvar-v2.reply1"));

        assertThat(report.out()).isEqualTo("unsynchronised\n   polling server every 16 s\n");
        assertThat(report.exitStatus()).isEqualTo(1);
    }

    @Test
    void namesTheServerOfASynchronisedDaemon() {
        NtpstatReport report = NtpstatReport.of(answer(0x0615,
                "leap=0, stratum=3, precision=-23, rootdelay=10.250, rootdisp=4.500, refid=192.0.2.4, tc=6, mintc=3"));

        assertThat(report.out()).isEqualTo("synchronised to NTP server (192.0.2.4) at stratum 3 \n"
                + "   time correct to within 10 ms\n   polling server every 64 s\n");
        assertThat(report.exitStatus()).isZero();
    }

    @Test
    void namesTheSourceKindOfOtherSources() {
        NtpstatReport report = NtpstatReport.of(answer(0x0016, "stratum=8, rootdelay=0.0, rootdisp=0.0, tc=0, peer=0"));

        assertThat(report.out()).isEqualTo("synchronised to unspecified at stratum 8 \n"
                + "   time correct to within 0 ms\n   polling server every 1 s\n");
    }

    @Test
    void saysARestartingServerIsRestarting() {
        assertThat(NtpstatReport.of(answer(0xc011, "tc=4, peer=0")).out()).isEqualTo("unsynchronised\n  time server re-starting\n"
                + "   polling server every 16 s\n");
    }

    @Test
    void cannotReadAPollIntervalThatEndsTheDataAsTheCProgramCannot() {
        assertThat(NtpstatReport.of(answer(0xc016, "leap=3, tc=4")).out()).isEqualTo("unsynchronised\npoll interval unreadable\n");
    }

    @Test
    void exits1WhenAVariableIsMissing() {
        NtpstatReport report = NtpstatReport.of(answer(0x0615, "leap=0, refid=192.0.2.4, tc=6"));

        assertThat(report.out()).contains(", stratum unknown\n", "accuracy unknown\n");
        assertThat(report.exitStatus()).isEqualTo(1);
    }

    @Test
    void refusesAnAnswerOfAnotherVersion() {
        byte[] datagram = answer(0x0615, "tc=6");
        datagram[0] = 0x26;

        assertThat(NtpstatReport.of(datagram)).isEqualTo(new NtpstatReport("",
                "status word is 0x2682\nreturn data appears to be invalid based on status word\n", 2));
    }

    @Test
    void saysWhyWhenNothingAnswers() {
        assertThat(NtpstatReport.timeout()).isEqualTo(new NtpstatReport("", "timeout\n", 2));
        assertThat(NtpstatReport.unreachable())
                .isEqualTo(new NtpstatReport("", "Unable to talk to NTP daemon. Is it running?\n", 2));
    }
}
