package org.jntp.ntpq;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jntp.auth.KeyType;
import org.jntp.auth.NtpMac;
import org.jntp.auth.SymmetricKey;
import org.jntp.protocol.control.Association;
import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.ControlOpcode;

/**
 * ntpq: runs the commands of the command line against each host, or else reads commands from
 * standard input for the first host (with the {@code ntpq>} prompt on a terminal or with
 * {@code -i}), as ntpd 4.2.8's ntpq does.
 */
public final class NtpqShell {
    private static final int NTP_PORT = 123;
    private static final int MAX_ARGS = 4;
    private static final int SCREEN_WIDTH = 76;
    private static final String PROMPT = "ntpq> ";
    /** Digits of a key ID typed at {@code Keyid: } that are read; ntpq reads 19 characters. */
    private static final int MAX_KEY_DIGITS = 9;

    private final NtpqEnvironment env;
    private final NtpqOptions options;
    private final String version;
    private final boolean multipleHosts;
    /** ntpq's {@code currenthostisnum}: the current host was given as an address. */
    private boolean currentHostIsNumber;
    /** ntpq's {@code maxhostlen}: the widest host seen by the peer tables so far. */
    private int maxHostLength;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private PrintStream out;
    private Optional<ControlSession> session = Optional.empty();
    private List<Association> associations = List.of();
    private boolean showHostNames;
    private boolean rawMode;
    /** Whether commands come from the {@code ntpq>} prompt (ntpq's {@code interactive}). */
    private boolean prompting;
    /** ntpq's {@code drefid}: peers shows reference IDs as hashes, as apeers does. */
    private boolean refidHash;
    private boolean quit;
    private int debug;
    private int packetVersion = 2;
    private long delayMillis = 20;
    private Duration timeout = ControlSession.DEFAULT_TIMEOUT;
    private int authKeyId;
    private KeyType authKeyType = KeyType.MD5;
    private final Map<Integer, SymmetricKey> passwords = new HashMap<>();
    private boolean alwaysAuth;

    private NtpqShell(NtpqEnvironment env, NtpqOptions options, String version) {
        this.env = env;
        this.options = options;
        this.version = version;
        this.out = env.out();
        this.multipleHosts = options.hosts().size() > 1;
        this.showHostNames = !options.numeric();
        this.debug = options.debug();
        this.refidHash = options.refidHash();
    }

    /** Runs ntpq with a command line; returns the exit status. */
    public static int run(List<String> args, NtpqEnvironment env, String version) {
        return switch (NtpqOptions.parse(args, version)) {
            case NtpqOptions.Parse.Print print -> {
                env.out().print(print.text());
                yield 0;
            }
            case NtpqOptions.Parse.Error error -> {
                env.err().print(error.message());
                yield 1;
            }
            case NtpqOptions.Parse.Ok ok -> {
                NtpqShell shell = new NtpqShell(env, ok.options(), version);
                shell.run();
                shell.closeHost();
                yield 0;
            }
        };
    }

    private void run() {
        List<String> commands = options.commands();
        if (!commands.isEmpty()) {
            for (int h = 0; h < options.hosts().size() && !quit; h++) {
                NtpqOptions.Host host = options.hosts().get(h);
                if (!openHost(host.name(), host.family())) {
                    continue;
                }
                if (h > 0) {
                    out.println();
                }
                for (int c = 0; c < commands.size() && !quit; c++) {
                    if (c > 0) {
                        out.println();
                    }
                    execute(commands.get(c));
                }
            }
            return;
        }
        NtpqOptions.Host first = options.hosts().getFirst();
        openHost(first.name(), first.family());
        boolean prompt = options.interactive() || env.terminal();
        prompting = prompt;
        while (!quit) {
            if (prompt) {
                out.print(PROMPT);
                out.flush();
            }
            String line;
            try {
                line = env.in().readLine();
            } catch (IOException e) {
                return;
            }
            if (line == null) {
                return;
            }
            execute(line);
        }
    }

