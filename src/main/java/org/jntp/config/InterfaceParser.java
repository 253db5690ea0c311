package org.jntp.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** interface and nic lines: {@code interface listen|ignore|drop all|ipv4|ipv6|wildcard|NAME|ADDRESS[/PREFIX]}. */
final class InterfaceParser {
    /** Linux interface names: up to 15 characters, no blanks or slashes. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");
    private static final List<String> ACTIONS =
            Arrays.stream(InterfaceAction.values()).map(InterfaceAction::keyword).toList();
    private static final String EXAMPLE = "write it as \"interface listen eth0\" or \"interface ignore ipv6\"";

    private InterfaceParser() {}

    static void parse(LineCursor line, ConfigBuilder config) {
        if (!line.hasNext()) {
            line.error("needs an action and what it applies to", EXAMPLE);
            return;
        }
        Token actionWord = line.next();
        Optional<InterfaceAction> action =
                Arrays.stream(InterfaceAction.values()).filter(a -> a.keyword().equals(actionWord.text())).findFirst();
        if (action.isEmpty()) {
            line.unknown(actionWord, "action", ACTIONS);
        }
        if (!line.hasNext()) {
            line.error("needs what it applies to: all, ipv4, ipv6, wildcard, an interface name or an address", EXAMPLE);
            return;
        }
        Optional<InterfaceMatch> match = match(line, line.next());
        line.rejectRest("an interface line names one action and one target");
        if (line.clean()) {
            config.add(new InterfaceRule(action.orElseThrow(), match.orElseThrow()));
        }
    }

    private static Optional<InterfaceMatch> match(LineCursor line, Token word) {
        String text = word.text();
        for (InterfaceMatch.Kind kind : InterfaceMatch.Kind.values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(text)) {
                return Optional.of(new InterfaceMatch.Every(kind));
            }
        }
        if (AddressWords.looksNumeric(AddressWords.beforeSlash(text))) {
            return AddressWords.prefixed(line, word, Optional.empty())
                    .map(prefixed -> new InterfaceMatch.Address(prefixed.address(), prefixed.prefixLength()));
        }
        if (!NAME.matcher(text).matches()) {
            line.error(word, "\"" + text + "\" is neither an interface name nor an address",
                    "give a name such as eth0 (up to 15 characters) or an address such as 192.0.2.1/24");
            return Optional.empty();
        }
        return Optional.of(new InterfaceMatch.Name(text));
    }
}
