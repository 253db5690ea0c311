package org.jntp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.jntp.discipline.ClockSetting;
import org.jntp.discipline.PeerStatistics;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.NtpTimestamp;
import org.jntp.protocol.ReferenceId;
import org.jntp.source.DateQuery;
import org.jntp.source.PeerVariables;
import org.junit.jupiter.api.Test;

class NtpdateReportTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("192.0.2.7", 123);

    private static DateQuery.ServerReport answered(double offsetSeconds, double delaySeconds, int precisionLog2) {
        PeerVariables variables = new PeerVariables(LeapIndicator.NO_WARNING, 4, 2, 6, precisionLog2, 0.01, 0.02,
                new ReferenceId(0xC000_0201), NtpTimestamp.ZERO);
        return new DateQuery.ServerReport(SERVER, 4, 4, Optional.of(variables),
                new PeerStatistics(offsetSeconds, delaySeconds, 0.0001, 0.0002, 1, 1), Optional.empty());
    }

    @Test
    void reportsTheDelayWithNtpdatesPrecisionTheServersAndItsSkewAllowanceAdded() {
        double delay = NtpdateReport.delay(answered(0, 0.004, -10));

        assertThat(delay).isCloseTo(0.004 + 1.0 / 64 + 1.0 / 1024 + 0.01, within(1e-12));
    }

    @Test
    void neverReportsADelayBelowTwentyMilliseconds() {
        // a server whose clock runs fast between receive and transmit can make the measured delay negative
        assertThat(NtpdateReport.delay(answered(0, -0.02, -30))).isEqualTo(0.02);
    }

    @Test
    void printsTheServerLineAsNtpdateDoes() {
        assertThat(NtpdateReport.serverLine(answered(-0.0021634, 0.004, -20)))
                .isEqualTo("server 192.0.2.7, stratum 2, offset -0.002163, delay 0.02963");
    }

    @Test
    void printsZerosForAServerThatNeverAnswered() {
        DateQuery.ServerReport silent = new DateQuery.ServerReport(SERVER, 4, 0, Optional.empty(),
                PeerStatistics.empty(1e-6), Optional.empty());

        assertThat(NtpdateReport.serverLine(silent))
                .isEqualTo("server 192.0.2.7, stratum 0, offset 0.000000, delay 0.00000");
    }

    @Test
    void saysWhetherItSteppedOrAdjusted() {
        assertThat(NtpdateReport.adjustLine(new ClockSetting(ClockSetting.Kind.SLEW, 0.000129), SERVER))
                .isEqualTo("adjust time server 192.0.2.7 offset 0.000129 sec");
        assertThat(NtpdateReport.adjustLine(new ClockSetting(ClockSetting.Kind.STEP, -1.5), SERVER))
                .isEqualTo("step time server 192.0.2.7 offset -1.500000 sec");
    }
}
