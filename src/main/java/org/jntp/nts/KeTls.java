package org.jntp.nts;

import javax.net.ssl.SSLParameters;

/** The TLS that NTS-KE runs over (RFC 8915 §4): TLS 1.3 alone, ALPN {@code ntske/1}, port 4460. */
public final class KeTls {
    /** The ALPN protocol id of NTS-KE. */
    public static final String ALPN = "ntske/1";
    /** The TCP port NTS-KE servers listen on. */
    public static final int PORT = 4460;

    private KeTls() {}

    /** These parameters restricted to TLS 1.3 and offering or accepting only {@code ntske/1}. */
    public static SSLParameters restrict(SSLParameters parameters) {
        parameters.setProtocols(new String[] {"TLSv1.3"});
        parameters.setApplicationProtocols(new String[] {ALPN});
        return parameters;
    }
}
