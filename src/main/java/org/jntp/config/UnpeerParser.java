package org.jntp.config;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.jntp.server.access.IpAddress;

/**
 * {@code unpeer ADDRESS|NAME} and its synonym {@code unconfig} in ntp.conf: the server, pool or peer
 * line with that address or host name is dropped, wherever it stands, as ntpd applies its unpeer
 * lines after every association line. A line that matches nothing has no effect, as in ntpd.
 */
final class UnpeerParser {
    private static final String FIX = "name the address or host name of a server, pool or peer line, such as"
            + " \"unpeer 192.0.2.1\"";

    private UnpeerParser() {}

    static void parse(LineCursor line, ConfigBuilder config) {
        String directive = line.directive().text();
        Optional<Token> target = line.value(line.directive(), directive + " 192.0.2.1");
        line.rejectRest(directive + " takes one address or host name");
        if (!line.clean()) {
            return;
        }
        Token word = target.orElseThrow();
        if (word.text().matches("[0-9]{1,5}")) {
            line.error(word, "association IDs are for ntpq :config, where they are known",
                    "in ntp.conf, " + FIX);
            return;
        }
        config.unpeer(matching(word.text()));
    }

    /** Which association lines the word names: the same address, or the same name in any case. */
    private static Predicate<Association> matching(String text) {
        Optional<IpAddress> literal = IpAddress.parseLiteral(text);
        return association -> switch (association.address()) {
            case ServerAddress.Literal address -> literal.map(address.address()::equals).orElse(false);
            case ServerAddress.HostName name -> literal.isEmpty()
                    && name.name().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT));
            case RefclockAddress refclock -> literal.isPresent() && refclock.toString().equals(literal.get().toString());
        };
    }
}
