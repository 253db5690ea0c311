package org.jntp.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jntp.server.access.AddressFamily;
import org.jntp.source.DateQuery;

/**
 * The command line of {@code ntpdate}, with ntpdate 4.2.8's flags and meanings.
 *
 * @param servers    the servers to query, names or addresses
 * @param family     {@code -4} or {@code -6}: resolve names to that family only
 * @param queryOnly  {@code -q}: print what the servers say, set nothing
 * @param debug      {@code -d}: print the exchange in detail, set nothing
 * @param alwaysStep {@code -b}: step the clock whatever the offset
 * @param neverStep  {@code -B}: slew the clock whatever the offset
 * @param toStderr   {@code -s}: write the log lines to standard error, where journald or cron takes them
 * @param verbose    {@code -v}: say the version first
 * @param query      {@code -p} samples, {@code -t} timeout, {@code -o} version
 * @param port       {@code --port N}: the servers' port, for tests (123)
 */
public record NtpdateOptions(List<String> servers, Optional<AddressFamily> family, boolean queryOnly, boolean debug,
        boolean alwaysStep, boolean neverStep, boolean toStderr, boolean verbose, DateQuery.Settings query, int port) {

    public static final String USAGE =
            "usage: ntpdate [-46bBdqsuv] [-o version#] [-p samples] [-t timeo] [--port PORT] server ...";
    private static final int NTP_PORT = 123;
    /** ntpdate rounds the timeout to its timer's 0.2 s. */
    private static final long TIMER_TICK_NANOS = 200_000_000L;

    public NtpdateOptions {
        servers = List.copyOf(servers);
    }

    /** The outcome of reading the command line: options, or a message for the user. */
    public sealed interface Parse {
        record Ok(NtpdateOptions options) implements Parse {}

        record Error(String message) implements Parse {}
    }

    public static Parse parse(List<String> args) {
        List<String> servers = new ArrayList<>();
        Optional<AddressFamily> family = Optional.empty();
        boolean query = false, debug = false, step = false, slew = false, stderr = false, verbose = false;
        int samples = DateQuery.Settings.DEFAULTS.samples();
        long timeoutNanos = DateQuery.Settings.DEFAULTS.timeoutNanos();
        int version = DateQuery.Settings.DEFAULTS.version();
        int port = NTP_PORT;
        CommandLine line = new CommandLine(args);
        while (line.hasNext()) {
            String arg = line.next();
            if (arg.equals("--port")) {
                port = line.hasNext() ? parseInt(line.next(), 1, 65535) : -1;
                if (port < 0) {
                    return new Parse.Error("--port needs a UDP port number 1..65535, e.g. --port 12300");
                }
                continue;
            }
            if (!arg.startsWith("-") || arg.length() < 2) {
                servers.add(arg);
                continue;
            }
            // Flags cluster as in getopt: "-qu" and "-p2" are both accepted.
            for (int j = 1; j < arg.length(); j++) {
                char flag = arg.charAt(j);
                switch (flag) {
                    case '4' -> family = Optional.of(AddressFamily.IPV4);
                    case '6' -> family = Optional.of(AddressFamily.IPV6);
                    case 'b' -> {
                        step = true;
                        slew = false;
                    }
                    case 'B' -> {
                        slew = true;
                        step = false;
                    }
                    case 'd' -> debug = true;
                    case 'q' -> query = true;
                    case 's' -> stderr = true;
                    case 'u' -> {
                        // every request leaves from an unprivileged port of its own anyway
                    }
                    case 'v' -> verbose = true;
                    case 'a', 'e', 'k', 'o', 'p', 't' -> {
                        Optional<String> given = line.valueOf(arg, j);
                        if (given.isEmpty()) {
                            return new Parse.Error("option -" + flag + " needs a value\n" + USAGE);
                        }
                        String value = given.get();
                        switch (flag) {
                            case 'a', 'e', 'k' -> {
                                return new Parse.Error("-" + flag + ": authenticated queries need symmetric keys,"
                                        + " which jntp does not support yet; query without -a, -e and -k");
                            }
                            case 'o' -> {
                                version = parseInt(value, 1, 4);
                                if (version < 0) {
                                    return new Parse.Error("-o: NTP version " + value + " is not 1 to 4");
                                }
                            }
                            case 'p' -> {
                                samples = parseInt(value, 1, 8);
                                if (samples < 0) {
                                    return new Parse.Error("number of samples (" + value + ") is invalid: 1 to 8");
                                }
                            }
                            default -> {
                                timeoutNanos = parseTimeout(value);
                                if (timeoutNanos < 0) {
                                    return new Parse.Error("timeout " + value + " is undecodeable: give seconds,"
                                            + " such as -t 1.5");
                                }
                            }
                        }
                        j = arg.length();
                    }
                    default -> {
                        return new Parse.Error("unknown option -" + flag + "\n" + USAGE);
                    }
                }
            }
        }
        if (servers.isEmpty()) {
            return new Parse.Error("no servers given\n" + USAGE);
        }
        return new Parse.Ok(new NtpdateOptions(servers, family, query, debug, step, slew, stderr, verbose,
                new DateQuery.Settings(samples, timeoutNanos, version), port));
    }

    private static int parseInt(String value, int min, int max) {
        if (!value.matches("[0-9]{1,5}")) {
            return -1;
        }
        int number = Integer.parseInt(value);
        return number >= min && number <= max ? number : -1;
    }

    /** Seconds and fraction, rounded to ntpdate's 0.2 s tick and at least one tick; -1 if not a number. */
    private static long parseTimeout(String value) {
        if (!value.matches("[0-9]{1,4}(\\.[0-9]{1,9})?")) {
            return -1;
        }
        long ticks = Math.round(Double.parseDouble(value) * 1e9 / TIMER_TICK_NANOS);
        return Math.max(ticks, 1) * TIMER_TICK_NANOS;
    }
}
