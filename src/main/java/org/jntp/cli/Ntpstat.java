package org.jntp.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.jntp.ntpq.NtpstatReport;
import org.jntp.ntpq.UdpControlTransport;

/**
 * {@code ntpstat}: asks the daemon on 127.0.0.1:123 for its system variables, as Debian's C
 * ntpstat does (one version 2 READVAR, a one-second wait, only the first datagram read), and
 * says whether the clock is synchronised.
 */
public final class Ntpstat {
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final int NTP_PORT = 123;

    private Ntpstat() {}

    public static void main(String[] args) {
        NtpstatReport report = ask(new InetSocketAddress(InetAddress.getLoopbackAddress(), NTP_PORT));
        System.out.print(report.out());
        System.out.flush();
        System.err.print(report.err());
        QuickExit.exit(report.exitStatus());
    }

    /** The report on the daemon at {@code daemon}. */
    static NtpstatReport ask(InetSocketAddress daemon) {
        try (UdpControlTransport transport = UdpControlTransport.open(daemon)) {
            transport.send(NtpstatReport.REQUEST);
            Optional<byte[]> reply = transport.receive(WAIT);
            return reply.map(NtpstatReport::of).orElseGet(NtpstatReport::timeout);
        } catch (IOException e) {
            return NtpstatReport.unreachable();
        }
    }
}
