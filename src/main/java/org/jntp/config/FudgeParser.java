package org.jntp.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.jntp.server.access.IpAddress;

/** fudge lines: {@code fudge 127.127.t.u [time1 s] [time2 s] [stratum n] [refid id] [flag1..4 0|1]}. */
final class FudgeParser {
    private static final Pattern REFID = Pattern.compile("[\\x21-\\x7E]{1,4}");
    private static final List<String> OPTIONS =
            List.of("time1", "time2", "stratum", "refid", "flag1", "flag2", "flag3", "flag4");

    private FudgeParser() {}

    static void parse(LineCursor line, ConfigBuilder config) {
        if (!line.hasNext()) {
            line.error("needs a reference clock address", "write it as \"fudge 127.127.1.0 stratum 10\"");
            return;
        }
        Token word = line.next();
        Optional<RefclockAddress> clock = IpAddress.parseLiteral(word.text()).flatMap(RefclockAddress::of);
        if (clock.isEmpty()) {
            line.error(word, "\"" + word.text() + "\" is not a reference clock address",
                    "fudge applies to reference clocks, written 127.127.TYPE.UNIT such as 127.127.1.0");
        }
        if (!line.hasNext()) {
            line.error("needs at least one option", "add one of: " + String.join(", ", OPTIONS));
        }
        OptionalDouble time1 = OptionalDouble.empty();
        OptionalDouble time2 = OptionalDouble.empty();
        OptionalInt stratum = OptionalInt.empty();
        Optional<String> refid = Optional.empty();
        Map<Integer, Boolean> flags = new HashMap<>();
        while (line.hasNext()) {
            Token option = line.next();
            switch (option.text()) {
                case "time1" -> time1 = line.doubleValue(option);
                case "time2" -> time2 = line.doubleValue(option);
                case "stratum" -> stratum = line.intValue(option, 0, 16);
                case "refid" -> refid = refid(line, option);
                case "flag1", "flag2", "flag3", "flag4" -> line.intValue(option, 0, 1)
                        .ifPresent(value -> flags.put(option.text().charAt(4) - '0', value == 1));
                default -> line.unknown(option, "option", OPTIONS);
            }
        }
        if (line.clean()) {
            config.add(new Fudge(clock.orElseThrow(), time1, time2, stratum, refid, flags));
        }
    }

    private static Optional<String> refid(LineCursor line, Token option) {
        Optional<Token> value = line.value(option, "refid GPS");
        if (value.isPresent() && !REFID.matcher(value.get().text()).matches()) {
            line.error(value.get(), "refid \"" + value.get().text() + "\" is not 1 to 4 printable ASCII characters",
                    "use a short name such as LOCL, GPS or PPS");
            return Optional.empty();
        }
        return value.map(Token::text);
    }
}
