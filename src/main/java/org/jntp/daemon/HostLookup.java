package org.jntp.daemon;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks a host name up; blocks, so it runs on the resolver thread only. */
@FunctionalInterface
interface HostLookup {

    /** What a lookup found. */
    sealed interface Result {
        /** The addresses, in the resolver's order. */
        record Found(List<InetAddress> addresses) implements Result {}

        /** Nothing usable, with why, in words for the log. */
        record Failed(String reason) implements Result {}
    }

    Result lookup(String name);

    /** The JDK's resolver: the system's, as getaddrinfo() and ntpd use it. */
    static HostLookup system() {
        return name -> {
            try {
                return new Result.Found(List.of(InetAddress.getAllByName(name)));
            } catch (UnknownHostException e) {
                return new Result.Failed(e.getMessage() == null || e.getMessage().equals(name)
                        ? "no such host" : e.getMessage());
            }
        };
    }
}
