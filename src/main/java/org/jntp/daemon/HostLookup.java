package org.jntp.daemon;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** A resolver as the JDK's: the addresses, or an UnknownHostException with the resolver's words. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String name) throws UnknownHostException;
    }

    Result lookup(String name);

    /** The JDK's resolver: the system's, as getaddrinfo() and ntpd use it. */
    static HostLookup system() {
        return over(InetAddress::getAllByName);
    }

    /**
     * Lookups by {@code resolver}. The JDK answers a failure again from its negative cache (10 s)
     * with the bare name for a message: the reason is then the one the lookup that filled the cache
     * gave, so that a name failing for one reason is logged once, not again at every retry that
     * hits or misses the cache.
     */
    static HostLookup over(Resolver resolver) {
        Map<String, String> reasons = new HashMap<>();
        return name -> {
            try {
                List<InetAddress> addresses = List.of(resolver.resolve(name));
                reasons.remove(name);
                return new Result.Found(addresses);
            } catch (UnknownHostException e) {
                if (e.getMessage() == null || e.getMessage().equals(name)) {
                    return new Result.Failed(reasons.getOrDefault(name, "no such host"));
                }
                reasons.put(name, e.getMessage());
                return new Result.Failed(e.getMessage());
            }
        };
    }
}
