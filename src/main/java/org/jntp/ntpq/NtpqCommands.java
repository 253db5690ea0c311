package org.jntp.ntpq;

import static org.jntp.ntpq.Command.Type.IP_VERSION;
import static org.jntp.ntpq.Command.Type.SIGNED;
import static org.jntp.ntpq.Command.Type.TEXT;
import static org.jntp.ntpq.Command.Type.UNSIGNED;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jntp.auth.KeyType;
import org.jntp.auth.SymmetricKey;
import org.jntp.protocol.control.Association;
import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.ControlOpcode;

/** The commands this ntpq knows, with ntpd 4.2.8's names, arguments, help texts and output. */
final class NtpqCommands {
    private static final long MAX_ASSOCIATION_ID = 0xFFFF;
    private static final Pattern SYNTAX_ERROR = Pattern.compile("column (\\d{1,9}) syntax error");
    /** sysinfo's table: its variables are also what {@code --json} prints for it. */
    private static final SummaryTable SYSTEM_INFO = SummaryTable.systemInfo();

    private NtpqCommands() {}

    private static Command.Param optional(Command.Type type, String description) {
        return new Command.Param(type, true, description);
    }

    private static Command.Param required(Command.Type type, String description) {
        return new Command.Param(type, false, description);
    }

    private static Command command(String keyword, String comment, Command.Handler handler, Command.Param... args) {
        return new Command(keyword, List.of(args), comment, handler);
    }