    /** {@code docmd}: one command line. */
    void execute(String line) {
        List<String> tokens = tokenize(line);
        if (tokens.isEmpty()) {
            return;
        }
        String keyword = tokens.getFirst();
        boolean silent = keyword.startsWith("~");
        if (silent) {
            keyword = keyword.substring(1);
        }
        List<Command> matches = find(keyword);
        if (matches.isEmpty()) {
            env.err().println("***Command `" + keyword + "' unknown");
            return;
        }
        if (matches.size() > 1) {
            env.err().println("***Command `" + keyword + "' ambiguous");
            return;
        }
        Command command = matches.getFirst();
        for (int i = MAX_ARGS + 1; i < tokens.size(); i++) {
            env.err().println("***Extra arg `" + tokens.get(i) + "' ignored");
        }
        List<Command.Arg> args = new ArrayList<>();
        int i = 0;
        for (; i < command.args().size(); i++) {
            Command.Param param = command.args().get(i);
            if (i + 1 >= tokens.size()) {
                if (!param.optional()) {
                    env.err().println(command.usage());
                    return;
                }
                break;
            }
            String token = tokens.get(i + 1);
            if (param.optional() && token.startsWith(">")) {
                break;
            }
            Optional<Command.Arg> arg = argument(token, param.type());
            if (arg.isEmpty()) {
                return;
            }
            args.add(arg.get());
        }
        i++;
        PrintStream previous = out;
        PrintStream redirected = null;
        if (i < tokens.size() && tokens.get(i).startsWith(">")) {
            String file = tokens.get(i).length() > 1 ? tokens.get(i).substring(1) : i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (file == null) {
                env.err().println("***No file for redirect");
                return;
            }
            try {
                redirected = new PrintStream(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                env.err().println("***Error opening " + file + ": " + e.getMessage());
                return;
            }
        } else if (silent) {
            redirected = new PrintStream(PrintStream.nullOutputStream());
        }
        if (redirected != null) {
            out = redirected;
        }
        try {
            command.handler().run(this, args);
        } finally {
            out.flush();
            if (redirected != null) {
                redirected.close();
                out = previous;
            }
        }
    }

    /** {@code tokenize}: words split at spaces and tabs, a quoted word kept whole, the rest of a {@code :} command's line one word. */
    static List<String> tokenize(String line) {
        List<String> tokens = new ArrayList<>();
        int at = 0;
        int end = line.length();
        while (true) {
            while (at < end && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
                at++;
            }
            if (at >= end || line.charAt(at) == '\n' || line.charAt(at) == '\r') {
                return tokens;
            }
            StringBuilder token = new StringBuilder();
            if (tokens.size() == 1 && tokens.getFirst().startsWith(":")) {
                while (at < end && line.charAt(at) != '\n' && line.charAt(at) != '\r') {
                    token.append(line.charAt(at++));
                }
            } else if (line.charAt(at) == '"') {
                at++;
                while (at < end && line.charAt(at) != '"' && line.charAt(at) != '\n' && line.charAt(at) != '\r') {
                    token.append(line.charAt(at++));
                }
            } else {
                do {
                    token.append(line.charAt(at++));
                } while (at < end && " \t\"\r\n".indexOf(line.charAt(at)) < 0);
            }
            tokens.add(token.toString());
        }
    }

    /** {@code findcmd}: the command of that name, else every command it is a prefix of. */
    private static List<Command> find(String keyword) {
        List<Command> matches = new ArrayList<>();
        for (Command command : NtpqCommands.ALL) {
            if (command.keyword().equals(keyword)) {
                return List.of(command);
            }
            if (command.keyword().startsWith(keyword)) {
                matches.add(command);
            }
        }
        return matches;
    }

    /** {@code getarg}. */
    private Optional<Command.Arg> argument(String token, Command.Type type) {
        return switch (type) {
            case TEXT -> Optional.of(new Command.Arg.Text(token));
            case UNSIGNED -> {
                if (token.startsWith("&")) {
                    var index = NtpqIntegers.parseUnsigned(token.substring(1));
                    if (index.isEmpty()) {
                        env.err().println("***Association index `" + token + "' invalid/undecodable");
                        yield Optional.empty();
                    }
                    if (associations.isEmpty()) {
                        fetchAssociations();
                        if (associations.isEmpty()) {
                            env.err().println("***No associations found, `" + token + "' unknown");
                            yield Optional.empty();
                        }
                    }
                    int n = (int) Math.max(1, Math.min(index.getAsLong(), associations.size()));
                    yield Optional.of(new Command.Arg.Number(associations.get(n - 1).associationId()));
                }
                var value = NtpqIntegers.parseUnsigned(token);
                if (value.isEmpty()) {
                    env.err().println("***Illegal unsigned value " + token);
                    yield Optional.empty();
                }
                yield Optional.of(new Command.Arg.Number(value.getAsLong()));
            }
            case SIGNED -> {
                var value = NtpqIntegers.parseSigned(token);
                if (value.isEmpty()) {
                    env.err().println("***Illegal integer value " + token);
                    yield Optional.empty();
                }
                yield Optional.of(new Command.Arg.Number(value.getAsLong()));
            }
            case IP_VERSION -> {
                if (token.equals("-4") || token.equals("-6")) {
                    yield Optional.of(new Command.Arg.Number(token.equals("-4") ? 4 : 6));
                }
                env.err().println("***Version must be either 4 or 6");
                yield Optional.empty();
            }
        };
    }

    // ---- state the commands use ----

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return env.err();
    }

