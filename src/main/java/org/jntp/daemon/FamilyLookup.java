package org.jntp.daemon;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jntp.server.access.AddressFamily;

/**
 * The addresses of a name, or of a numeric address, in the family {@code -4}/{@code -6} on its line
 * allows. Holds no state, so that the NTS-KE exchanges may look up at once, each on its own thread.
 */
record FamilyLookup(HostLookup.Resolver resolver) {

    /** Lookups by the system's resolver, as getaddrinfo() and ntpd use it. */
    static FamilyLookup system() {
        return new FamilyLookup(InetAddress::getAllByName);
    }

    /** The addresses of name in the resolver's order, only of family if one is given; why none otherwise. */
    HostLookup.Result lookup(String name, Optional<AddressFamily> family) {
        InetAddress[] found;
        try {
            found = resolver.resolve(name);
        } catch (UnknownHostException e) {
            return new HostLookup.Result.Failed(name + " does not resolve");
        }
        List<InetAddress> kept = Stream.of(found)
                .filter(address -> family.map(f -> f == NameResolver.familyOf(address)).orElse(true))
                .toList();
        if (kept.isEmpty()) {
            return new HostLookup.Result.Failed(name + family.map(f -> " has no "
                    + (f == AddressFamily.IPV4 ? "IPv4" : "IPv6") + " address").orElse(" does not resolve"));
        }
        return new HostLookup.Result.Found(kept);
    }
}
