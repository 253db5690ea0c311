package org.jntp.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLKeyException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jntp.config.AssociationFlag;
import org.jntp.config.AssociationOptions;
import org.jntp.config.NtsSettings;
import org.jntp.nts.KeResponseReader;
import org.jntp.nts.KeResult;
import org.jntp.nts.KeTls;
import org.jntp.nts.KeyExport;
import org.jntp.nts.SessionKeys;
import org.jntp.server.access.IpAddress;

/**
 * The client's NTS-KE exchange (RFC 8915 §4): TLS 1.3 with ALPN {@code ntske/1} and the host name
 * as SNI, the request for NTPv4 with AES-SIV-CMAC-256, and the response read into a
 * {@link KeResult}. Connecting, the handshake and the response together take at most
 * {@link #TIMEOUT_MILLIS}; a response longer than {@link #MAX_RESPONSE_OCTETS} fails.
 */
public final class NtsKeClient {
    static final int TIMEOUT_MILLIS = 10_000;
    static final int MAX_RESPONSE_OCTETS = 65_536;

    private final SSLContext context;
    private final boolean validate;
    private final List<String> cipherSuites;

    private NtsKeClient(SSLContext context, boolean validate, List<String> cipherSuites) {
        this.context = context;
        this.validate = validate;
        this.cipherSuites = cipherSuites;
    }

    /**
     * A client for one source: trusting its {@code ca} file, else {@code nts ca}, else the system's
     * store; validating nothing with {@code noval}; certificate dates as {@code nts nocerttimecheck}
     * says; offering the cipher suites of {@code nts tlsciphersuites}, if given.
     *
     * @throws IOException when the CA file cannot be used
     */
    public static NtsKeClient forSource(AssociationOptions options, NtsSettings settings) throws IOException {
        Optional<Path> caFile = options.caFile().or(settings::caFile).map(Path::of);
        boolean validate = !options.has(AssociationFlag.NOVAL);
        return new NtsKeClient(NtsTrust.clientContext(caFile, validate, settings.certTimeCheck()), validate,
                settings.tlsCipherSuites());
    }

    /** A client that checks no certificate: for the server's exchange with itself ({@link NtsKeServer#warmUp}). */
    static NtsKeClient unvalidated() throws IOException {
        return new NtsKeClient(NtsTrust.clientContext(Optional.empty(), false, true), false, List.of());
    }

    /** Runs one key exchange with the NTS-KE server at host and port; any failure is a result. */
    public KeResult exchange(String host, int port) {
        return exchange(host, new InetSocketAddress(host, port));
    }

    /**
     * Runs one key exchange with the NTS-KE server host at the address server, already looked up;
     * host is still the name the certificate must give. Any failure is a result.
     */
    KeResult exchange(String host, InetSocketAddress server) {
        long deadlineNanos = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
        int port = server.getPort();
        try (Socket tcp = new Socket()) {
            tcp.connect(server, TIMEOUT_MILLIS);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, host, port, true)) {
                tls.setSoTimeout(TIMEOUT_MILLIS);
                tls.setSSLParameters(parameters(tls.getSSLParameters(), host));
                tls.startHandshake();
                if (!KeTls.ALPN.equals(tls.getApplicationProtocol())) {
                    return new KeResult.Failed("the server did not agree to ALPN " + KeTls.ALPN);
                }
                tls.getOutputStream().write(KeResponseReader.request());
                tls.getOutputStream().flush();
                Optional<byte[]> response =
                        KeMessages.read(tls.getInputStream(), MAX_RESPONSE_OCTETS, deadlineNanos);
                if (response.isEmpty()) {
                    return new KeResult.Failed("the response did not end within " + MAX_RESPONSE_OCTETS
                            + " octets and " + TIMEOUT_MILLIS + " ms");
                }
                ExtendedSSLSession session = (ExtendedSSLSession) tls.getSession();
                return KeResponseReader.read(response.get(), host, aead -> export(session, aead));
            }
        } catch (IOException e) {
            return new KeResult.Failed("NTS-KE with " + host + " port " + port + ": " + e.getMessage());
        }
    }

    private SSLParameters parameters(SSLParameters parameters, String host) {
        KeTls.restrict(parameters);
        if (!cipherSuites.isEmpty()) {
            parameters.setCipherSuites(cipherSuites.toArray(String[]::new));
        }
        if (IpAddress.parseLiteral(host).isEmpty()) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        if (validate) {
            // the certificate must name the host asked for, as HTTPS clients check (RFC 2818)
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        return parameters;
    }

    private static Optional<SessionKeys> export(ExtendedSSLSession session, int aeadAlgorithm) {
        try {
            return Optional.of(KeyExport.sessionKeys(session, aeadAlgorithm));
        } catch (SSLKeyException e) {
            return Optional.empty();
        }
    }

}
