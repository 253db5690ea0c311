package org.jntp.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@code nts} lines of ntp.conf configure, as NTPsec names them.
 *
 * @param enabled {@code nts enable}: serve NTS-KE; off by default, as in NTPsec
 * @param certFile {@code nts cert}: the PEM certificate chain the NTS-KE server presents
 * @param keyFile {@code nts key}: the PEM private key of that certificate
 * @param cookieFile {@code nts cookie}: the master keys file, so that clients' cookies survive a restart
 * @param caFile {@code nts ca}: the PEM certificates NTS clients trust; empty for the system's store
 * @param tlsCipherSuites {@code nts tlsciphersuites}: the TLS 1.3 cipher suites allowed, in order;
 *                        empty for the runtime's default
 * @param certTimeCheck false after {@code nts nocerttimecheck}: certificates are not checked for
 *                      expiry, so that a host that boots with a wrong clock can still get NTS time
 * @param kePort {@code nts port}: the TCP port of the NTS-KE server, 4460 by default
 */
public record NtsSettings(boolean enabled, Optional<String> certFile, Optional<String> keyFile,
        Optional<String> cookieFile, Optional<String> caFile, List<String> tlsCipherSuites, boolean certTimeCheck,
        int kePort) {
    /** The NTS-KE port of RFC 8915 §4. */
    public static final int DEFAULT_KE_PORT = 4460;

    /** Copies the list. */
    public NtsSettings {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        Objects.requireNonNull(cookieFile, "cookieFile");
        Objects.requireNonNull(caFile, "caFile");
        tlsCipherSuites = List.copyOf(tlsCipherSuites);
    }

    /** No nts lines: no NTS-KE server, certificates checked, the default port. */
    public static NtsSettings none() {
        return new NtsSettings(false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), true, DEFAULT_KE_PORT);
    }

    NtsSettings withEnabled(boolean on) {
        return new NtsSettings(on, certFile, keyFile, cookieFile, caFile, tlsCipherSuites, certTimeCheck, kePort);
    }

    NtsSettings withCertFile(String path) {
        return new NtsSettings(enabled, Optional.of(path), keyFile, cookieFile, caFile, tlsCipherSuites,
                certTimeCheck, kePort);
    }

    NtsSettings withKeyFile(String path) {
        return new NtsSettings(enabled, certFile, Optional.of(path), cookieFile, caFile, tlsCipherSuites,
                certTimeCheck, kePort);
    }

    NtsSettings withCookieFile(String path) {
        return new NtsSettings(enabled, certFile, keyFile, Optional.of(path), caFile, tlsCipherSuites,
                certTimeCheck, kePort);
    }

    NtsSettings withCaFile(String path) {
        return new NtsSettings(enabled, certFile, keyFile, cookieFile, Optional.of(path), tlsCipherSuites,
                certTimeCheck, kePort);
    }

    NtsSettings withTlsCipherSuites(List<String> suites) {
        return new NtsSettings(enabled, certFile, keyFile, cookieFile, caFile, suites, certTimeCheck, kePort);
    }

    NtsSettings withoutCertTimeCheck() {
        return new NtsSettings(enabled, certFile, keyFile, cookieFile, caFile, tlsCipherSuites, false, kePort);
    }

    NtsSettings withKePort(int port) {
        return new NtsSettings(enabled, certFile, keyFile, cookieFile, caFile, tlsCipherSuites, certTimeCheck, port);
    }
}
