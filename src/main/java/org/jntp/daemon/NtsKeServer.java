package org.jntp.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLKeyException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.jntp.nts.KeResponder;
import org.jntp.nts.KeResult;
import org.jntp.nts.KeResponse;
import org.jntp.nts.KeTls;
import org.jntp.nts.KeyExport;
import org.jntp.nts.MasterKeyRing;
import org.jntp.nts.SessionKeys;
import org.jntp.server.Counter;
import org.jntp.server.SharedCounters;

/**
 * The NTS-KE server (RFC 8915 §4): TLS 1.3 with ALPN {@code ntske/1} on a TCP port, one virtual
 * thread a connection, each reading one request, writing the response and closing. A client that
 * does not agree to {@code ntske/1}, sends more than {@link #MAX_REQUEST_OCTETS} without an End of
 * Message, or has not sent its request {@link #TIMEOUT_MILLIS} after connecting, is dropped; beyond
 * {@link #MAX_CONNECTIONS} at once, new connections are closed at once. Each connection served
 * counts as good, when it got keys and cookies, or bad (NTPsec's {@code nts_ke_serves_*}); one
 * closed at once for want of room is not served and not counted.
 */
final class NtsKeServer implements AutoCloseable {
    static final int MAX_REQUEST_OCTETS = 16_384;
    static final int TIMEOUT_MILLIS = 10_000;
    static final int MAX_CONNECTIONS = 256;

    private final SSLServerSocket socket;
    private final KeResponder responder;
    private final Supplier<MasterKeyRing> ring;
    private final RandomGenerator random;
    private final SharedCounters counters;
    private final EventLog log;
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
    private final Thread acceptor;

    private NtsKeServer(SSLServerSocket socket, KeResponder responder, Supplier<MasterKeyRing> ring,
            RandomGenerator random, SharedCounters counters, EventLog log) {
        this.socket = socket;
        this.responder = responder;
        this.ring = ring;
        this.random = random;
        this.counters = counters;
        this.log = log;
        this.acceptor = Thread.ofPlatform().daemon().name("nts-ke-accept").unstarted(this::acceptLoop);
    }

    /**
     * Listens on this address; {@link #serve} then starts answering. Bound before the daemon drops
     * privileges, served after, so that the threads have the identity the drop left.
     *
     * @param cipherSuites the TLS 1.3 cipher suites allowed, in order; empty for the runtime's default
     * @param ring the master keys now; the caller rotates them
     * @param random the source of cookie nonces: {@link java.security.SecureRandom} outside tests
     * @param counters where the exchanges served and the cookies made are counted
     */
    static NtsKeServer bind(SSLContext context, InetSocketAddress address, List<String> cipherSuites,
            KeResponder responder, Supplier<MasterKeyRing> ring, RandomGenerator random, SharedCounters counters,
            EventLog log) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        try {
            SSLParameters parameters = KeTls.restrict(socket.getSSLParameters());
            if (!cipherSuites.isEmpty()) {
                parameters.setCipherSuites(cipherSuites.toArray(String[]::new));
                parameters.setUseCipherSuitesOrder(true);
            }
            socket.setSSLParameters(parameters);
            socket.bind(address, MAX_CONNECTIONS);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return new NtsKeServer(socket, responder, ring, random, counters, log);
    }

    /** Starts answering on the bound socket. */
    void serve() {
        acceptor.start();
        log.info("NTS-KE server listening on " + socket.getLocalSocketAddress());
    }

    /**
     * One key exchange with this server from inside the daemon, its cookies dropped. A fresh JVM
     * runs its first TLS handshake and cookie sealing cold (0.7 s on a loaded 2-core machine, over
     * 3 s under heavier load, 0.06 s once warm), and NTPsec 1.2.2's client gives an exchange 3 s
     * and, failing, waits long before the next (2^12 s, by its log). Checks no certificate: it
     * talks to itself.
     */
    KeResult warmUp() {
        InetSocketAddress bound = address();
        InetAddress host = bound.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress()
                : bound.getAddress();
        try {
            return NtsKeClient.unvalidated().exchange(host.getHostAddress(), bound.getPort());
        } catch (IOException e) {
            return new KeResult.Failed(e.getMessage());
        }
    }

    /** The port listened on. */
    int port() {
        return socket.getLocalPort();
    }

    /** The address listened on. */
    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.info("NTS-KE accept failed: " + e.getMessage());
                    pauseAfterFailedAccept();
                }
                continue;
            }
            if (!connections.tryAcquire()) {
                closeQuietly(connection);
                continue;
            }
            Thread.ofVirtual().name("nts-ke").start(() -> {
                try {
                    counters.increment(serve((SSLSocket) connection) ? Counter.NTS_KE_SERVED_GOOD
                            : Counter.NTS_KE_SERVED_BAD);
                } finally {
                    connections.release();
                    closeQuietly(connection);
                }
            });
        }
    }

    /** Out of file descriptors, accept fails at once again: a pause keeps the loop from spinning. */
    private static void pauseAfterFailedAccept() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers one connection; whether the client got keys and cookies. */
    private boolean serve(SSLSocket connection) {
        long deadlineNanos = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
        try {
            connection.setSoTimeout(TIMEOUT_MILLIS);
            connection.startHandshake();
            if (!KeTls.ALPN.equals(connection.getApplicationProtocol())) {
                return false;
            }
            Optional<byte[]> request =
                    KeMessages.read(connection.getInputStream(), MAX_REQUEST_OCTETS, deadlineNanos);
            if (request.isEmpty()) {
                return false;
            }
            ExtendedSSLSession session = (ExtendedSSLSession) connection.getSession();
            KeResponse response = responder.respond(request.get(), aead -> export(session, aead), ring.get(), random);
            if (response instanceof KeResponse.Accepted accepted) {
                counters.add(Counter.NTS_COOKIE_MADE, accepted.cookies().size());
            }
            connection.getOutputStream().write(response.encode());
            connection.getOutputStream().flush();
            return response instanceof KeResponse.Accepted;
        } catch (SocketException e) {
            // the client went away: nothing to answer
            return false;
        } catch (IOException e) {
            log.debug(1, "NTS-KE session with " + connection.getRemoteSocketAddress() + " failed: " + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // a bug that one client's session met: that client goes unserved, the daemon keeps time
            log.info("NTS-KE session with " + connection.getRemoteSocketAddress() + " failed: internal error: " + e);
            return false;
        }
    }

    private Optional<SessionKeys> export(ExtendedSSLSession session, int aeadAlgorithm) {
        try {
            return Optional.of(KeyExport.sessionKeys(session, aeadAlgorithm));
        } catch (SSLKeyException e) {
            log.info("NTS-KE key export failed: " + e.getMessage());
            return Optional.empty();
        }
    }


    private static void closeQuietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException e) {
            // closing a connection we are done with: nothing more to do
        }
    }
}