    String version() {
        return version;
    }

    Display display() {
        return new Display(showHostNames, options.wide(), env.hostNames(), env.zone(), env.clock().get());
    }

    boolean rawMode() {
        return rawMode;
    }

    void rawMode(boolean raw) {
        rawMode = raw;
    }

    boolean showHostNames() {
        return showHostNames;
    }

    void showHostNames(boolean show) {
        showHostNames = show;
    }

    int debug() {
        return debug;
    }

    void debug(int level) {
        debug = level;
    }

    Duration timeout() {
        return timeout;
    }

    void timeout(Duration timeout) {
        this.timeout = timeout;
        session.ifPresent(s -> s.timeout(timeout));
    }

    long delayMillis() {
        return delayMillis;
    }

    void delayMillis(long millis) {
        delayMillis = millis;
    }

    int packetVersion() {
        return packetVersion;
    }

    void packetVersion(int version) {
        packetVersion = version;
        session.ifPresent(s -> s.version(version));
    }

    boolean oldReadvar() {
        return options.oldReadvar();
    }

    /** Whether commands come from the {@code ntpq>} prompt, as ntpq's {@code interactive} says. */
    boolean prompting() {
        return prompting;
    }

    /** Whether peers shows reference IDs as hashes ({@code drefid hash}, {@code -r hash}). */
    boolean refidHash() {
        return refidHash;
    }

    /** Sets {@link #refidHash()}. */
    void refidHash(boolean hash) {
        refidHash = hash;
    }

    /** {@code --json}: whether peers, readvar and sysinfo print JSON. */
    boolean json() {
        return options.json();
    }

    void quit() {
        quit = true;
    }

    Map<String, String> variables() {
        return variables;
    }

    List<Association> associations() {
        return associations;
    }

    Optional<String> currentHost() {
        return session.map(ControlSession::host);
    }

    /** {@code doquery}: a request to the current host; empty (and said why) on failure. */
    Optional<Answer> query(ControlOpcode opcode, int associationId, String data) {
        return query(opcode, associationId, data, false);
    }

    /**
     * {@code doquery} with ntpq's {@code auth}: a request to the current host, signed when
     * {@code authenticate} says (as ntpq does for {@code :config}, {@code writevar},
     * {@code saveconfig}, {@code ifstats} and {@code reslist}) or {@code authenticate yes} was given;
     * empty (and said why) on failure.
     */
    Optional<Answer> query(ControlOpcode opcode, int associationId, String data, boolean authenticate) {
        if (session.isEmpty()) {
            env.err().println("***No host open, use `host' command");
            return Optional.empty();
        }
        byte[] octets = data.getBytes(StandardCharsets.ISO_8859_1);
        if (octets.length > ControlHeader.MAX_DATA_LENGTH) {
            env.err().println("***Internal error!  qsize (" + octets.length + ") too large");
            return Optional.empty();
        }
        return switch (signing(authenticate)) {
            case Signing.Unsigned unsigned -> session.get().query(opcode, associationId, octets, Optional.empty());
            case Signing.Signed signed -> session.get().query(opcode, associationId, octets, Optional.of(signed.key()));
            case Signing.Refused refused -> Optional.empty();
        };
    }

    /**
     * {@code doqueryex} with {@code quiet}: a request to the current host whose failure the caller
     * handles; empty (and said why) when no host is open.
     */
    Optional<ControlSession.Outcome> exchange(ControlOpcode opcode, String data) {
        if (session.isEmpty()) {
            env.err().println("***No host open, use `host' command");
            return Optional.empty();
        }
        byte[] octets = data.getBytes(StandardCharsets.ISO_8859_1);
        return switch (signing(false)) {
            case Signing.Unsigned unsigned -> Optional.of(session.get().exchange(opcode, 0, octets, Optional.empty()));
            case Signing.Signed signed -> Optional.of(session.get().exchange(opcode, 0, octets, Optional.of(signed.key())));
            case Signing.Refused refused -> Optional.empty();
        };
    }

    /** How a request is sent: unsigned, signed with a key, or not at all (ntpq has said why). */
    private sealed interface Signing {
        record Unsigned() implements Signing {}

        record Signed(SymmetricKey key) implements Signing {}

        record Refused() implements Signing {}
    }

