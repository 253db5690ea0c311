package org.jntp.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** enable, disable and tos lines. */
final class SystemParser {
    private static final List<String> FLAGS = Arrays.stream(SystemFlag.values()).map(SystemFlag::keyword).toList();
    private static final List<String> TOS_INTEGERS = List.of("bcpollbstep", "beacon", "ceiling", "floor", "maxclock",
            "minclock", "minsane", "orphan", "orphanwait");
    private static final List<String> TOS_DECIMALS = List.of("mindist", "maxdist");
    private static final List<String> TOS_NAMES = List.of("basedate", "bcpollbstep", "beacon", "ceiling", "cohort",
            "floor", "maxclock", "maxdist", "minclock", "mindist", "minsane", "orphan", "orphanwait");
    /** ntpd 4.2.8's tinker options, and jntp's {@code maxslewrate} (µs per second, as chrony names it). */
    private static final List<String> TINKER_NAMES = List.of("allan", "dispersion", "freq", "huffpuff",
            "maxslewrate", "panic", "step", "stepback", "stepfwd", "stepout", "tick");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private SystemParser() {}

    /** {@code enable flag ...} or {@code disable flag ...}. */
    static void parseEnable(LineCursor line, boolean enable, ConfigBuilder config) {
        if (!line.hasNext()) {
            line.error("needs at least one option", "add one of: " + String.join(", ", FLAGS));
            return;
        }
        List<SystemFlag> flags = new ArrayList<>();
        while (line.hasNext()) {
            Token word = line.next();
            Optional<SystemFlag> flag = SystemFlag.byKeyword(word.text());
            if (flag.isEmpty()) {
                line.unknown(word, "option", FLAGS);
            }
            flag.ifPresent(flags::add);
        }
        if (line.clean()) {
            flags.forEach(flag -> config.setEnabled(flag, enable));
        }
    }

    /** {@code tos name value ...}: values kept as written once checked. */
    static void parseTos(LineCursor line, ConfigBuilder config) {
        if (!line.hasNext()) {
            line.error("needs at least one option and value", "write it as \"tos minclock 3 maxclock 10\"");
            return;
        }
        List<TosOption> options = new ArrayList<>();
        while (line.hasNext()) {
            Token name = line.next();
            if (!TOS_NAMES.contains(name.text())) {
                line.unknown(name, "option", TOS_NAMES);
                skipValue(line);
                continue;
            }
            Optional<Token> value = line.value(name, name.text() + " " + example(name.text()));
            if (value.isPresent() && !valid(name.text(), value.get().text())) {
                line.error(value.get(), name.text() + " \"" + value.get().text() + "\" is not valid",
                        "write it like \"" + name.text() + " " + example(name.text()) + "\"");
            }
            value.ifPresent(v -> options.add(new TosOption(name.text(), v.text())));
        }
        if (line.clean()) {
            options.forEach(config::add);
        }
    }

    /** {@code tinker name value ...}: each value a number not below zero. */
    static void parseTinker(LineCursor line, ConfigBuilder config) {
        if (!line.hasNext()) {
            line.error("needs at least one option and value", "write it as \"tinker step 0.128 stepout 900\"");
            return;
        }
        List<TinkerOption> options = new ArrayList<>();
        while (line.hasNext()) {
            Token name = line.next();
            if (!TINKER_NAMES.contains(name.text())) {
                line.unknown(name, "option", TINKER_NAMES);
                skipValue(line);
                continue;
            }
            OptionalDouble value = line.doubleValue(name);
            if (value.isPresent() && value.getAsDouble() < 0) {
                line.error(name, name.text() + " must not be negative", "give a number of 0 or more");
            } else if (value.isPresent()) {
                options.add(new TinkerOption(name.text(), value.getAsDouble()));
            }
        }
        if (line.clean()) {
            options.forEach(config::add);
        }
    }

    /** After an unknown option, its value, so that it is not taken for the next option's name. */
    private static void skipValue(LineCursor line) {
        if (line.hasNext() && line.peek().text().matches("[-+0-9.].*")) {
            line.next();
        }
    }

    private static boolean valid(String name, String value) {
        if (name.equals("basedate")) {
            return DATE.matcher(value).matches();
        }
        if (name.equals("cohort")) {
            return value.equals("0") || value.equals("1");
        }
        if (TOS_INTEGERS.contains(name)) {
            return LineCursor.parseInteger(value).isPresent();
        }
        return TOS_DECIMALS.contains(name) && LineCursor.isDecimal(value);
    }

    private static String example(String name) {
        return switch (name) {
            case "basedate" -> "2020-01-01";
            case "cohort" -> "1";
            case "mindist", "maxdist" -> "0.01";
            default -> "3";
        };
    }
}