    /** Every command, in ntpq's order: the built-ins, then the operations. */
    static final List<Command> ALL = List.of(
            command("?", "tell the use and syntax of commands", NtpqCommands::help, optional(TEXT, "command")),
            command("help", "tell the use and syntax of commands", NtpqCommands::help, optional(TEXT, "command")),
            command("timeout", "set the primary receive time out", NtpqCommands::timeout, optional(UNSIGNED, "msec")),
            command("delay", "set the delay added to encryption time stamps", NtpqCommands::delay, optional(SIGNED, "msec")),
            command("host", "specify the host whose NTP server we talk to", NtpqCommands::host,
                    optional(TEXT, "-4|-6"), optional(TEXT, "hostname")),
            command("poll", "poll an NTP server in client mode `n' times",
                    (shell, args) -> shell.out().println("poll not implemented yet"),
                    optional(UNSIGNED, "n"), optional(TEXT, "verbose")),
            command("passwd", "set password to use for authenticated requests", NtpqCommands::passwd,
                    optional(TEXT, "")),
            command("hostnames", "specify whether hostnames or net numbers are printed", NtpqCommands::hostnames,
                    optional(TEXT, "yes|no")),
            command("debug", "set/change debugging level", NtpqCommands::debug, optional(TEXT, "no|more|less")),
            command("quit", "exit ntpq", (shell, args) -> shell.quit()),
            command("exit", "exit ntpq", (shell, args) -> shell.quit()),
            command("keyid", "set keyid to use for authenticated requests", NtpqCommands::keyid,
                    optional(UNSIGNED, "key#")),
            command("version", "print version number", (shell, args) -> shell.out().println("ntpq " + shell.version())),
            command("raw", "do raw mode variable output", (shell, args) -> {
                shell.rawMode(true);
                shell.out().println("Output set to raw");
            }),
            command("cooked", "do cooked mode variable output", (shell, args) -> {
                shell.rawMode(false);
                shell.out().println("Output set to cooked");
            }),
            command("authenticate", "always authenticate requests to this server", NtpqCommands::authenticate,
                    optional(TEXT, "yes|no")),
            command("ntpversion", "set the NTP version number to use for requests", NtpqCommands::ntpversion,
                    optional(UNSIGNED, "version number")),
            command("keytype", "set key type to use for authenticated requests, one of: AES128CMAC, MD5, SHA1",
                    NtpqCommands::keytype, optional(TEXT, "digest-name")),
            command("associations", "print list of association ID's and statuses for the server's peers",
                    (shell, args) -> associations(shell, true, false)),
            command("passociations", "print list of associations returned by last associations command",
                    (shell, args) -> associations(shell, false, false)),
            command("lassociations", "print list of associations including all client information",
                    (shell, args) -> associations(shell, true, true)),
            command("lpassociations", "print last obtained list of associations, including client information",
                    (shell, args) -> associations(shell, false, true)),
            command("addvars", "add variables to the variable list or change their values",
                    (shell, args) -> addVariables(shell.variables(), text(args, 0)), required(TEXT, "name[=value][,...]")),
            command("rmvars", "remove variables from the variable list", NtpqCommands::removeVariables,
                    required(TEXT, "name[,...]")),
            command("clearvars", "remove all variables from the variable list", (shell, args) -> shell.variables().clear()),
            command("showvars", "print variables on the variable list", NtpqCommands::showVariables),
            command("readlist", "read the system or peer variables included in the variable list",
                    NtpqCommands::readList, optional(UNSIGNED, "assocID")),
            command("rl", "read the system or peer variables included in the variable list",
                    NtpqCommands::readList, optional(UNSIGNED, "assocID")),
            command("readvar", "read system or peer variables", NtpqCommands::readVar, optional(UNSIGNED, "assocID"),
                    optional(TEXT, "varname1"), optional(TEXT, "varname2"), optional(TEXT, "varname3")),
            command("rv", "read system or peer variables", NtpqCommands::readVar, optional(UNSIGNED, "assocID"),
                    optional(TEXT, "varname1"), optional(TEXT, "varname2"), optional(TEXT, "varname3")),
            command(":config", "send a remote configuration command to ntpd", NtpqCommands::config,
                    required(TEXT, "<configuration command line>")),
            command("config-from-file", "configure ntpd using the configuration filename",
                    NtpqCommands::configFromFile, required(TEXT, "<configuration filename>")),
            command("saveconfig", "save ntpd configuration to file, . for current config file",
                    NtpqCommands::saveConfig, required(TEXT, "filename")),
            command("writelist", "write the system or peer variables included in the variable list",
                    NtpqCommands::writeList, optional(UNSIGNED, "assocID")),
            command("writevar", "write system or peer variables", NtpqCommands::writeVar,
                    required(UNSIGNED, "assocID"), required(TEXT, "name=value,[...]")),
            command("mreadlist", "read the peer variables in the variable list for multiple peers",
                    (shell, args) -> multipleRead(shell, args, false),
                    required(UNSIGNED, "assocIDlow"), required(UNSIGNED, "assocIDhigh")),
            command("mrl", "read the peer variables in the variable list for multiple peers",
                    (shell, args) -> multipleRead(shell, args, false),
                    required(UNSIGNED, "assocIDlow"), required(UNSIGNED, "assocIDhigh")),
            command("mreadvar", "read peer variables from multiple peers", (shell, args) -> multipleRead(shell, args, true),
                    required(UNSIGNED, "assocIDlow"), required(UNSIGNED, "assocIDhigh"), optional(TEXT, "name=value[,...]")),
            command("mrv", "read peer variables from multiple peers", (shell, args) -> multipleRead(shell, args, true),
                    required(UNSIGNED, "assocIDlow"), required(UNSIGNED, "assocIDhigh"), optional(TEXT, "name=value[,...]")),
            command("clocklist", "read the clock variables included in the variable list", NtpqCommands::clockList,
                    optional(UNSIGNED, "assocID")),
            command("cl", "read the clock variables included in the variable list", NtpqCommands::clockList,
                    optional(UNSIGNED, "assocID")),
            command("clockvar", "read clock variables", NtpqCommands::clockVar, optional(UNSIGNED, "assocID"),
                    optional(TEXT, "name=value[,...]")),
            command("cv", "read clock variables", NtpqCommands::clockVar, optional(UNSIGNED, "assocID"),
                    optional(TEXT, "name=value[,...]")),
            command("pstats", "show statistics for a peer", NtpqCommands::peerStats, required(UNSIGNED, "assocID")),
            command("peers", "obtain and print a list of the server's peers [IP version]",
                    (shell, args) -> peers(shell, args, shell.refidHash() ? PeerList.APEERS : PeerList.PEERS, false),
                    optional(IP_VERSION, "-4|-6")),
            command("drefid", "display refid's as IPv4 or hash", NtpqCommands::drefid, optional(TEXT, "hash|ipv4")),
            command("apeers", "obtain and print a list of the server's peers and their assocIDs [IP version]",
                    (shell, args) -> peers(shell, args, PeerList.APEERS, false), optional(IP_VERSION, "-4|-6")),
            command("lpeers", "obtain and print a list of all peers and clients [IP version]",
                    (shell, args) -> peers(shell, args, PeerList.PEERS, true), optional(IP_VERSION, "-4|-6")),
            command("opeers", "print peer list the old way, with dstadr shown rather than refid [IP version]",
                    (shell, args) -> peers(shell, args, PeerList.OPEERS, false), optional(IP_VERSION, "-4|-6")),
            command("lopeers", "obtain and print a list of all peers and clients showing dstadr [IP version]",
                    (shell, args) -> peers(shell, args, PeerList.OPEERS, true), optional(IP_VERSION, "-4|-6")),
            command("mrulist", "display the list of most recently seen source addresses, tags mincount=... resall=0x... resany=0x...",
                    (shell, args) -> MruList.run(shell, args.stream().map(a -> ((Command.Arg.Text) a).value()).toList()),
                    optional(TEXT, "tag=value"), optional(TEXT, "tag=value"), optional(TEXT, "tag=value"),
                    optional(TEXT, "tag=value")),
            command("ifstats", "show statistics for each local address ntpd is using",
                    (shell, args) -> orderedList(shell, "", InterfaceTable::format)),
            command("reslist", "show ntpd access control list",
                    (shell, args) -> orderedList(shell, "addr_restrictions", RestrictionList::format)),
            command("sysinfo", "display system summary", (shell, args) -> summary(shell, 0, SYSTEM_INFO)),
            command("kerninfo", "display kernel loop and PPS statistics",
                    (shell, args) -> summary(shell, 0, SummaryTable.kernelInfo())),
            command("sysstats", "display system uptime and packet counts",
                    (shell, args) -> summary(shell, 0, SummaryTable.systemStats())),
            command("monstats", "display monitor (mrulist) counters and limits",
                    (shell, args) -> summary(shell, 0, SummaryTable.monitorStats())),
            command("authinfo", "display symmetric authentication counters",
                    (shell, args) -> summary(shell, 0, SummaryTable.authInfo())),
            command("iostats", "display network input and output counters",
                    (shell, args) -> summary(shell, 0, SummaryTable.ioStats())),
            command("timerstats", "display interval timer counters",
                    (shell, args) -> summary(shell, 0, SummaryTable.timerStats())));

