package org.jntp.daemon;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.jntp.server.access.IpAddress;

/** Addresses as the log shows them: dotted quads, and IPv6 in RFC 5952's short form (2001:db8::1). */
public final class AddressText {
    private AddressText() {}

    public static String of(InetAddress address) {
        ByteBuffer bytes = ByteBuffer.wrap(address.getAddress());
        IpAddress ip = bytes.capacity() == 4 ? IpAddress.ipv4(bytes.getInt(0))
                : IpAddress.ipv6(bytes.getLong(0), bytes.getLong(8));
        return ip.toString();
    }
}
