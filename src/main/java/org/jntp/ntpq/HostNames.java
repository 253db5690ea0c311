package org.jntp.ntpq;

import java.net.InetAddress;

/** How ntpq names an address when host names are shown ({@code socktohost}): a reverse lookup. */
@FunctionalInterface
public interface HostNames {
    /** The host name of the address, or the address in text when it has none. */
    String nameOf(InetAddress address);

    /** The system resolver's reverse lookup. */
    static HostNames system() {
        return InetAddress::getCanonicalHostName;
    }
}