    private static String text(List<Command.Arg> args, int index) {
        return ((Command.Arg.Text) args.get(index)).value();
    }

    private static long number(List<Command.Arg> args, int index) {
        return ((Command.Arg.Number) args.get(index)).value();
    }

    private static void help(NtpqShell shell, List<Command.Arg> args) {
        shell.help(args.isEmpty() ? Optional.empty() : Optional.of(text(args, 0)));
    }

    private static void timeout(NtpqShell shell, List<Command.Arg> args) {
        if (args.isEmpty()) {
            shell.out().println("primary timeout " + shell.timeout().toMillis() + " ms");
        } else {
            shell.timeout(Duration.ofMillis(number(args, 0)));
        }
    }

    private static void delay(NtpqShell shell, List<Command.Arg> args) {
        if (args.isEmpty()) {
            shell.out().println("delay " + shell.delayMillis() + " ms");
        } else {
            shell.delayMillis(number(args, 0));
        }
    }

    private static void host(NtpqShell shell, List<Command.Arg> args) {
        if (args.isEmpty()) {
            shell.out().println(shell.currentHost().map(h -> "current host is " + h).orElse("no current host"));
            return;
        }
        Optional<PeerLine.Family> family = Optional.empty();
        String name = text(args, 0);
        if (args.size() == 2) {
            switch (text(args, 0)) {
                case "-4" -> family = Optional.of(PeerLine.Family.IPV4);
                case "-6" -> family = Optional.of(PeerLine.Family.IPV6);
                default -> {
                    shell.out().println(shell.currentHost().map(h -> "current host remains " + h).orElse("still no current host"));
                    return;
                }
            }
            name = text(args, 1);
        }
        if (shell.openHost(name, family)) {
            shell.out().println("current host set to " + shell.currentHost().orElseThrow());
        } else {
            shell.out().println(shell.currentHost().map(h -> "current host remains " + h).orElse("still no current host"));
        }
    }

