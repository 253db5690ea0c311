package org.jntp.ntpq;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/** A datagram conversation with one server's control port. */
public interface ControlTransport extends AutoCloseable {
    /** Sends one datagram. */
    void send(byte[] datagram) throws IOException;

    /**
     * Waits up to {@code timeout} for a datagram.
     *
     * @return the datagram, or empty when none came in time
     * @throws java.net.PortUnreachableException when the server said nobody listens
     */
    Optional<byte[]> receive(Duration timeout) throws IOException;

    @Override
    void close();

    /** Opens transports to servers. */
    @FunctionalInterface
    interface Factory {
        /** A transport to the server. */
        ControlTransport open(InetSocketAddress server) throws IOException;
    }
}
