package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jntp.config.Association;
import org.jntp.config.AssociationFlag;
import org.jntp.config.AssociationOptions;
import org.jntp.config.AssociationType;
import org.jntp.config.ServerAddress;
import org.jntp.server.access.IpAddress;
import org.jntp.source.Retirement;
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

    private static Retirement unreachable(Synchronizer.SourceSpec source) {
        return new Retirement(source, Retirement.Cause.UNREACHABLE);
    }

    private static Retirement falseticker(Synchronizer.SourceSpec source) {
        return new Retirement(source, Retirement.Cause.FALSETICKER);
    }

    private static List<InetAddress> addressesOf(SourceSet set) {
        return set.sources().stream().map(source -> source.address().getAddress()).toList();
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
        set.add(POOL, addresses("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"));

        SourceSet.Replacement replacement = set.replace(unreachable(set.sources().getFirst()));

        assertThat(addressesOf(set)).containsExactly(literal("192.0.2.2"), literal("192.0.2.3"));
        assertThat(replacement.notes()).containsExactly(
                "pool pool.example.net: demobilizing 192.0.2.1, unreachable for 10 polls",
                "Soliciting pool server 192.0.2.3");
        assertThat(replacement.lookUpAgain()).isEmpty();
    }

    @Test
    void saysAFalsetickerWasDemobilizedForBeingOne() {
        SourceSet set = new SourceSet(10, 123);
        set.add(POOL, addresses("192.0.2.1", "192.0.2.2"));

        SourceSet.Replacement replacement = set.replace(falseticker(set.sources().getFirst()));

        assertThat(replacement.notes()).first()
                .isEqualTo("pool pool.example.net: demobilizing 192.0.2.1, a falseticker for 10 polls");
    }

    @Test
    void dropsAPoolMemberWithoutReplacementWhenNoneIsInReserve() {
        SourceSet set = new SourceSet(10, 123);
        set.add(POOL, addresses("192.0.2.1", "192.0.2.2"));

        set.replace(unreachable(set.sources().getFirst()));

        assertThat(addressesOf(set)).containsExactly(literal("192.0.2.2"));
    }

    @Test
    void asksForThePoolNameAgainOnceItsReserveIsUsedUp() {
        SourceSet set = new SourceSet(2, 123);
        set.add(POOL, addresses("192.0.2.1", "192.0.2.2", "192.0.2.3"));

        SourceSet.Replacement replacement = set.replace(unreachable(set.sources().getFirst()));

        assertThat(replacement.lookUpAgain()).contains(new ResolveSchedule.Name(POOL,
                (ServerAddress.HostName) POOL.address()));
        assertThat(replacement.notes()).last()
                .isEqualTo("pool pool.example.net: no address left in reserve, looking the name up again");
    }

    @Test
    void asksNoLookupForAPoolWrittenAsAnAddress() {
        Association literalPool = new Association(AssociationType.POOL,
                new ServerAddress.Literal(IpAddress.ipv4(0xC000_0201)), AssociationOptions.none());
        SourceSet set = new SourceSet(10, 123);
        set.add(literalPool, addresses("192.0.2.1"));

        SourceSet.Replacement replacement = set.replace(unreachable(set.sources().getFirst()));

        assertThat(replacement.lookUpAgain()).isEmpty();
    }

    @Test
    void dropsAPreemptServerForGoodWithoutAskingForItsNameAgain() {
        AssociationOptions none = AssociationOptions.none();
        Association preempt = new Association(AssociationType.SERVER,
                new ServerAddress.HostName("ntp.example.net", Optional.empty()),
                new AssociationOptions(Set.of(AssociationFlag.PREEMPT), none.minPollLog2(), none.maxPollLog2(),
                        none.version(), none.key(), none.mode(), none.ttl()));
        SourceSet set = new SourceSet(10, 123);
        set.add(preempt, addresses("192.0.2.1"));

        SourceSet.Replacement replacement = set.replace(falseticker(set.sources().getFirst()));

        assertThat(set.sources()).isEmpty();
        assertThat(replacement.notes())
                .containsExactly("server ntp.example.net: demobilizing 192.0.2.1, a falseticker for 10 polls");
        assertThat(replacement.lookUpAgain()).isEmpty();
    }

    @Test
    void refillsTheReserveWithFreshAddressesOnlyFromALookupAgain() {
        SourceSet set = new SourceSet(2, 123);
        set.add(POOL, addresses("192.0.2.1", "192.0.2.2", "192.0.2.3"));
        set.replace(falseticker(set.sources().getFirst()));

        List<String> logged = set.add(POOL, addresses("192.0.2.2", "192.0.2.1", "192.0.2.4", "192.0.2.3"));
        SourceSet.Replacement replacement = set.replace(unreachable(set.sources().getFirst()));

        assertThat(logged).containsExactly("pool pool.example.net: 192.0.2.2 is already a source",
                "pool pool.example.net: 192.0.2.1 was demobilized, not taken again",
                "pool pool.example.net: 192.0.2.4 kept in reserve, tos maxclock 2 sources already",
                "pool pool.example.net: 192.0.2.3 is already a source");
        assertThat(addressesOf(set)).containsExactly(literal("192.0.2.3"), literal("192.0.2.4"));
        assertThat(replacement.notes()).contains("Soliciting pool server 192.0.2.4");
    }

    @Test
    void pollsFreshAddressesAtOnceWhileFewerThanMaxclockSourcesAreLeft() {
        SourceSet set = new SourceSet(3, 123);
        set.add(POOL, addresses("192.0.2.1", "192.0.2.2"));
        set.replace(unreachable(set.sources().getFirst()));

        List<String> logged = set.add(POOL, addresses("192.0.2.2", "192.0.2.5"));

        assertThat(addressesOf(set)).containsExactly(literal("192.0.2.2"), literal("192.0.2.5"));
        assertThat(logged).last().isEqualTo("Soliciting pool server 192.0.2.5");
    }

    @Test
    void keepsAnAddressInReserveOnce() {
        SourceSet set = new SourceSet(1, 123);
        set.add(POOL, addresses("192.0.2.1", "192.0.2.2"));

        List<String> logged = set.add(POOL, addresses("192.0.2.2"));

        assertThat(logged).containsExactly("pool pool.example.net: 192.0.2.2 is already in reserve");
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

    @Test
    void keepsAServerOnItsAddressWhileItsNameStillResolvesToIt() {
        SourceSet set = new SourceSet(10, 123);
        set.add(SERVER, addresses("192.0.2.1"));

        Optional<Synchronizer.SourceSpec> moved = set.moved(SERVER, addresses("192.0.2.2", "192.0.2.1"));
        List<String> logged = set.add(SERVER, addresses("192.0.2.2", "192.0.2.1"));

        assertThat(moved).isEmpty();
        assertThat(addressesOf(set)).containsExactly(literal("192.0.2.1"));
        assertThat(logged).containsExactly("server ntp.example.net still resolves to 192.0.2.1");
    }

    @Test
    void movesAServerWhoseNameNoLongerResolvesToItsAddress() {
        SourceSet set = new SourceSet(10, 123);
        set.add(SERVER, addresses("192.0.2.1"));

        Optional<Synchronizer.SourceSpec> moved = set.moved(SERVER, addresses("192.0.2.9"));
        List<String> logged = set.add(SERVER, addresses("192.0.2.9"));

        assertThat(moved).map(old -> old.address().getAddress()).contains(literal("192.0.2.1"));
        assertThat(addressesOf(set)).containsExactly(literal("192.0.2.9"));
        assertThat(logged).containsExactly("server ntp.example.net resolved to 192.0.2.9");
    }

    @Test
    void movesNoPoolMemberWhenThePoolNameIsLookedUpAgain() {
        SourceSet set = new SourceSet(10, 123);
        set.add(POOL, addresses("192.0.2.1"));

        assertThat(set.moved(POOL, addresses("192.0.2.9"))).isEmpty();
        set.add(POOL, addresses("192.0.2.9"));

        assertThat(addressesOf(set)).containsExactly(literal("192.0.2.1"), literal("192.0.2.9"));
    }

    @Test
    void hasNothingToMoveForALineNotPolledYet() {
        SourceSet set = new SourceSet(10, 123);

        assertThat(set.moved(SERVER, addresses("192.0.2.9"))).isEmpty();
    }
}