    private static void hostnames(NtpqShell shell, List<Command.Arg> args) {
        if (args.isEmpty()) {
            shell.out().println(shell.showHostNames() ? "hostnames being shown" : "hostnames not being shown");
            return;
        }
        switch (text(args, 0)) {
            case "yes" -> shell.showHostNames(true);
            case "no" -> shell.showHostNames(false);
            default -> shell.err().println("What?");
        }
    }

    private static void debug(NtpqShell shell, List<Command.Arg> args) {
        if (args.isEmpty()) {
            shell.out().println("debug level is " + shell.debug());
            return;
        }
        switch (text(args, 0)) {
            case "no" -> shell.debug(0);
            case "more" -> shell.debug(shell.debug() + 1);
            case "less" -> shell.debug(shell.debug() - 1);
            default -> {
                shell.out().println("What?");
                return;
            }
        }
        shell.out().println("debug level set to " + shell.debug());
    }

    private static void keyid(NtpqShell shell, List<Command.Arg> args) {
        if (args.isEmpty()) {
            shell.out().println(shell.authKeyId() == 0 ? "no keyid defined" : "keyid is " + shell.authKeyId());
        } else if (number(args, 0) > SymmetricKey.MAX_KEY_ID) {
            // ntpq sets it all the same, and fails at the next signed request; leaving it is kinder
            shell.out().println("Invalid key identifier");
        } else {
            shell.authKeyId((int) number(args, 0));
        }
    }

    private static void keytype(NtpqShell shell, List<Command.Arg> args) {
        if (args.isEmpty()) {
            shell.out().println("keytype is " + shell.authKeyType().text() + " with "
                    + shell.authKeyType().digestLength() + " octet digests");
            return;
        }
        Optional<KeyType> type = KeyType.fromText(text(args, 0));
        if (type.isPresent() && type.get().fullLength() > KeyType.MAX_DIGEST_LENGTH) {
            shell.err().println("key type " + type.get().text() + " " + type.get().fullLength()
                    + " octet digests are too big, max " + KeyType.MAX_DIGEST_LENGTH);
            type = Optional.empty();
        }
        if (type.isEmpty()) {
            shell.out().println("keytype is not valid. Type \"help keytype\" for the available digest types.");
            return;
        }
        shell.authKeyType(type.get());
    }

    private static void passwd(NtpqShell shell, List<Command.Arg> args) {
        if (shell.authKeyId() == 0) {
            long keyId = NtpqShell.leadingNumber(shell.prompt("Keyid: ", false));
            if (keyId == 0 || keyId > SymmetricKey.MAX_KEY_ID) {
                shell.out().println("Keyid must be defined");
                return;
            }
            shell.authKeyId((int) keyId);
        }
        String password = args.isEmpty() ? shell.prompt(shell.authKeyType().text() + " Password: ", true) : text(args, 0);
        if (password.isEmpty()) {
            shell.out().println("Password unchanged");
            return;
        }
        shell.password(password);
    }

    private static void authenticate(NtpqShell shell, List<Command.Arg> args) {
        if (args.isEmpty()) {
            shell.out().println(shell.alwaysAuth() ? "authenticated requests being sent"
                    : "unauthenticated requests being sent");
            return;
        }
        switch (text(args, 0)) {
            case "yes" -> shell.alwaysAuth(true);
            case "no" -> shell.alwaysAuth(false);
            default -> shell.err().println("What?");
        }
    }

    /** {@code showdrefid}: how peers shows reference IDs, asked or set. */
    private static void drefid(NtpqShell shell, List<Command.Arg> args) {
        if (args.isEmpty()) {
            shell.out().println("drefid value is " + (shell.refidHash() ? "hash" : "ipv4"));
            return;
        }
        switch (text(args, 0)) {
            case "hash" -> shell.refidHash(true);
            case "ipv4" -> shell.refidHash(false);
            default -> {
                shell.out().println("What?");
                return;
            }
        }
        shell.out().println("drefid value set to " + (shell.refidHash() ? "hash" : "ipv4"));
    }

