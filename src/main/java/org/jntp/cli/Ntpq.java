package org.jntp.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jntp.ntpq.HostNames;
import org.jntp.ntpq.NtpqEnvironment;
import org.jntp.ntpq.NtpqShell;
import org.jntp.ntpq.UdpControlTransport;

/** {@code ntpq}: ntpd 4.2.8's mode 6 query tool (see {@link NtpqShell}). */
public final class Ntpq {
    private Ntpq() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int status = NtpqShell.run(List.of(args), environment(out, System.err), Versions.of(Ntpq.class));
        out.flush();
        QuickExit.exit(status);
    }

    /** ntpq's world: standard input, the given streams, UDP, the system's resolver, clock and zone. */
    static NtpqEnvironment environment(PrintStream out, PrintStream err) {
        return new NtpqEnvironment(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out,
                err, System.console() != null && System.console().isTerminal(), UdpControlTransport::open,
                NtpqEnvironment.Resolver.system(), HostNames.system(), Instant::now, ZoneId::systemDefault);
    }
}
