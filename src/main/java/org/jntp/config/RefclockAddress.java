package org.jntp.config;

import java.util.Optional;
import org.jntp.server.access.AddressFamily;
import org.jntp.server.access.IpAddress;

/**
 * A reference clock in ntpd's pseudo-address form 127.127.t.u: driver type t, unit u (127.127.1.0
 * is the undisciplined local clock).
 */
public record RefclockAddress(int type, int unit) implements ServerAddress {
    public RefclockAddress {
        if (type < 0 || type > 255 || unit < 0 || unit > 255) {
            throw new IllegalArgumentException("refclock type and unit are octets: " + type + "." + unit);
        }
    }

    /** The refclock an address names, if it lies in 127.127.0.0/16. */
    public static Optional<RefclockAddress> of(IpAddress address) {
        int bits = address.ipv4();
        boolean refclock = address.family() == AddressFamily.IPV4 && (bits >>> 16) == 0x7F7F;
        return refclock ? Optional.of(new RefclockAddress((bits >>> 8) & 0xFF, bits & 0xFF)) : Optional.empty();
    }

    /** The 127.127.t.u address. */
    public IpAddress address() {
        return IpAddress.ipv4(0x7F7F_0000 | (type << 8) | unit);
    }

    @Override
    public String toString() {
        return "127.127." + type + "." + unit;
    }
}
