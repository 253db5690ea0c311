package org.jntp.nts;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLKeyException;

/**
 * The session keys of an NTS-KE handshake (RFC 8915 §5.1): TLS 1.3 exporter output with the label
 * {@code EXPORTER-network-time-security} and a five-octet context, the next protocol id, the AEAD
 * algorithm id, then 0 for the client-to-server key or 1 for the server-to-client key. Both ends of
 * a handshake export the same keys.
 */
public final class KeyExport {
    /** The exporter label RFC 8915 registers. */
    public static final String LABEL = "EXPORTER-network-time-security";

    private static final int C2S = 0;
    private static final int S2C = 1;

    private KeyExport() {}

    /** The NTPv4 keys of a finished TLS 1.3 handshake, for this AEAD algorithm. */
    public static SessionKeys sessionKeys(ExtendedSSLSession session, int aeadAlgorithm) throws SSLKeyException {
        return new SessionKeys(aeadAlgorithm,
                session.exportKeyingMaterialData(LABEL, context(aeadAlgorithm, C2S), Aead.KEY_OCTETS),
                session.exportKeyingMaterialData(LABEL, context(aeadAlgorithm, S2C), Aead.KEY_OCTETS));
    }

    private static byte[] context(int aeadAlgorithm, int direction) {
        return new byte[] {
            (byte) (KeNegotiation.NTPV4 >>> 8), (byte) KeNegotiation.NTPV4,
            (byte) (aeadAlgorithm >>> 8), (byte) aeadAlgorithm,
            (byte) direction
        };
    }
}