    /**
     * How {@code sendrequest} signs: unsigned for a request that needs no key; else with the key,
     * asked for on the terminal when no key ID or password is set; refused, having said why, when
     * none was given.
     */
    private Signing signing(boolean authenticate) {
        if (!authenticate && !alwaysAuth) {
            return new Signing.Unsigned();
        }
        if (authKeyId == 0) {
            long keyId = leadingNumber(prompt("Keyid: ", false));
            if (keyId == 0 || keyId > SymmetricKey.MAX_KEY_ID) {
                env.err().println("Invalid key identifier");
                return new Signing.Refused();
            }
            authKeyId = (int) keyId;
        }
        if (!passwords.containsKey(authKeyId)) {
            String password = prompt(authKeyType.text() + " Password: ", true);
            if (password.isEmpty()) {
                env.err().println("Invalid password");
                return new Signing.Refused();
            }
            password(password);
        }
        SymmetricKey key = passwords.get(authKeyId);
        if (key.type().digestLength() != authKeyType.digestLength()) {
            int expected = authKeyType.digestLength();
            env.err().println((key.type().digestLength() + NtpMac.KEY_ID_LENGTH) + " octet MAC, "
                    + (expected + NtpMac.KEY_ID_LENGTH) + " expected with " + expected + " octet digest");
            return new Signing.Refused();
        }
        return new Signing.Signed(key);
    }

    /**
     * A line typed on the terminal, not echoed when secret; without a terminal, read from standard
     * input after the prompt on standard error, as ntpq's {@code getkeyid} and the C library's
     * {@code getpass} fall back to. Empty at the end of input.
     */
    String prompt(String prompt, boolean secret) {
        Console console = env.terminal() ? System.console() : null;
        if (console != null) {
            if (secret) {
                char[] typed = console.readPassword("%s", prompt);
                return typed == null ? "" : new String(typed);
            }
            String line = console.readLine("%s", prompt);
            return line == null ? "" : line;
        }
        env.err().print(prompt);
        env.err().flush();
        try {
            String line = env.in().readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            return "";
        }
    }

    /** C's {@code atoi} as {@code getkeyid} uses it: the digits after leading blanks, 0 without any. */
    static long leadingNumber(String text) {
        String rest = text.stripLeading();
        int end = 0;
        while (end < rest.length() && end < MAX_KEY_DIGITS && Character.isDigit(rest.charAt(end))
                && rest.charAt(end) < 128) {
            end++;
        }
        return end == 0 ? 0 : Long.parseLong(rest.substring(0, end));
    }

    int authKeyId() {
        return authKeyId;
    }

    void authKeyId(int keyId) {
        authKeyId = keyId;
    }

    KeyType authKeyType() {
        return authKeyType;
    }

    void authKeyType(KeyType type) {
        authKeyType = type;
    }

    /** {@code authusekey}: the password, as typed, becomes the key of the key ID set, with the key type set. */
    void password(String password) {
        passwords.put(authKeyId, new SymmetricKey(authKeyId, authKeyType, password.getBytes(StandardCharsets.UTF_8)));
    }

    boolean alwaysAuth() {
        return alwaysAuth;
    }

    void alwaysAuth(boolean always) {
        alwaysAuth = always;
    }

    /** ntpq's messages for an exchange that failed; the answer of one that did not. */
    Optional<Answer> report(ControlSession.Outcome outcome) {
        return session.flatMap(s -> s.report(outcome, 0));
    }

    /** {@code dogetassoc}: reads the association list into the cache; false when there is none. */
    boolean fetchAssociations() {
        Optional<Answer> answer = query(ControlOpcode.READSTAT, 0, "");
        if (answer.isEmpty()) {
            return false;
        }
        byte[] payload = answer.get().payload();
        if (payload.length == 0) {
            out.println(serverPrefix() + "No association ID's returned");
            return false;
        }
        if (payload.length % Association.LENGTH != 0) {
            env.err().println(serverPrefix() + "***Server returned " + payload.length + " octets, should be multiple of 4");
            return false;
        }
        List<Association> list = new ArrayList<>(Association.decode(payload));
        list.sort(Comparator.comparingInt(Association::associationId));
        associations = List.copyOf(list);
        return true;
    }

    /** {@code server=HOST } before output when several hosts are asked. */
    /**
     * The peer tables' {@code server (local)} column when several hosts are asked, as ntpq's
     * {@code dopeers} sizes it: the widest of the hosts' names (or addresses, with -n) seen so far.
     */
    Optional<PeerLine.ServerColumn> serverColumn(Optional<PeerLine.Family> family) {
        if (!multipleHosts) {
            return Optional.empty();
        }
        Display display = display();
        for (NtpqOptions.Host host : options.hosts()) {
            hostAddress(host.name(), family).ifPresent(address ->
                    maxHostLength = Math.max(maxHostLength, display.host(new NetAddress(address, NTP_PORT)).length()));
        }
        return Optional.of(new PeerLine.ServerColumn(maxHostLength, currentHost().orElse(""), currentHostIsNumber));
    }

