package org.jntp.daemon.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThisHostSourcesTest {
    private static final long SECOND = 1_000_000_000L;
    private static final InetAddress OWN_V4 = InetAddress.ofLiteral("192.0.2.2");
    private static final InetAddress OWN_V6 = InetAddress.ofLiteral("2001:db8::2");

    private final AtomicReference<Set<InetAddress>> addresses = new AtomicReference<>(Set.of(OWN_V4, OWN_V6));
    private final AtomicInteger listings = new AtomicInteger();
    private final ThisHostSources sources = new ThisHostSources(() -> {
        listings.incrementAndGet();
        return addresses.get();
    });

    @Test
    void takesLoopbackSourcesForThisHost() {
        assertThat(sources.contains(InetAddress.ofLiteral("127.0.0.1"), 0)).isTrue();
        assertThat(sources.contains(InetAddress.ofLiteral("127.0.0.5"), 0)).isTrue();
        assertThat(sources.contains(InetAddress.ofLiteral("::1"), 0)).isTrue();
    }

    @Test
    void takesAnIpv4AddressOfThisHostForThisHost() {
        assertThat(sources.contains(OWN_V4, 0)).isTrue();
        assertThat(sources.contains(InetAddress.ofLiteral("192.0.2.9"), 0)).isFalse();
    }

    @Test
    void neverTakesAnIpv6AddressOfThisHostForThisHostAsLinuxTakesItFromOutside() {
        assertThat(sources.contains(OWN_V6, 0)).isFalse();
    }

    @Test
    void listsTheAddressesAgainWhenAMinuteOld() {
        sources.contains(OWN_V4, 0);
        addresses.set(Set.of(InetAddress.ofLiteral("192.0.2.3")));

        assertThat(sources.contains(OWN_V4, 59 * SECOND)).isTrue();
        assertThat(listings).hasValue(1);
        assertThat(sources.contains(OWN_V4, 60 * SECOND)).isFalse();
        assertThat(listings).hasValue(2);
    }

    @Test
    void listsTheIpv4AddressesOfThisMachinesInterfaces() throws SocketException {
        Optional<InetAddress> own = LocalAddresses.list().stream().map(LocalAddress::address)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst();
        assumeTrue(own.isPresent(), "an IPv4 address besides loopback");

        assertThat(ThisHostSources.ofInterfaces().contains(own.get(), 0)).isTrue();
    }
}
