package org.jntp.config;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jntp.server.access.AddressFamily;
import org.jntp.server.access.AddressMask;
import org.jntp.server.access.IpAddress;
import org.jntp.server.access.RestrictFlag;
import org.jntp.server.access.RestrictRule;
import org.jntp.server.access.RestrictTarget;

/**
 * restrict and (NTPsec) unrestrict lines:
 * {@code restrict [-4|-6] default|source|ADDRESS[/PREFIX] [mask MASK] [ippeerlimit N] [flag ...]}.
 */
final class RestrictParser {
    private static final int MAX_PEER_LIMIT = 100;

    private RestrictParser() {}

    static void parse(LineCursor line, RestrictRule.Action action, ConfigBuilder config) {
        Optional<AddressFamily> family = AddressWords.familyFlag(line);
        if (!line.hasNext()) {
            line.error("needs default, source or an address",
                    "write it as \"restrict default nomodify\" or \"restrict 192.0.2.0 mask 255.255.255.0 nomodify\"");
            return;
        }
        Token targetWord = line.next();
        Optional<RestrictTarget> target = target(line, targetWord, family);
        EnumSet<RestrictFlag> flags = EnumSet.noneOf(RestrictFlag.class);
        boolean ntpPortOnly = false;
        int ipPeerLimit = RestrictRule.NO_PEER_LIMIT;
        Optional<Token> maskWord = Optional.empty();
        while (line.hasNext()) {
            Token word = line.next();
            Optional<RestrictFlag> flag = RestrictFlag.byKeyword(word.text());
            if (flag.isPresent()) {
                flags.add(flag.get());
                continue;
            }
            switch (word.text()) {
                case "ntpport" -> ntpPortOnly = true;
                case "mask" -> maskWord = line.value(word, "mask 255.255.255.0");
                case "ippeerlimit" -> {
                    OptionalInt limit = line.intValue(word, RestrictRule.NO_PEER_LIMIT, MAX_PEER_LIMIT);
                    ipPeerLimit = limit.orElse(ipPeerLimit);
                }
                default -> line.unknown(word, "flag", words());
            }
        }
        if (maskWord.isPresent()) {
            target = withMask(line, target, targetWord, maskWord.get());
        }
        if (line.clean()) {
            config.add(new RestrictRule(action, target.orElseThrow(), flags, ntpPortOnly, ipPeerLimit));
        }
    }

    private static Optional<RestrictTarget> target(LineCursor line, Token word, Optional<AddressFamily> family) {
        return switch (word.text()) {
            case "default" -> Optional.of(family.map(RestrictTarget.Default::of)
                    .orElse(RestrictTarget.Default.bothFamilies()));
            case "source" -> {
                if (family.isPresent()) {
                    line.error(word, "-4 and -6 do not apply to restrict source",
                            "remove the -4/-6; the template applies to associations of both families");
                }
                yield Optional.of(new RestrictTarget.Source());
            }
            default -> network(line, word, family).map(RestrictTarget.Network::new);
        };
    }

    /** ADDRESS or ADDRESS/PREFIX (NTPsec's CIDR form); a bare address is a single host. */
    private static Optional<AddressMask> network(LineCursor line, Token word, Optional<AddressFamily> family) {
        if (!AddressWords.looksNumeric(AddressWords.beforeSlash(word.text()))) {
            line.error(word, "host name \"" + word.text() + "\" is not supported in restrict lines yet",
                    "use the numeric address; ntpd would resolve the name only once, at startup");
            return Optional.empty();
        }
        return AddressWords.prefixed(line, word, family).map(prefixed -> prefixed.prefixLength().isPresent()
                ? AddressMask.prefix(prefixed.address(), prefixed.prefixLength().getAsInt())
                : AddressMask.host(prefixed.address()));
    }

    private static Optional<RestrictTarget> withMask(LineCursor line, Optional<RestrictTarget> target,
            Token targetWord, Token maskWord) {
        if (target.isEmpty()) {
            return target;
        }
        if (!(target.get() instanceof RestrictTarget.Network network)) {
            line.error(maskWord, "mask applies only to an address", "remove the mask, or give an address before it");
            return target;
        }
        if (targetWord.text().indexOf('/') >= 0) {
            line.error(maskWord, "both a /prefix and a mask are given", "keep one of them");
            return target;
        }
        Optional<IpAddress> mask = AddressWords.literal(line, maskWord, Optional.empty());
        if (mask.isPresent() && mask.get().family() != network.addressMask().family()) {
            line.error(maskWord, "mask " + maskWord.text() + " is not of the address's family",
                    "write the mask like the address, e.g. 255.255.255.0 or ffff:ffff:ffff:ffff::");
            return target;
        }
        return mask.map(m -> new RestrictTarget.Network(new AddressMask(network.addressMask().address(), m)));
    }

    private static List<String> words() {
        List<String> words = new ArrayList<>();
        for (RestrictFlag flag : RestrictFlag.values()) {
            words.add(flag.keyword());
        }
        words.addAll(List.of("ntpport", "mask", "ippeerlimit"));
        return words;
    }
}
