package org.jntp.nts;

import java.util.List;

/** What a client's NTS-KE exchange gives (RFC 8915 §4). */
public sealed interface KeResult {

    /**
     * NTPv4 with AES-SIV-CMAC-256 agreed: the session keys, the cookies for the first requests, and
     * where to send them.
     */
    record Established(SessionKeys keys, List<byte[]> cookies, String ntpServer, int ntpPort) implements KeResult {
        /** Keeps unmodifiable copies. */
        public Established {
            cookies = cookies.stream().map(byte[]::clone).toList();
        }

        @Override
        public List<byte[]> cookies() {
            return cookies.stream().map(byte[]::clone).toList();
        }

        @Override
        public String toString() {
            return "Established[" + keys + ", " + cookies.size() + " cookies, NTP server " + ntpServer + " port "
                    + ntpPort + "]";
        }
    }

    /** The server answered with an Error record of this code (RFC 8915 §4.1.3), known or not. */
    record Refused(int errorCode) implements KeResult {}

    /** No keys: the connection, the TLS handshake or the server's response failed, for this reason. */
    record Failed(String reason) implements KeResult {}
}
