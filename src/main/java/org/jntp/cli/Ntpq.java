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
        NtpqEnvironment env = new NtpqEnvironment(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out, System.err,
                System.console() != null && System.console().isTerminal(), UdpControlTransport::open,
                NtpqEnvironment.Resolver.system(), HostNames.system(), Instant::now, ZoneId.systemDefault());
        int status = NtpqShell.run(List.of(args), env, Versions.of(Ntpq.class));
        out.flush();
        System.exit(status);
    }
}