    private static void ntpversion(NtpqShell shell, List<Command.Arg> args) {
        if (args.isEmpty()) {
            shell.out().println("NTP version being claimed is " + shell.packetVersion());
        } else if (number(args, 0) < 1 || number(args, 0) > 4) {
            shell.err().println("versions 1 to 4, please");
        } else {
            shell.packetVersion((int) number(args, 0));
        }
    }

    private static void associations(NtpqShell shell, boolean fetch, boolean all) {
        if (!fetch || shell.fetchAssociations()) {
            shell.out().print(AssociationTable.format(shell.associations(), all));
        }
    }

    /** {@code doaddvlist}: names (and values) added to a list, or their values changed. */
    static void addVariables(Map<String, String> list, String text) {
        for (ResponseVariable variable : ResponseVariables.parse(text)) {
            list.put(variable.name(), variable.value());
        }
    }

    private static void removeVariables(NtpqShell shell, List<Command.Arg> args) {
        for (ResponseVariable variable : ResponseVariables.parse(text(args, 0))) {
            if (shell.variables().remove(variable.name()) == null) {
                shell.err().println("Variable `" + variable.name() + "' not found");
            }
        }
    }

    private static void showVariables(NtpqShell shell, List<Command.Arg> args) {
        if (shell.variables().isEmpty()) {
            shell.out().println("No variables on list");
            return;
        }
        shell.variables().forEach((name, value) -> shell.out().println(name + "=" + value));
    }

    /** {@code checkassocid}: 0 stays 0; past 16 bits is refused. */
    private static Optional<Integer> associationId(NtpqShell shell, long value) {
        if (value > MAX_ASSOCIATION_ID) {
            shell.err().println("***Invalid association ID " + value + " specified");
            return Optional.empty();
        }
        return Optional.of((int) value);
    }

    private static void readList(NtpqShell shell, List<Command.Arg> args) {
        associationId(shell, args.isEmpty() ? 0 : number(args, 0))
                .ifPresent(id -> readVariables(shell, shell.variables(), id));
    }

    /**
     * {@code clocklist}: the clock variables on the variable list. Association 0 leaves the choice
     * to the server: ntpd answers for the system peer if it is a reference clock.
     */
    private static void clockList(NtpqShell shell, List<Command.Arg> args) {
        associationId(shell, args.isEmpty() ? 0 : number(args, 0))
                .ifPresent(id -> readVariables(shell, shell.variables(), id, ControlOpcode.READCLOCK, StatusType.CLOCK));
    }

    /** {@code clockvar}: the clock variables named, or the clock's default list; association 0 as {@code clocklist}. */
    private static void clockVar(NtpqShell shell, List<Command.Arg> args) {
        Optional<Integer> id = associationId(shell, args.isEmpty() ? 0 : number(args, 0));
        if (id.isEmpty()) {
            return;
        }
        Map<String, String> list = new LinkedHashMap<>();
        if (args.size() > 1) {
            addVariables(list, text(args, 1));
        }
        readVariables(shell, list, id.get(), ControlOpcode.READCLOCK, StatusType.CLOCK);
    }

