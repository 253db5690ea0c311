package org.jntp.config;

import java.util.Optional;
import org.jntp.server.access.AddressFamily;
import org.jntp.server.access.IpAddress;

/** The address on a server, pool or peer line. */
public sealed interface ServerAddress permits ServerAddress.HostName, ServerAddress.Literal, RefclockAddress {
    /** A DNS name, resolved later; -4 or -6 on the line limits it to one family. */
    record HostName(String name, Optional<AddressFamily> family) implements ServerAddress {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A numeric IPv4 or IPv6 address. */
    record Literal(IpAddress address) implements ServerAddress {
        @Override
        public String toString() {
            return address.toString();
        }
    }
}