    /** {@code getnetnum}: a host's address, literal or looked up, of the family asked for if any. */
    private Optional<InetAddress> hostAddress(String name, Optional<PeerLine.Family> family) {
        Optional<NetAddress> literal = NetAddress.parse(name);
        if (literal.isPresent()) {
            return Optional.of(literal.get().address());
        }
        try {
            return env.resolver().resolve(name).stream()
                    .filter(a -> family.isEmpty() || family.get() == (a instanceof Inet4Address
                            ? PeerLine.Family.IPV4 : PeerLine.Family.IPV6))
                    .findFirst();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    String serverPrefix() {
        return multipleHosts ? "server=" + currentHost().orElse("") + " " : "";
    }

    /** {@code openhost}: resolves the host and opens a conversation with it. */
    boolean openHost(String name, Optional<PeerLine.Family> family) {
        String host = name;
        int port = NTP_PORT;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                env.err().println("ntpq: bad hostname/address");
                return false;
            }
            String rest = host.substring(close + 1);
            host = host.substring(1, close);
            if (rest.startsWith(":") && NtpqIntegers.parseUnsigned(rest.substring(1)).orElse(0x10000) <= 0xFFFF) {
                port = Integer.parseInt(rest.substring(1));
            }
        } else if (host.indexOf(':') > 0 && host.indexOf(':') == host.lastIndexOf(':')
                && NtpqIntegers.parseUnsigned(host.substring(host.indexOf(':') + 1)).orElse(0x10000) <= 0xFFFF) {
            port = Integer.parseInt(host.substring(host.indexOf(':') + 1));
            host = host.substring(0, host.indexOf(':'));
        }
        Optional<NetAddress> literal = NetAddress.parse(host);
        InetAddress address;
        String shownName;
        if (literal.isPresent()) {
            address = literal.get().address();
            shownName = literal.get().text();
        } else {
            try {
                Optional<InetAddress> found = env.resolver().resolve(host).stream()
                        .filter(a -> family.isEmpty() || family.get() == (a instanceof Inet4Address
                                ? PeerLine.Family.IPV4 : PeerLine.Family.IPV6))
                        .findFirst();
                if (found.isEmpty()) {
                    env.err().println("Address family for hostname not supported");
                    return false;
                }
                address = found.get();
            } catch (UnknownHostException e) {
                env.err().println("Name or service not known");
                return false;
            }
            shownName = host;
        }
        ControlTransport transport;
        try {
            transport = env.transports().open(new InetSocketAddress(address, port));
        } catch (IOException e) {
            env.err().println("ntpq: connect: " + e.getMessage());
            return false;
        }
        closeHost();
        currentHostIsNumber = literal.isPresent();
        ControlSession opened = new ControlSession(transport, shownName, env.err());
        opened.timeout(timeout);
        opened.version(packetVersion);
        opened.prefixServer(multipleHosts);
        session = Optional.of(opened);
        associations = List.of();
        return true;
    }

    private void closeHost() {
        session.ifPresent(ControlSession::close);
        session = Optional.empty();
    }

    /** {@code help}: the commands in columns, or one command's use. */
    void help(Optional<String> command) {
        if (command.isEmpty()) {
            List<String> words = new ArrayList<>();
            for (Command c : NtpqCommands.ALL) {
                if (!c.keyword().equals("?")) {
                    words.add(c.keyword());
                }
            }
            words.sort(Comparator.naturalOrder());
            int column = words.stream().mapToInt(String::length).max().orElse(0) + 1;
            int columns = SCREEN_WIDTH / column;
            int rows = (words.size() + columns - 1) / columns;
            out.println("ntpq commands:");
            for (int row = 0; row < rows; row++) {
                StringBuilder line = new StringBuilder();
                for (int word = row; word < words.size(); word += rows) {
                    line.append(String.format(Locale.ROOT, "%-" + column + "s", words.get(word)));
                }
                out.println(line);
            }
            return;
        }
        List<Command> matches = find(command.get());
        if (matches.isEmpty()) {
            env.err().println("Command `" + command.get() + "' is unknown");
        } else if (matches.size() > 1) {
            env.err().println("Command `" + command.get() + "' is ambiguous");
        } else {
            out.println("function: " + matches.getFirst().comment());
            out.println(matches.getFirst().usage());
        }
    }
}
