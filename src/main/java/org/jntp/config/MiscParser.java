package org.jntp.config;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** ntpd's miscellaneous directives that take effect: dscp, nonvolatile, setvar, saveconfigdir, reset. */
final class MiscParser {
    /** The counter groups ntpd's {@code reset} names. */
    private static final List<String> RESET_GROUPS = List.of("allpeers", "auth", "ctl", "io", "mem", "sys", "timer");
    private static final String SETVAR_FIX = "write it as \"setvar NAME = VALUE\", with \"default\" after it to show"
            + " it in a plain ntpq rv";

    private MiscParser() {}

    static void parseDscp(LineCursor line, ConfigBuilder config) {
        OptionalInt dscp = line.intValue(line.directive(), 0, MiscOptions.MAX_DSCP);
        line.rejectRest("dscp takes one number, such as \"dscp 46\"");
        if (line.clean()) {
            config.misc(config.misc().withDscp(dscp.orElseThrow()));
        }
    }

    static void parseNonvolatile(LineCursor line, ConfigBuilder config) {
        OptionalDouble threshold = line.doubleValue(line.directive());
        line.rejectRest("nonvolatile takes one threshold, such as \"nonvolatile 1e-7\"");
        if (!line.clean()) {
            return;
        }
        if (threshold.orElseThrow() <= 0 || threshold.getAsDouble() >= 1) {
            line.error("threshold " + threshold.getAsDouble() + " is not a frequency change",
                    "give it in seconds per second, such as 1e-7 for 0.1 PPM");
            return;
        }
        config.misc(config.misc().withWanderThreshold(threshold.getAsDouble()));
    }

    static void parseSaveConfigDir(LineCursor line, ConfigBuilder config) {
        String fix = "write it as \"saveconfigdir /var/lib/ntp/saveconfig/\"";
        if (!line.hasNext()) {
            line.error("needs the directory ntpq saveconfig writes to", fix);
            return;
        }
        String directory = line.next().text();
        line.rejectRest("saveconfigdir takes one directory; put a name with blanks in double quotes");
        if (line.clean()) {
            config.misc(config.misc().withSaveConfigDir(directory.endsWith("/") ? directory : directory + "/"));
        }
    }

    /**
     * {@code setvar NAME = VALUE [default]}. ntpd's scanner makes {@code =} a word of its own, so
     * {@code NAME=VALUE} means the same.
     */
    static void parseSetVar(LineCursor line, ConfigBuilder config) {
        List<Token> words = new ArrayList<>();
        while (line.hasNext()) {
            words.add(line.next());
        }
        boolean isDefault = words.size() > 1 && words.getLast().text().equals("default");
        if (isDefault) {
            words.removeLast();
        }
        String text = String.join(" ", words.stream().map(Token::text).toList());
        int equals = text.indexOf('=');
        if (equals < 0) {
            line.error("needs NAME = VALUE", SETVAR_FIX);
            return;
        }
        String name = text.substring(0, equals).strip();
        String value = text.substring(equals + 1).strip();
        if (name.isEmpty() || !name.chars().allMatch(MiscParser::isNameCharacter)) {
            line.error(words.getFirst(), "\"" + name + "\" is not a variable name",
                    "use letters, digits, '_', '-' and '.' only; " + SETVAR_FIX);
            return;
        }
        if (value.isEmpty()) {
            line.error(words.getLast(), "variable " + name + " has no value", SETVAR_FIX);
            return;
        }
        config.misc(config.misc().withSetVar(new SetVar(name, value, isDefault)));
    }

    /**
     * {@code reset [allpeers] [auth] [ctl] [io] [mem] [sys] [timer]}: the counters it would zero are
     * all zero when the file is read, so it is checked and has no further effect.
     */
    static void parseReset(LineCursor line, ConfigBuilder config) {
        while (line.hasNext()) {
            Token group = line.next();
            if (!RESET_GROUPS.contains(group.text())) {
                line.unknown(group, "counter group", RESET_GROUPS);
            }
        }
    }

    private static boolean isNameCharacter(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
    }
}