    private static void readVar(NtpqShell shell, List<Command.Arg> args) {
        Optional<Integer> id = associationId(shell, args.isEmpty() ? 0 : number(args, 0));
        if (id.isEmpty()) {
            return;
        }
        Map<String, String> list = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            addVariables(list, text(args, i));
        }
        if (shell.json()) {
            variablesAsJson(shell, id.get(), requestData(shell, list));
        } else {
            readVariables(shell, list, id.get());
        }
    }

    /**
     * {@code --json} for readvar and sysinfo: the association, its status word and the variables
     * as the server sent them, values typed as {@link Json#value} does.
     */
    private static void variablesAsJson(NtpqShell shell, int associationId, String request) {
        shell.query(ControlOpcode.READVAR, associationId, request).ifPresent(answer -> {
            Map<String, Object> variables = new LinkedHashMap<>();
            for (ResponseVariable variable : ResponseVariables.parse(answer.payload())) {
                variables.put(variable.name(), Json.value(variable.value()));
            }
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("associd", Json.Number.of(associationId));
            object.put("status", String.format(Locale.ROOT, "%04x", answer.status()));
            object.put("variables", variables);
            shell.out().println(Json.write(object));
        });
    }

    /**
     * {@code writevar}: a signed WRITEVAR with the variables given; ntpd answers with no data
     * when it takes them.
     */
    private static void writeVar(NtpqShell shell, List<Command.Arg> args) {
        Optional<Integer> id = associationId(shell, number(args, 0));
        if (id.isEmpty()) {
            return;
        }
        Map<String, String> list = new LinkedHashMap<>();
        addVariables(list, text(args, 1));
        writeVariables(shell, list, id.get());
    }

    /** {@code writelist}: the variable list (addvars) written, to the system or an association. */
    private static void writeList(NtpqShell shell, List<Command.Arg> args) {
        associationId(shell, args.isEmpty() ? 0 : number(args, 0))
                .ifPresent(id -> writeVariables(shell, shell.variables(), id));
    }

    /** A signed WRITEVAR of the variables; ntpd answers with no data, or with the variables as written. */
    private static void writeVariables(NtpqShell shell, Map<String, String> list, int associationId) {
        Optional<Answer> answer = shell.query(ControlOpcode.WRITEVAR, associationId, requestData(shell, list), true);
        if (answer.isEmpty()) {
            return;
        }
        shell.out().print(shell.serverPrefix());
        byte[] payload = answer.get().payload();
        if (payload.length == 0) {
            shell.out().println("done! (no data returned)");
            return;
        }
        shell.out().print("associd=" + associationId + " ");
        StatusType type = StatusType.of(associationId);
        shell.out().print(shell.rawMode() ? VariablePrinter.raw(payload, answer.get().status(), false)
                : VariablePrinter.cooked(payload, answer.get().status(), type, false, shell.display()));
    }

    /**
     * {@code config}: one line of configuration, signed; the daemon's answer, after a caret under
     * the column a syntax error names: below the typed line at the prompt, else below the line
     * printed again.
     */
    private static void config(NtpqShell shell, List<Command.Arg> args) {
        String line = text(args, 0);
        shell.query(ControlOpcode.CONFIGURE, 0, line, true).ifPresent(answer -> {
            String reply = stripTrailingNewline(new String(answer.payload(), StandardCharsets.ISO_8859_1));
            OptionalLong column = syntaxErrorColumn(reply);
            if (column.isPresent() && column.getAsLong() <= line.length() + 1) {
                // ntpq's marker under "ntpq> :config " at the prompt
                shell.out().print(shell.prompting() ? "             *" : line + "\n");
                shell.out().println("_".repeat((int) column.getAsLong()) + "^");
            }
            shell.out().println(reply);
        });
    }

    /** {@code saveconfig}: the name, signed; the daemon's answer printed as it came, line end and all. */
    private static void saveConfig(NtpqShell shell, List<Command.Arg> args) {
        shell.query(ControlOpcode.SAVECONFIG, 0, text(args, 0), true).ifPresent(answer -> shell.out().print(
                answer.payload().length == 0 ? "(no response message, curiously)"
                        : new String(answer.payload(), StandardCharsets.ISO_8859_1)));
    }

    /** The N of a reply starting {@code column N syntax error}, as ntpq's sscanf reads it. */
    private static OptionalLong syntaxErrorColumn(String reply) {
        Matcher m = SYNTAX_ERROR.matcher(reply);
        return m.lookingAt() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** The text without what ends it at or below a space, as ntpq strips config lines and answers. */
    private static String stripBlanksAndControls(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) <= ' ') {
            end--;
        }
        return text.substring(0, end);
    }

    private static String stripTrailingNewline(String reply) {
        return reply.endsWith("\n") ? reply.substring(0, reply.length() - 1) : reply;
    }

    /**
     * {@code config_from_file}: the file sent a line at a time (comments and trailing blanks cut,
     * empty lines skipped), each answer printed with its line number; sending stops at the first
     * line that gets no answer after two more tries.
     */
    private static void configFromFile(NtpqShell shell, List<Command.Arg> args) {
        String name = text(args, 0);
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(name), StandardCharsets.ISO_8859_1);
        } catch (IOException | InvalidPathException e) {
            shell.out().println("ERROR!! Couldn't open file: " + name);
            return;
        }
        shell.out().println("Sending configuration file, one line at a time.");
        int number = 0;
        for (String raw : lines) {
            number++;
            int hash = raw.indexOf('#');
            String line = stripBlanksAndControls(hash >= 0 ? raw.substring(0, hash) : raw);
            if (line.isEmpty()) {
                continue;
            }
            Optional<Answer> answer = Optional.empty();
            for (int attempt = 0; attempt < 3 && answer.isEmpty(); attempt++) {
                answer = shell.query(ControlOpcode.CONFIGURE, 0, line, true);
            }
            if (answer.isEmpty()) {
                shell.out().println("Line No: " + number + " query failed: " + line);
                shell.out().println("Subsequent lines not sent.");
                return;
            }
            String reply = stripBlanksAndControls(new String(answer.get().payload(), StandardCharsets.ISO_8859_1));
            shell.out().println("Line No: " + number + " " + reply + ": " + line);
        }
        shell.out().println("Done sending file");
    }

    private static boolean readVariables(NtpqShell shell, Map<String, String> list, int associationId) {
        return readVariables(shell, list, associationId, ControlOpcode.READVAR, StatusType.of(associationId));
    }

    /** {@code dolist}: reads variables and prints them; false when the request failed. */
    private static boolean readVariables(NtpqShell shell, Map<String, String> list, int associationId,
            ControlOpcode opcode, StatusType type) {
        boolean quiet = !shell.oldReadvar() && !list.isEmpty();
        Optional<Answer> answer = shell.query(opcode, associationId, requestData(shell, list));
        if (answer.isEmpty()) {
            return false;
        }
        shell.out().print(shell.serverPrefix());
        byte[] payload = answer.get().payload();
        if (payload.length == 0) {
            String clock = type == StatusType.CLOCK ? " clock" : "";
            shell.out().println(associationId == 0 ? "No system" + clock + " variables returned"
                    : "No information returned for" + clock + " association " + associationId);
            return true;
        }
        if (!quiet) {
            shell.out().print("associd=" + associationId + " ");
        }
        int status = answer.get().status();
        shell.out().print(shell.rawMode() ? VariablePrinter.raw(payload, status, quiet)
                : VariablePrinter.cooked(payload, status, type, quiet, shell.display()));
        return true;
    }

    /** {@code makequerydata}: {@code name[=value]} joined by commas, as many as fit a request. */
    private static String requestData(NtpqShell shell, Map<String, String> list) {
        StringBuilder data = new StringBuilder();
        for (Map.Entry<String, String> entry : list.entrySet()) {
            String item = entry.getValue().isEmpty() ? entry.getKey() : entry.getKey() + "=" + entry.getValue();
            if (data.length() + item.length() + (data.isEmpty() ? 0 : 1) > ControlHeader.MAX_DATA_LENGTH) {
                shell.err().println("***Ignoring variables starting with `" + entry.getKey() + "'");
                break;
            }
            data.append(data.isEmpty() ? "" : ",").append(item);
        }
        return data.toString();
    }

    /** {@code mreadlist} and {@code mreadvar}: the variables of every association from one ID to another. */
    private static void multipleRead(NtpqShell shell, List<Command.Arg> args, boolean withList) {
        if (shell.associations().isEmpty()) {
            shell.fetchAssociations();
        }
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long value = number(args, i);
            if (value == 0 || value > MAX_ASSOCIATION_ID) {
                shell.err().println("***Invalid association ID " + value + " specified");
                return;
            }
            ids.add((int) value);
        }
        List<Association> cache = shell.associations();
        int[] index = new int[2];
        for (int i = 0; i < 2; i++) {
            index[i] = -1;
            for (int j = 0; j < cache.size(); j++) {
                if (cache.get(j).associationId() == ids.get(i)) {
                    index[i] = j;
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            if (index[i] < 0) {
                shell.err().println("***Association ID " + ids.get(i) + " not found in list");
                return;
            }
        }
        Map<String, String> list = shell.variables();
        if (withList && args.size() > 2) {
            list = new LinkedHashMap<>();
            addVariables(list, text(args, 2));
        }
        for (int i = Math.min(index[0], index[1]); i <= Math.max(index[0], index[1]); i++) {
            if (!withList && i != Math.min(index[0], index[1])) {
                shell.out().println();
            }
            if (!readVariables(shell, list, cache.get(i).associationId())) {
                return;
            }
        }
    }

    private static void peerStats(NtpqShell shell, List<Command.Arg> args) {
        long value = number(args, 0);
        if (value == 0 || value > MAX_ASSOCIATION_ID) {
            shell.err().println("***Invalid association ID " + value + " specified");
            return;
        }
        summary(shell, (int) value, SummaryTable.peerStats());
    }

    /**
     * {@code ifstats}, {@code reslist}: READ_ORDLIST_A for the list the data names, sent
     * authenticated; the table, or ntpq's message when the rows came out of order.
     */
    private static void orderedList(NtpqShell shell, String data,
            Function<List<ResponseVariable>, OrderedListing> table) {
        shell.query(ControlOpcode.READ_ORDLIST_A, 0, data, true).ifPresent(answer -> {
            OrderedListing listing = table.apply(ResponseVariables.parse(answer.payload()));
            shell.out().print(listing.out());
            listing.abort().ifPresent(message -> shell.err().println(message));
        });
    }

    private static void summary(NtpqShell shell, int associationId, SummaryTable table) {
        if (shell.json() && table == SYSTEM_INFO) {
            variablesAsJson(shell, associationId, table.request());
            return;
        }
        shell.query(ControlOpcode.READVAR, associationId, table.request()).ifPresent(answer -> shell.out().print(
                table.format(associationId, answer.status(), answer.payload(), shell.display())));
    }

    /** {@code dopeers}, {@code doapeers}, {@code doopeers}. */
    private static void peers(NtpqShell shell, List<Command.Arg> args, PeerList list, boolean all) {
        Optional<PeerLine.Family> family = args.isEmpty() ? Optional.empty()
                : Optional.of(number(args, 0) == 6 ? PeerLine.Family.IPV6 : PeerLine.Family.IPV4);
        if (!shell.fetchAssociations()) {
            return;
        }
        if (shell.json()) {
            peersAsJson(shell, list, all, family);
            return;
        }
        Optional<PeerLine.ServerColumn> column = shell.serverColumn(family);
        column.ifPresent(server -> {
            String title = list == PeerList.OPEERS ? "server" : "server (local)";
            String shown = title.length() > server.width() ? title.substring(0, server.width()) : title;
            shell.out().print(shown + " ".repeat(server.width() - shown.length() + 1));
        });
        shell.out().println(list.header());
        column.ifPresent(server -> shell.out().print("=".repeat(server.width() + 1)));
        shell.out().println(PeerList.RULE);
        for (Association association : shell.associations()) {
            if (!all && !AssociationTable.shown(association.status())) {
                continue;
            }
            int id = association.associationId();
            Optional<Answer> answer = shell.query(ControlOpcode.READVAR, id, "");
            if (answer.isEmpty()) {
                return;
            }
            if (answer.get().payload().length == 0) {
                shell.err().println(shell.serverPrefix() + "***No information returned for association " + id);
                return;
            }
            PeerLine.format(list, id, answer.get().status(), answer.get().payload(), family, shell.display(), column)
                    .ifPresent(shell.out()::print);
        }
    }

    /** {@code --json} for the peer tables: an array of {@link PeerLine#json} objects. */
    private static void peersAsJson(NtpqShell shell, PeerList list, boolean all, Optional<PeerLine.Family> family) {
        List<Object> rows = new ArrayList<>();
        for (Association association : shell.associations()) {
            if (!all && !AssociationTable.shown(association.status())) {
                continue;
            }
            int id = association.associationId();
            Optional<Answer> answer = shell.query(ControlOpcode.READVAR, id, "");
            if (answer.isEmpty()) {
                return;
            }
            PeerLine.json(list, id, answer.get().status(), answer.get().payload(), family, shell.display())
                    .ifPresent(rows::add);
        }
        shell.out().println(Json.write(rows));
    }
}
