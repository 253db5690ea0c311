package org.jntp.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jntp.server.access.RestrictRule;

/**
 * Parses ntp.conf into an {@link NtpConfig}, following ntpd's lexical rules (see {@link Lexer}).
 * Keywords are case-sensitive, as in ntpd; a keyword written in another case is reported with its
 * lower-case spelling. Every problem is collected, with file, line and a fix; lines with problems
 * are left out of the result, as ntpd skips them.
 *
 * <p>Pure: the text comes in as a string and included files through an {@link IncludeSource}.
 * {@link ConfigFiles#read} is the thin layer that reads files.
 */
public final class ConfigParser {
    /** Include files nest at most this deep below the main file, as in ntpd. */
    public static final int MAX_INCLUDE_DEPTH = 5;

    @FunctionalInterface
    private interface Directive {
        void parse(LineCursor line, ConfigBuilder config);
    }

    private static final Map<String, Directive> DIRECTIVES = Map.ofEntries(
            Map.entry("server", (line, config) -> AssociationParser.parse(line, AssociationType.SERVER, config)),
            Map.entry("pool", (line, config) -> AssociationParser.parse(line, AssociationType.POOL, config)),
            Map.entry("peer", (line, config) -> AssociationParser.parse(line, AssociationType.PEER, config)),
            Map.entry("fudge", FudgeParser::parse),
            Map.entry("restrict", (line, config) -> RestrictParser.parse(line, RestrictRule.Action.RESTRICT, config)),
            Map.entry("unrestrict",
                    (line, config) -> RestrictParser.parse(line, RestrictRule.Action.UNRESTRICT, config)),
            Map.entry("discard", DiscardParser::parse),
            Map.entry("mru", MruParser::parse),
            Map.entry("interface", InterfaceParser::parse),
            Map.entry("nic", InterfaceParser::parse),
            Map.entry("enable", (line, config) -> SystemParser.parseEnable(line, true, config)),
            Map.entry("disable", (line, config) -> SystemParser.parseEnable(line, false, config)),
            Map.entry("tos", SystemParser::parseTos),
            Map.entry("tinker", SystemParser::parseTinker),
            Map.entry("driftfile", FileParser::parse),
            Map.entry("logfile", FileParser::parse),
            Map.entry("logconfig", LogConfigParser::parse),
            Map.entry("pidfile", FileParser::parse),
            Map.entry("leapfile", FileParser::parse),
            Map.entry("leapsmearinterval", LeapSmearParser::parse),
            Map.entry("metrics", MetricsParser::parse),
            Map.entry("statsdir", FileParser::parse),
            Map.entry("keys", AuthParser::parseKeys),
            Map.entry("trustedkey", AuthParser::parseTrusted),
            Map.entry("controlkey", AuthParser::parseKeyId),
            Map.entry("requestkey", AuthParser::parseKeyId),
            Map.entry("nts", NtsParser::parse),
            Map.entry("statistics", StatisticsParser::parseStatistics),
            Map.entry("filegen", StatisticsParser::parseFileGen),
            Map.entry("dscp", MiscParser::parseDscp),
            Map.entry("nonvolatile", MiscParser::parseNonvolatile),
            Map.entry("saveconfigdir", MiscParser::parseSaveConfigDir),
            Map.entry("setvar", MiscParser::parseSetVar),
            Map.entry("reset", MiscParser::parseReset),
            Map.entry("unpeer", UnpeerParser::parse),
            Map.entry("unconfig", UnpeerParser::parse));

    /** ntpd directives jntp does not implement yet: named as such rather than as typos. */
    private static final List<String> NOT_YET_SUPPORTED = List.of("end");

    /**
     * Directives of features jntp does not have, each with what is ignored: broadcast and manycast,
     * Autokey, modem and hardware reference clocks, mDNS, Samba's signing socket and traps. ntpd
     * runs without them, so a configuration that names them still starts, with one warning a line.
     */
    private static final Map<String, String> IGNORED = Map.ofEntries(
            Map.entry("automax", "Autokey"), Map.entry("broadcast", "broadcast mode"),
            Map.entry("broadcastclient", "broadcast mode"), Map.entry("broadcastdelay", "broadcast mode"),
            Map.entry("calldelay", "modem reference clocks"), Map.entry("crypto", "Autokey"),
            Map.entry("device", "hardware reference clocks"), Map.entry("ident", "Autokey"),
            Map.entry("keysdir", "Autokey"), Map.entry("manycastclient", "manycast mode"),
            Map.entry("manycastserver", "manycast mode"), Map.entry("mdnstries", "mDNS registration"),
            Map.entry("multicastclient", "multicast mode"), Map.entry("ntpsigndsocket", "Samba's MS-SNTP signing"),
            Map.entry("phone", "modem reference clocks"), Map.entry("pollskewlist", "random poll skew"),
            Map.entry("refclock", "hardware reference clocks"),
            Map.entry("revoke", "Autokey"),
            Map.entry("rlimit", "process limits of its own: the JVM sizes its memory and stacks"),
            Map.entry("trap", "mode 6 traps"),
            Map.entry("ttl", "broadcast and manycast mode"));

