package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jntp.config.Association;
import org.jntp.config.AssociationOptions;
import org.jntp.config.AssociationType;
import org.jntp.config.ServerAddress;
import org.jntp.source.Synchronizer;
import org.junit.jupiter.api.Test;

class SourceSetTest {
    private static final Association POOL = association(AssociationType.POOL, "pool.example.net");
    private static final Association SERVER = association(AssociationType.SERVER, "ntp.example.net");

    private static Association association(AssociationType type, String host) {
        return new Association(type, new ServerAddress.HostName(host, Optional.empty()), AssociationOptions.none());
    }

    private static List<InetAddress> addresses(String... literals) {
        return Arrays.stream(literals).map(SourceSetTest::literal).toList();
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static List<InetSocketAddress> destinations(SourceSet set) {
        return set.sources().stream().map(Synchronizer.SourceSpec::address).toList();
    }

    @Test
    void takesTheFirstAddressOfAServerName() {
        SourceSet set = new SourceSet(10, 123);

        List<String> logged = set.add(SERVER, addresses("192.0.2.1", "192.0.2.2"));

        assertThat(destinations(set)).containsExactly(new InetSocketAddress(literal("192.0.2.1"), 123));
        assertThat(logged).containsExactly("server ntp.example.net resolved to 192.0.2.1");
    }

    @Test
    void takesEveryAddressOfAPoolAsNtpdSolicitsThem() {
        SourceSet set = new SourceSet(10, 123);

        List<String> logged = set.add(POOL, addresses("192.0.2.1", "192.0.2.2", "2001:db8::3"));

        assertThat(destinations(set)).hasSize(3);
        assertThat(logged).containsExactly("Soliciting pool server 192.0.2.1", "Soliciting pool server 192.0.2.2",
                "Soliciting pool server 2001:db8::3");
    }

    @Test
    void stopsTakingPoolServersAtMaxclockSources() {
        SourceSet set = new SourceSet(3, 123);
        set.add(SERVER, addresses("192.0.2.9"));

        List<String> logged = set.add(POOL, addresses("192.0.2.1", "192.0.2.2", "192.0.2.3"));

        assertThat(set.sources()).hasSize(3);
        assertThat(logged).last().asString().contains("192.0.2.3 kept in reserve, tos maxclock 3");
    }

    @Test
    void putsAReservePoolAddressInTheDroppedOnesPlace() {
        SourceSet set = new SourceSet(2, 123);
        set.add(POOL, addresses("192.0.2.1", "192.0.2.2", "192.0.2.3"));
        Synchronizer.SourceSpec dropped = set.sources().getFirst();

        List<String> logged = set.replace(dropped);

        assertThat(destinations(set)).extracting(InetSocketAddress::getAddress)
                .containsExactly(literal("192.0.2.2"), literal("192.0.2.3"));
        assertThat(logged).containsExactly("pool pool.example.net: dropping 192.0.2.1, unreachable",
                "Soliciting pool server 192.0.2.3");
    }

    @Test
    void dropsAPoolMemberWithoutReplacementWhenNoneIsInReserve() {
        SourceSet set = new SourceSet(10, 123);
        set.add(POOL, addresses("192.0.2.1", "192.0.2.2"));

        set.replace(set.sources().getFirst());

        assertThat(destinations(set)).extracting(InetSocketAddress::getAddress).containsExactly(literal("192.0.2.2"));
    }

    @Test
    void neverPollsOneAddressTwice() {
        SourceSet set = new SourceSet(10, 123);
        set.add(SERVER, addresses("192.0.2.1"));

        List<String> logged = set.add(POOL, addresses("192.0.2.1", "192.0.2.2"));

        assertThat(destinations(set)).containsExactly(new InetSocketAddress(literal("192.0.2.1"), 123),
                new InetSocketAddress(literal("192.0.2.2"), 123));
        assertThat(logged).first().asString().contains("192.0.2.1 is already a source");
    }

    @Test
    void asksServersOnTheGivenPort() {
        SourceSet set = new SourceSet(10, 12300);

        set.add(SERVER, addresses("192.0.2.1"));

        assertThat(destinations(set)).containsExactly(new InetSocketAddress(literal("192.0.2.1"), 12300));
    }
}
