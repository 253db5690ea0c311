package org.jntp.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code nts SUBCOMMAND [VALUE]}, with NTPsec's subcommands: {@code enable}, {@code disable},
 * {@code cert FILE}, {@code key FILE}, {@code cookie FILE}, {@code ca FILE}, {@code mintls} and
 * {@code maxtls} (TLS 1.3 alone, which RFC 8915 requires), {@code tlsciphersuites LIST} (TLS 1.3
 * suites separated by colons, as OpenSSL writes them) and {@code aead NAME} (AES_SIV_CMAC_256, the
 * one algorithm jntp implements). jntp's own: {@code nocerttimecheck}, chrony's way out for a host
 * whose clock is wrong at boot, and {@code port N}, chrony's {@code ntsport}.
 */
final class NtsParser {
    private static final List<String> SUBCOMMANDS = List.of("enable", "disable", "cert", "key", "cookie", "ca",
            "mintls", "maxtls", "tlsciphersuites", "aead", "nocerttimecheck", "port");
    private static final List<String> TLS13 = List.of("tls1.3", "tlsv1.3");
    /** The TLS 1.3 cipher suites of the JDK's provider, in OpenSSL's (and IANA's) spelling. */
    private static final List<String> TLS13_SUITES =
            List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
    private static final String AEAD = "AES_SIV_CMAC_256";

    private NtsParser() {}

    static void parse(LineCursor line, ConfigBuilder config) {
        if (!line.hasNext()) {
            line.error("needs a subcommand", "write it as \"nts enable\", \"nts cert FILE\" or \"nts key FILE\"");
            return;
        }
        Token subcommand = line.next();
        NtsSettings nts = config.nts();
        Optional<NtsSettings> changed = switch (subcommand.text()) {
            case "enable" -> Optional.of(nts.withEnabled(true));
            case "disable" -> Optional.of(nts.withEnabled(false));
            case "nocerttimecheck" -> Optional.of(nts.withoutCertTimeCheck());
            case "cert" -> file(line, subcommand, "/etc/ntp/cert-chain.pem").map(nts::withCertFile);
            case "key" -> file(line, subcommand, "/etc/ntp/key.pem").map(nts::withKeyFile);
            case "cookie" -> file(line, subcommand, "/var/lib/ntp/nts-keys").map(nts::withCookieFile);
            case "ca" -> file(line, subcommand, "/etc/ssl/certs/ca-certificates.crt").map(nts::withCaFile);
            case "mintls", "maxtls" -> tlsVersion(line, subcommand).map(version -> nts);
            case "tlsciphersuites" -> cipherSuites(line, subcommand).map(nts::withTlsCipherSuites);
            case "aead" -> aead(line, subcommand).map(name -> nts);
            case "port" -> {
                var port = line.intValue(subcommand, 1, 65535);
                yield port.isPresent() ? Optional.of(nts.withKePort(port.getAsInt())) : Optional.empty();
            }
            default -> {
                line.unknown(subcommand, "nts subcommand", SUBCOMMANDS);
                yield Optional.empty();
            }
        };
        line.rejectRest("nts " + subcommand.text() + " takes at most one value;"
                + " put a file name with blanks in double quotes");
        if (line.clean()) {
            config.nts(changed.orElseThrow());
        }
    }

    private static Optional<String> file(LineCursor line, Token subcommand, String example) {
        return line.value(subcommand, "nts " + subcommand.text() + " " + example).map(Token::text);
    }

    private static Optional<String> tlsVersion(LineCursor line, Token subcommand) {
        Optional<Token> version = line.value(subcommand, "nts " + subcommand.text() + " TLS1.3");
        if (version.isPresent() && !TLS13.contains(version.get().text().toLowerCase(Locale.ROOT))) {
            line.error(version.get(), "NTS-KE runs over TLS 1.3 alone (RFC 8915 §4), not \""
                    + version.get().text() + "\"", "write \"nts " + subcommand.text() + " TLS1.3\" or remove the line");
            return Optional.empty();
        }
        return version.map(Token::text);
    }

    private static Optional<List<String>> cipherSuites(LineCursor line, Token subcommand) {
        Optional<Token> list = line.value(subcommand, "nts tlsciphersuites " + String.join(":", TLS13_SUITES));
        if (list.isEmpty()) {
            return Optional.empty();
        }
        List<String> suites = Arrays.stream(list.get().text().split(":")).filter(s -> !s.isEmpty()).toList();
        for (String suite : suites) {
            if (!TLS13_SUITES.contains(suite)) {
                line.error(list.get(), "\"" + suite + "\" is not a TLS 1.3 cipher suite jntp has",
                        "list some of " + String.join(", ", TLS13_SUITES) + ", separated by colons");
            }
        }
        if (suites.isEmpty()) {
            line.error(list.get(), "names no cipher suite", "list some of " + String.join(", ", TLS13_SUITES));
        }
        return Optional.of(suites);
    }

    private static Optional<String> aead(LineCursor line, Token subcommand) {
        Optional<Token> name = line.value(subcommand, "nts aead " + AEAD);
        if (name.isPresent() && !name.get().text().equalsIgnoreCase(AEAD)) {
            line.error(name.get(), "AEAD algorithm \"" + name.get().text() + "\" is not implemented",
                    "write \"nts aead " + AEAD + "\" (RFC 8915's mandatory algorithm) or remove the line");
            return Optional.empty();
        }
        return name.map(Token::text);
    }
}
