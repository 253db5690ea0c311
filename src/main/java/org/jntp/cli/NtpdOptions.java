package org.jntp.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jntp.clock.SoftwareClock;
import org.jntp.server.access.AddressFamily;

/**
 * The command line of {@code ntpd}, with ntpd 4.2.8's flags and meanings.
 *
 * @param configFile      {@code -c}: the configuration file
 * @param family          {@code -4} or {@code -6}: use time sources of that address family only
 * @param foreground      {@code -n}: do not detach from the terminal
 * @param allowBigStep    {@code -g}: allow the first correction to exceed the panic threshold
 * @param setAndQuit      {@code -q}: set the clock once and exit
 * @param slewOnly        {@code -x}: slew up to 600 s instead of stepping
 * @param pidFile         {@code -p}: where to write the process id
 * @param driftFile       {@code -f}: overrides {@code driftfile}
 * @param keysFile        {@code -k}: overrides {@code keys}
 * @param logFile         {@code -l}: overrides {@code logfile}
 * @param user            {@code -u user[:group]}: the identity to run as
 * @param debugLevel      number of {@code -d} flags
 * @param softwareClock   {@code --software-clock OFFSET_S,FREQ_PPM}: serve and discipline a
 *                        software clock instead of the kernel clock
 * @param port            {@code --port N}: serve on another UDP port than 123 (for tests)
 * @param checkOnly       {@code --check}: read the configuration, report its errors and exit
 */
public record NtpdOptions(
        Path configFile,
        Optional<AddressFamily> family,
        boolean foreground,
        boolean allowBigStep,
        boolean setAndQuit,
        boolean slewOnly,
        Optional<Path> pidFile,
        Optional<Path> driftFile,
        Optional<Path> keysFile,
        Optional<Path> logFile,
        Optional<String> user,
        int debugLevel,
        Optional<SoftwareClock.Spec> softwareClock,
        int port,
        boolean checkOnly) {

    public static final Path DEFAULT_CONFIG = Path.of("/etc/ntp.conf");
    public static final int NTP_PORT = 123;

    public static final String USAGE = """
            usage: ntpd [-46gnqx] [-c conffile] [-d]... [-f driftfile] [-k keyfile] [-l logfile]
                        [-p pidfile] [-u user[:group]] [--software-clock OFFSET_S,FREQ_PPM]
                        [--port PORT]
                   ntpd --check [-c conffile]
                   ntpd --version
            """;

    /** The outcome of reading the command line: options, or a message for the user. */
    public sealed interface Parse {
        record Ok(NtpdOptions options) implements Parse {}

        /** {@code --version}: print the version and exit. */
        record Version() implements Parse {}

        record Error(String message) implements Parse {}
    }

    public static Parse parse(List<String> args) {
        Path config = DEFAULT_CONFIG;
        boolean foreground = false, bigStep = false, quit = false, slew = false, check = false;
        Optional<Path> pid = Optional.empty(), drift = Optional.empty(), keys = Optional.empty(),
                log = Optional.empty();
        Optional<String> user = Optional.empty();
        Optional<SoftwareClock.Spec> software = Optional.empty();
        Optional<AddressFamily> family = Optional.empty();
        int debug = 0;
        int port = NTP_PORT;
        CommandLine line = new CommandLine(args);
        while (line.hasNext()) {
            String arg = line.next();
            if (arg.equals("--software-clock") || arg.startsWith("--software-clock=")) {
                Optional<String> value = line.longValueOf(arg, "--software-clock");
                if (value.isEmpty()) {
                    return new Parse.Error("--software-clock needs a value OFFSET_S,FREQ_PPM, e.g. 0.25,50");
                }
                try {
                    software = Optional.of(SoftwareClock.parse(value.get()));
                } catch (IllegalArgumentException e) {
                    return new Parse.Error("--software-clock: " + e.getMessage());
                }
                continue;
            }
            if (arg.equals("--check")) {
                check = true;
                continue;
            }
            if (arg.equals("--version")) {
                return new Parse.Version();
            }
            if (arg.equals("--port") || arg.startsWith("--port=")) {
                port = line.longValueOf(arg, "--port").map(NtpdOptions::parsePort).orElse(-1);
                if (port < 0) {
                    return new Parse.Error("--port needs a UDP port number 1..65535, e.g. --port 12300");
                }
                continue;
            }
            if (!arg.startsWith("-") || arg.length() < 2 || arg.startsWith("--")) {
                return new Parse.Error("unexpected argument \"" + arg + "\"\n" + USAGE);
            }
            // Flags cluster as in getopt: "-gnq" and "-c/etc/ntp.conf" are both accepted.
            for (int j = 1; j < arg.length(); j++) {
                char flag = arg.charAt(j);
                switch (flag) {
                    case '4' -> family = Optional.of(AddressFamily.IPV4);
                    case '6' -> family = Optional.of(AddressFamily.IPV6);
                    case 'n' -> foreground = true;
                    case 'g' -> bigStep = true;
                    case 'q' -> quit = true;
                    case 'x' -> slew = true;
                    case 'd' -> debug++;
                    case 'c', 'p', 'f', 'k', 'l', 'u' -> {
                        Optional<String> given = line.valueOf(arg, j);
                        if (given.isEmpty()) {
                            return new Parse.Error("option -" + flag + " needs a value\n" + USAGE);
                        }
                        String value = given.get();
                        switch (flag) {
                            case 'c' -> config = Path.of(value);
                            case 'p' -> pid = Optional.of(Path.of(value));
                            case 'f' -> drift = Optional.of(Path.of(value));
                            case 'k' -> keys = Optional.of(Path.of(value));
                            case 'l' -> log = Optional.of(Path.of(value));
                            default -> user = Optional.of(value);
                        }
                        j = arg.length();
                    }
                    default -> {
                        return new Parse.Error("unknown option -" + flag + "\n" + USAGE);
                    }
                }
            }
        }
        return new Parse.Ok(new NtpdOptions(config, family, foreground, bigStep, quit, slew, pid, drift,
                keys, log, user, debug, software, port, check));
    }

    private static int parsePort(String value) {
        // a loop, not a regex: the daemon would keep java.util.regex's classes for this alone
        if (value.isEmpty() || value.length() > 5) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        int port = Integer.parseInt(value);
        return port >= 1 && port <= 65535 ? port : -1;
    }
}
