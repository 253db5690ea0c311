package org.jntp.config;

import java.util.Objects;
import org.jntp.server.access.AddressFamily;
import org.jntp.server.access.IpAddress;

/**
 * Where the {@code metrics} directive asks the Prometheus endpoint to listen: one numeric address
 * and a TCP port.
 *
 * @param address the address to bind, never a name, so that starting needs no DNS
 * @param port the TCP port, 1 to 65535
 */
public record MetricsEndpoint(IpAddress address, int port) {
    /** Checks the port. */
    public MetricsEndpoint {
        Objects.requireNonNull(address, "address");
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** As the directive writes it: {@code 127.0.0.1:9975} or {@code [::1]:9975}. */
    @Override
    public String toString() {
        return (address.family() == AddressFamily.IPV6 ? "[" + address + "]" : address.toString()) + ":" + port;
    }
}
