package org.jntp.ntpq;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * ntpq 4.2.8's command line: {@code -4 -6 -c CMD -d -D LEVEL -i -n -p -w -k FILE -r KEYWORD
 * --old-rv} and their long forms, then hosts (each {@code -4} or {@code -6} among them sets the
 * family of the hosts after it). {@code -c} and {@code -p} keep their order.
 *
 * @param commands the commands to run, {@code -p} being {@code peers}
 * @param hosts the hosts, each with the family asked for it
 * @param interactive {@code -i}: the prompt even with commands
 * @param numeric {@code -n}: addresses, not names
 * @param wide {@code -w}: long remote names whole
 * @param debug how many {@code -d}
 * @param oldReadvar {@code --old-rv}: the status line even when variables are named
 * @param json {@code --json}: {@code peers}, {@code readvar} and {@code sysinfo} print JSON
 * @param refidHash {@code -r hash}: {@code peers} shows reference IDs as hashes ({@code apeers}'s table)
 */
public record NtpqOptions(List<String> commands, List<Host> hosts, boolean interactive, boolean numeric, boolean wide,
        int debug, boolean oldReadvar, boolean json, boolean refidHash) {
    /** ntpq's default host. */
    public static final String DEFAULT_HOST = "localhost";

    /** Copies the lists. */
    public NtpqOptions {
        commands = List.copyOf(commands);
        hosts = List.copyOf(hosts);
    }

    /**
     * A host to ask.
     *
     * @param name as given
     * @param family the address family to use, if one was asked for
     */
    public record Host(String name, Optional<PeerLine.Family> family) {
        /** Requires both. */
        public Host {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(family, "family");
        }
    }

    /** The outcome of reading a command line. */
    public sealed interface Parse {
        /** Options to run with. */
        record Ok(NtpqOptions options) implements Parse {}

        /** {@code --version} or {@code --help}: print this and exit 0. */
        record Print(String text) implements Parse {}

        /** A bad command line: the message for standard error. */
        record Error(String message) implements Parse {}
    }

    /** Reads a command line. */
    public static Parse parse(List<String> args, String version) {
        List<String> commands = new ArrayList<>();
        List<Host> hosts = new ArrayList<>();
        Optional<PeerLine.Family> family = Optional.empty();
        boolean interactive = false;
        boolean numeric = false;
        boolean wide = false;
        boolean oldReadvar = false;
        boolean json = false;
        boolean refidHash = false;
        int debug = 0;
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i++);
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int equals = name.indexOf('=');
                if (equals >= 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                }
                switch (name) {
                    case "ipv4" -> family = Optional.of(PeerLine.Family.IPV4);
                    case "ipv6" -> family = Optional.of(PeerLine.Family.IPV6);
                    case "interactive" -> interactive = true;
                    case "numeric" -> numeric = true;
                    case "wide" -> wide = true;
                    case "peers" -> commands.add("peers");
                    case "old-rv" -> oldReadvar = true;
                    case "json" -> json = true;
                    case "debug-level" -> debug++;
                    case "version" -> {
                        return new Parse.Print("ntpq " + version + "\n");
                    }
                    case "help" -> {
                        return new Parse.Print(usage());
                    }
                    case "command", "set-debug-level", "keyfile", "refid" -> {
                        if (value == null) {
                            if (i >= args.size()) {
                                return new Parse.Error("ntpq: option `--" + name + "' requires an argument\n" + usage());
                            }
                            value = args.get(i++);
                        }
                        if (name.equals("command")) {
                            commands.add(value);
                        } else if (name.equals("set-debug-level")) {
                            debug = level(value);
                        } else if (name.equals("refid")) {
                            Optional<Boolean> hash = refidHash(value);
                            if (hash.isEmpty()) {
                                return new Parse.Error(badRefid(value));
                            }
                            refidHash = hash.get();
                        }
                    }
                    default -> {
                        return new Parse.Error("ntpq: illegal option -- " + name + "\n" + usage());
                    }
                }
                continue;
            }
            if (!arg.startsWith("-") || arg.length() == 1) {
                i--;
                break;
            }
            for (int at = 1; at < arg.length(); at++) {
                char flag = arg.charAt(at);
                switch (flag) {
                    case '4' -> family = Optional.of(PeerLine.Family.IPV4);
                    case '6' -> family = Optional.of(PeerLine.Family.IPV6);
                    case 'd' -> debug++;
                    case 'i' -> interactive = true;
                    case 'n' -> numeric = true;
                    case 'p' -> commands.add("peers");
                    case 'w' -> wide = true;
                    case 'c', 'D', 'k', 'r' -> {
                        String value;
                        if (at + 1 < arg.length()) {
                            value = arg.substring(at + 1);
                        } else if (i < args.size()) {
                            value = args.get(i++);
                        } else {
                            return new Parse.Error("ntpq: option requires an argument -- " + flag + "\n" + usage());
                        }
                        if (flag == 'c') {
                            commands.add(value);
                        } else if (flag == 'D') {
                            debug = level(value);
                        } else if (flag == 'r') {
                            Optional<Boolean> hash = refidHash(value);
                            if (hash.isEmpty()) {
                                return new Parse.Error(badRefid(value));
                            }
                            refidHash = hash.get();
                        }
                        at = arg.length();
                    }
                    default -> {
                        return new Parse.Error("ntpq: illegal option -- " + flag + "\n" + usage());
                    }
                }
            }
        }
        for (; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("-4")) {
                family = Optional.of(PeerLine.Family.IPV4);
            } else if (arg.startsWith("-6")) {
                family = Optional.of(PeerLine.Family.IPV6);
            } else {
                hosts.add(new Host(arg, family));
            }
        }
        if (hosts.isEmpty()) {
            hosts.add(new Host(DEFAULT_HOST, family));
        }
        return new Parse.Ok(new NtpqOptions(commands, hosts, interactive, numeric, wide, debug, oldReadvar,
                json, refidHash));
    }

    /** {@code -r}'s keyword: hash (true) or ipv4 (false), as ntpq's autoopts takes a unique prefix. */
    static Optional<Boolean> refidHash(String value) {
        if (!value.isEmpty() && "hash".startsWith(value)) {
            return Optional.of(true);
        }
        if (!value.isEmpty() && "ipv4".startsWith(value)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    private static String badRefid(String value) {
        return "ntpq: the refid display is hash or ipv4, not `" + value + "'\n" + usage();
    }

    private static int level(String value) {
        return NtpqIntegers.parseUnsigned(value).stream().mapToInt(v -> (int) Math.min(v, Integer.MAX_VALUE)).findFirst().orElse(0);
    }

    private static String usage() {
        return "USAGE:  ntpq [ -<flag> [<val>] | --<name>[{=| }<val>] ]... [ host ...]\n"
                + "  -4, -6      use IPv4 or IPv6 to reach the hosts\n"
                + "  -c CMD      run an interactive format command (repeatable)\n"
                + "  -d          more debugging output\n"
                + "  -i          force interactive mode\n"
                + "  -n          numeric host addresses\n"
                + "  -p          print a list of the peers (same as -c peers)\n"
                + "  -r KEYWORD  refids in peers as hash or ipv4 (the default)\n"
                + "  -w          display the full 'remote' value\n"
                + "  --json      peers, readvar and sysinfo print JSON\n"
                + "  --version   print the version and exit\n";
    }
}
