package org.jntp.nts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * The server's side of one NTS-KE exchange, without the TLS: a request message in, the response
 * out, with {@link #COOKIES} cookies sealed under the ring's current key when NTPv4 and
 * AES-SIV-CMAC-256 are agreed.
 */
public final class KeResponder {
    /** Cookies in each response: RFC 8915 §4.1.6 advises eight. */
    public static final int COOKIES = 8;

    /** The session's TLS exporter: the keys for an AEAD algorithm, empty if the TLS stack fails. */
    @FunctionalInterface
    public interface KeyExporter {
        /** The C2S and S2C keys of this session for this algorithm. */
        Optional<SessionKeys> export(int aeadAlgorithm);
    }

    private final Optional<String> ntpServer;
    private final OptionalInt ntpPort;

    /**
     * A responder that names this NTP server and port to clients; empty when they are this host's
     * address and port 123, which clients assume.
     */
    public KeResponder(Optional<String> ntpServer, OptionalInt ntpPort) {
        this.ntpServer = ntpServer;
        this.ntpPort = ntpPort;
    }

    /** The response to a request message; any bytes give one. */
    public KeResponse respond(byte[] request, KeyExporter exporter, MasterKeyRing ring, RandomGenerator random) {
        return switch (KeNegotiation.negotiate(KeRequest.parse(request))) {
            case KeNegotiation.Declined(KeResponse response) -> response;
            case KeNegotiation.Agreed(int aeadAlgorithm) -> exporter.export(aeadAlgorithm)
                    .<KeResponse>map(keys -> accepted(keys, ring, random))
                    .orElse(new KeResponse.Failed(KeError.INTERNAL_SERVER_ERROR));
        };
    }

    private KeResponse accepted(SessionKeys keys, MasterKeyRing ring, RandomGenerator random) {
        List<byte[]> cookies = new ArrayList<>(COOKIES);
        for (int i = 0; i < COOKIES; i++) {
            cookies.add(CookieCodec.make(keys, ring, random));
        }
        return new KeResponse.Accepted(keys.aeadAlgorithm(), cookies, ntpServer, ntpPort);
    }
}
