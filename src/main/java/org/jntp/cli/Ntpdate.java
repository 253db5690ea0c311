package org.jntp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jntp.clock.Clock;
import org.jntp.clock.KernelClock;
import org.jntp.daemon.ClockSetter;
import org.jntp.daemon.DateQueryRunner;
import org.jntp.daemon.EventLog;
import org.jntp.discipline.ClockSetting;
import org.jntp.discipline.StepRule;
import org.jntp.server.access.AddressFamily;
import org.jntp.source.DateQuery;

/**
 * {@code ntpdate}: asks each server a few times, picks one with the clock filter and selection of
 * RFC 5905, and steps the clock to it (an offset of 0.5 s or more, or {@code -b}) or slews it, by
 * {@link StepRule#ntpdate} and through {@link ClockSetter} as {@code ntpd -q} does; {@code -q} and
 * {@code -d} only say what they would do. Notices go to standard output and errors
 * to standard error, as ntpdate 4.2.8 prints them when not logging to syslog.
 */
public final class Ntpdate {
    private Ntpdate() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        NtpdateOptions options;
        switch (NtpdateOptions.parse(args)) {
            case NtpdateOptions.Parse.Ok ok -> options = ok.options();
            case NtpdateOptions.Parse.Error error -> {
                err.println("ntpdate: " + error.message());
                return 2;
            }
        }
        long pid = ProcessHandle.current().pid();
        EventLog notices = log(options.toStderr() ? err : out, pid);
        EventLog errors = log(err, pid);
        if (options.verbose()) {
            notices.info("ntpdate jntp " + version());
        }
        List<InetSocketAddress> servers = resolve(options, errors);
        if (servers.isEmpty()) {
            errors.info("no servers can be used, exiting");
            return 1;
        }
        Clock clock = KernelClock.open();
        DateQuery query = DateQuery.start(servers, options.query(), clock.precisionLog2(), new SecureRandom(),
                System.nanoTime());
        DateQuery.Result result;
        try {
            result = DateQueryRunner.run(query, servers, clock, errors);
        } catch (IOException e) {
            errors.info("cannot query the servers: " + e.getMessage());
            return 1;
        }
        for (DateQuery.ServerReport report : result.servers()) {
            if (options.debug()) {
                out.println(NtpdateReport.detail(report));
            } else if (options.queryOnly()) {
                out.println(NtpdateReport.serverLine(report));
            }
        }
        if (result.chosen().isEmpty()) {
            errors.info("no server suitable for synchronization found");
            return 1;
        }
        DateQuery.ServerReport best = result.servers().get(result.chosen().getAsInt());
        ClockSetting setting = StepRule.ntpdate(options.alwaysStep(), options.neverStep())
                .setting(best.statistics().offsetSeconds());
        if (!options.queryOnly() && !options.debug()) {
            switch (ClockSetter.make(clock, setting, errors)) {
                case ClockSetter.Outcome.Made made -> { }
                case ClockSetter.Outcome.Refused refused -> {
                    errors.info("Can't adjust the time of day: " + refused.reason());
                    return 1;
                }
            }
        }
        notices.info(NtpdateReport.adjustLine(setting, best.address()));
        return 0;
    }

    /** Every address of every server, of the family asked for; a name that does not resolve is said and skipped. */
    private static List<InetSocketAddress> resolve(NtpdateOptions options, EventLog errors) {
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String name : options.servers()) {
            try {
                for (InetAddress address : InetAddress.getAllByName(name)) {
                    AddressFamily family = address instanceof Inet4Address ? AddressFamily.IPV4 : AddressFamily.IPV6;
                    if (options.family().isEmpty() || options.family().get() == family) {
                        servers.add(new InetSocketAddress(address, options.port()));
                    }
                }
            } catch (UnknownHostException e) {
                errors.info("can't find host " + name);
            }
        }
        return servers;
    }

    private static EventLog log(PrintStream stream, long pid) {
        return new EventLog("ntpdate", stream, System::currentTimeMillis, ZoneId.systemDefault(), pid, 0);
    }

    private static String version() {
        String version = Ntpdate.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