    private static final List<String> KNOWN = knownDirectives();

    private final IncludeSource includes;
    private final ConfigBuilder config = new ConfigBuilder();
    private final List<ConfigError> errors = new ArrayList<>();
    private final List<ConfigError> warnings = new ArrayList<>();

    private ConfigParser(IncludeSource includes) {
        this.includes = includes;
    }

    /**
     * Parses the text of ntp.conf.
     *
     * @param fileName the file's name, for messages and to resolve relative includefile names
     * @param includes where included files are read from
     */
    public static ConfigResult parse(String text, String fileName, IncludeSource includes) {
        ConfigParser parser = new ConfigParser(includes);
        parser.parseFile(text, fileName, List.of(Path.of(fileName).normalize()));
        NtpConfig built = parser.config.build();
        return parser.errors.isEmpty() ? new ConfigResult.Valid(built, parser.warnings)
                : new ConfigResult.Invalid(built, parser.errors, parser.warnings);
    }

    /** Parses text that includes no other file. */
    public static ConfigResult parse(String text, String fileName) {
        return parse(text, fileName, IncludeSource.none());
    }

    private void parseFile(String text, String fileName, List<Path> chain) {
        for (ConfigLine line : Lexer.lines(text, fileName, errors)) {
            LineCursor cursor = new LineCursor(line, errors);
            String word = cursor.directive().text();
            Optional<Directive> directive = Optional.ofNullable(DIRECTIVES.get(word));
            if (directive.isPresent()) {
                int errorsBefore = errors.size();
                directive.get().parse(cursor, config);
                if (errors.size() == errorsBefore) {
                    config.addDirective(ConfigText.line(line.tokens()));
                }
            } else if (word.equals("includefile")) {
                include(cursor, chain);
            } else if (IGNORED.containsKey(word)) {
                warnings.add(new ConfigError(line.file(), line.number(), cursor.directive().column(),
                        word + ": ignored, jntp has no " + IGNORED.get(word),
                        "remove the line to silence this warning"));
            } else if (NOT_YET_SUPPORTED.contains(word)) {
                cursor.directiveError("ntpd's \"" + word + "\" is not supported yet",
                        "remove the line or comment it out with #");
            } else {
                cursor.directiveError("unknown directive \"" + word + "\"", Suggestions.fix(word, KNOWN));
            }
        }
    }

    /** Includes a file named relative to the including file's directory, guarding against cycles. */
    private void include(LineCursor line, List<Path> chain) {
        Optional<Token> name = line.value(line.directive(), "includefile /etc/ntp.d/servers.conf");
        line.rejectRest("includefile takes one file name; put a name with blanks in double quotes");
        if (!line.clean()) {
            return;
        }
        Path target = chain.getLast().resolveSibling(name.orElseThrow().text()).normalize();
        if (chain.contains(target)) {
            String cycle = chain.subList(chain.indexOf(target), chain.size()).stream()
                    .map(Path::toString)
                    .collect(Collectors.joining(" -> ", "", " -> " + target));
            line.error("include cycle " + cycle, "remove one of the includefile lines in the cycle");
            return;
        }
        if (chain.size() > MAX_INCLUDE_DEPTH) {
            line.error("includes nest deeper than " + MAX_INCLUDE_DEPTH + " files",
                    "include " + target + " from a file nearer the main configuration");
            return;
        }
        switch (includes.load(target)) {
            case IncludeSource.Result.Found found -> {
                List<Path> deeper = new ArrayList<>(chain);
                deeper.add(target);
                parseFile(found.text(), target.toString(), deeper);
            }
            // ntpd logs a missing include file and goes on without it
            case IncludeSource.Result.Unreadable unreadable -> warnings.add(new ConfigError(line.file(),
                    line.origin().line(), line.directive().column(),
                    "includefile: cannot read " + target + ": " + unreadable.reason() + "; ignored, as ntpd does",
                    "check the name; a relative name is taken from the including file's directory"));
        }
    }

    private static List<String> knownDirectives() {
        TreeSet<String> known = new TreeSet<>(DIRECTIVES.keySet());
        known.add("includefile");
        known.addAll(NOT_YET_SUPPORTED);
        known.addAll(IGNORED.keySet());
        return List.copyOf(known);
    }
}
