package org.jntp.daemon.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Which datagram sources are this host, as far as Linux vouches for it: a loopback address (a
 * datagram from one that arrives on another interface is dropped as a martian), or one of this
 * host's IPv4 addresses (the same, unless {@code accept_local} is set). An IPv6 datagram from one
 * of this host's addresses is taken from outside, so only {@code ::1} counts there. The addresses
 * are listed again when a minute old, as interfaces come and go.
 */
public final class ThisHostSources {
    private static final long REFRESH_NANOS = 60_000_000_000L;

    private final Supplier<Set<InetAddress>> lister;
    private volatile Listing listing;

    private record Listing(Set<InetAddress> addresses, long listedNanos) {}

    /** @param lister lists this host's IPv4 addresses */
    ThisHostSources(Supplier<Set<InetAddress>> lister) {
        this.lister = lister;
    }

    /** This host's sources as its interfaces show them; none besides loopback when they cannot be listed. */
    public static ThisHostSources ofInterfaces() {
        return new ThisHostSources(() -> {
            try {
                return LocalAddresses.list().stream().map(LocalAddress::address)
                        .filter(address -> address instanceof Inet4Address).collect(Collectors.toUnmodifiableSet());
            } catch (SocketException e) {
                return Set.of();
            }
        });
    }

    /** Whether a datagram from {@code source} came from this host, at monotonic time {@code monoNanos}. */
    public boolean contains(InetAddress source, long monoNanos) {
        if (source.isLoopbackAddress()) {
            return true;
        }
        if (!(source instanceof Inet4Address)) {
            return false;
        }
        Listing current = listing;
        if (current == null || monoNanos - current.listedNanos() >= REFRESH_NANOS) {
            current = new Listing(lister.get(), monoNanos);
            listing = current;
        }
        return current.addresses().contains(source);
    }
}
