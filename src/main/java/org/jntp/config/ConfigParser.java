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
            Map.entry("pidfile", FileParser::parse),
            Map.entry("leapfile", FileParser::parse),
            Map.entry("leapsmearinterval", LeapSmearParser::parse),
            Map.entry("statsdir", FileParser::parse),
            Map.entry("keys", AuthParser::parseKeys),
            Map.entry("trustedkey", AuthParser::parseTrusted),
            Map.entry("controlkey", AuthParser::parseKeyId),
            Map.entry("requestkey", AuthParser::parseKeyId),
            Map.entry("statistics", StatisticsParser::parseStatistics),
            Map.entry("filegen", StatisticsParser::parseFileGen));

    /** ntpd directives jntp does not implement yet: named as such rather than as typos. */
    private static final List<String> NOT_YET_SUPPORTED = List.of("automax", "broadcast", "broadcastclient",
            "broadcastdelay", "calldelay", "crypto", "device", "dscp", "end", "ident", "keysdir",
            "logconfig", "manycastclient", "manycastserver", "mdnstries", "multicastclient",
            "nonvolatile", "ntpsigndsocket", "phone", "pollskewlist", "reset", "revoke", "rlimit",
            "saveconfigdir", "setvar", "trap", "ttl", "unconfig", "unpeer");

    private static final List<String> KNOWN = knownDirectives();

    private final IncludeSource includes;
    private final ConfigBuilder config = new ConfigBuilder();
    private final List<ConfigError> errors = new ArrayList<>();

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
        return parser.errors.isEmpty() ? new ConfigResult.Valid(built) : new ConfigResult.Invalid(built, parser.errors);
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
                directive.get().parse(cursor, config);
            } else if (word.equals("includefile")) {
                include(cursor, chain);
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
            case IncludeSource.Result.Unreadable unreadable -> line.error(
                    "cannot read " + target + ": " + unreadable.reason(),
                    "check the name; a relative name is taken from the including file's directory");
        }
    }

    private static List<String> knownDirectives() {
        TreeSet<String> known = new TreeSet<>(DIRECTIVES.keySet());
        known.add("includefile");
        known.addAll(NOT_YET_SUPPORTED);
        return List.copyOf(known);
    }
}
