package org.jntp.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jntp.server.access.AddressFamily;

/** server, pool and peer lines: {@code server [-4|-6] ADDRESS[:NTS-KE PORT] [option ...]}. */
final class AssociationParser {
    /** NTP's shortest and longest poll intervals, log2 seconds (ntpd's NTP_MINPOLL, NTP_MAXPOLL). */
    static final int MIN_POLL_LOG2 = 3;
    static final int MAX_POLL_LOG2 = 17;
    private static final List<String> VALUE_OPTIONS = List.of("minpoll", "maxpoll", "version", "key", "mode", "ttl", "ca");
    private static final List<String> UNSUPPORTED = List.of("autokey", "ident", "xmtnonce");

    private AssociationParser() {}

    static void parse(LineCursor line, AssociationType type, ConfigBuilder config) {
        Optional<AddressFamily> family = AddressWords.familyFlag(line);
        if (!line.hasNext()) {
            line.error("needs an address or host name", "write it as \"" + type.keyword() + " "
                    + (type == AssociationType.POOL ? "0.pool.ntp.org" : "ntp.example.net") + " iburst\"");
            return;
        }
        Token word = line.next();
        Optional<HostPort> hostPort = HostPort.split(line, word);
        Optional<ServerAddress> address =
                hostPort.flatMap(split -> AddressWords.serverAddress(line, split.host(), family));
        if (address.filter(RefclockAddress.class::isInstance).isPresent() && type != AssociationType.SERVER) {
            line.error(word, "a reference clock cannot be a " + type.keyword(),
                    "configure reference clocks with \"server " + word.text() + "\"");
        }
        OptionalInt port = hostPort.map(HostPort::port).orElse(OptionalInt.empty());
        AssociationOptions options = options(line, port);
        if (port.isPresent() && !options.has(AssociationFlag.NTS)) {
            // NTPsec takes a port only as the NTS-KE server's; NTP itself is always on port 123
            line.error(word, "the port of \"" + word.text() + "\" is an NTS-KE port, for NTS lines only",
                    "add \"nts\" to the line, or write the address without \":" + port.getAsInt() + "\"");
        }
        if (line.clean()) {
            config.add(new Association(type, address.orElseThrow(), options, Optional.of(line.origin())));
        }
    }

    private static AssociationOptions options(LineCursor line, OptionalInt ntsKePort) {
        EnumSet<AssociationFlag> flags = EnumSet.noneOf(AssociationFlag.class);
        OptionalInt minPoll = OptionalInt.empty();
        OptionalInt maxPoll = OptionalInt.empty();
        OptionalInt version = OptionalInt.empty();
        OptionalInt key = OptionalInt.empty();
        OptionalInt mode = OptionalInt.empty();
        OptionalInt ttl = OptionalInt.empty();
        Optional<String> caFile = Optional.empty();
        while (line.hasNext()) {
            Token option = line.next();
            Optional<AssociationFlag> flag = AssociationFlag.byKeyword(option.text());
            if (flag.isPresent()) {
                flags.add(flag.get());
                continue;
            }
            switch (option.text()) {
                case "minpoll" -> minPoll = line.intValue(option, MIN_POLL_LOG2, MAX_POLL_LOG2);
                case "maxpoll" -> maxPoll = line.intValue(option, MIN_POLL_LOG2, MAX_POLL_LOG2);
                case "version" -> version = line.intValue(option, 1, 4);
                case "key" -> key = line.intValue(option, 1, 65535);
                case "mode" -> mode = line.intValue(option, 0, 255);
                case "ttl" -> ttl = line.intValue(option, 0, 255);
                case "ca" -> caFile = line.value(option, "ca /etc/ssl/certs/my-ca.pem").map(Token::text);
                default -> unknown(line, option);
            }
        }
        if (minPoll.isPresent() && maxPoll.isPresent() && minPoll.getAsInt() > maxPoll.getAsInt()) {
            line.error("minpoll " + minPoll.getAsInt() + " is greater than maxpoll " + maxPoll.getAsInt(),
                    "make minpoll at most maxpoll");
        }
        if (!flags.contains(AssociationFlag.NTS) && (caFile.isPresent() || flags.contains(AssociationFlag.NOVAL))) {
            line.error((caFile.isPresent() ? "ca" : "noval") + " applies to NTS sources only", "add \"nts\" to the line");
        }
        if (flags.contains(AssociationFlag.NTS) && key.isPresent()) {
            line.error("nts and key exclude each other: NTS authenticates with its own keys",
                    "keep \"nts\" or \"key " + key.getAsInt() + "\", not both");
        }
        return new AssociationOptions(flags, minPoll, maxPoll, version, key, mode, ttl, caFile, ntsKePort);
    }

    private static void unknown(LineCursor line, Token option) {
        if (UNSUPPORTED.contains(option.text())) {
            line.error(option, "option \"" + option.text() + "\" is not supported", "remove it from the line");
            if (option.text().equals("ident") && line.hasNext()) {
                line.next();
            }
            return;
        }
        List<String> known = new ArrayList<>(VALUE_OPTIONS);
        for (AssociationFlag flag : AssociationFlag.values()) {
            known.add(flag.keyword());
        }
        line.unknown(option, "option", known);
    }
}
