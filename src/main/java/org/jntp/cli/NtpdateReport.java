package org.jntp.cli;

import java.net.InetSocketAddress;
import java.util.Locale;
import org.jntp.daemon.AddressText;
import org.jntp.discipline.ClockSetting;
import org.jntp.source.DateQuery;
import org.jntp.source.PeerVariables;

/**
 * The lines ntpdate prints, worded and formatted as ntpdate 4.2.8 prints them, so that scripts that
 * read them keep working.
 */
final class NtpdateReport {
    /**
     * ntpdate adds to each round-trip delay its own precision (2⁻⁶ s), the server's precision and a
     * skew allowance of 10 ms, and never reports less than 20 ms: the figures scripts have seen for
     * decades include them.
     */
    private static final double NTPDATE_PRECISION_SECONDS = Math.scalb(1.0, -6);
    private static final double SKEW_ALLOWANCE_SECONDS = 0.01;
    private static final double MIN_DISTANCE_SECONDS = 0.02;

    private NtpdateReport() {}

    /** {@code server 192.0.2.1, stratum 2, offset -0.000123, delay 0.02574}, as {@code -q} prints. */
    static String serverLine(DateQuery.ServerReport report) {
        int stratum = report.variables().map(PeerVariables::stratum).orElse(0);
        double offset = report.answered() > 0 ? report.statistics().offsetSeconds() : 0;
        return String.format(Locale.ROOT, "server %s, stratum %d, offset %s, delay %.5f",
                AddressText.of(report.address().getAddress()), stratum, offset(offset), delay(report));
    }

    /** The delay as ntpdate reports it: 0 for a server that never answered. */
    static double delay(DateQuery.ServerReport report) {
        if (report.answered() == 0 || report.variables().isEmpty()) {
            return 0;
        }
        double serverPrecision = Math.scalb(1.0, report.variables().get().precisionLog2());
        return Math.max(report.statistics().delaySeconds() + NTPDATE_PRECISION_SECONDS + serverPrecision
                + SKEW_ALLOWANCE_SECONDS, MIN_DISTANCE_SECONDS);
    }

    /** {@code adjust time server 192.0.2.1 offset -0.000123 sec} for a slew, {@code step time ...} for a step. */
    static String adjustLine(ClockSetting setting, InetSocketAddress server) {
        return String.format(Locale.ROOT, "%s time server %s offset %s sec", setting.stepped() ? "step" : "adjust",
                AddressText.of(server.getAddress()), offset(setting.offsetSeconds()));
    }

    /** ntpdate -d's account of one server. */
    static String detail(DateQuery.ServerReport report) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "server %s, port %d%n", AddressText.of(report.address().getAddress()),
                report.address().getPort()));
        report.variables().ifPresent(v -> text.append(String.format(Locale.ROOT,
                "stratum %d, precision %d, leap %s, refid [%s]%n", v.stratum(), v.precisionLog2(),
                leapBits(v), v.referenceId())));
        text.append(String.format(Locale.ROOT, "delay %.5f, dispersion %.5f, jitter %.6f%n", delay(report),
                report.statistics().dispersionSeconds(), report.statistics().jitterSeconds()));
        text.append(String.format(Locale.ROOT, "transmitted %d, in filter %d%n", report.sent(), report.answered()));
        report.kiss().ifPresent(code -> text.append("kiss code ").append(code).append(System.lineSeparator()));
        text.append(String.format(Locale.ROOT, "offset %s%n", offset(report.answered() > 0
                ? report.statistics().offsetSeconds() : 0)));
        return text.toString();
    }

    private static String leapBits(PeerVariables variables) {
        int bits = variables.leap().code();
        return "" + (bits >> 1) + (bits & 1);
    }

    private static String offset(double seconds) {
        return String.format(Locale.ROOT, "%.6f", seconds);
    }
}
