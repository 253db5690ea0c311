package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.OptionalInt;
import org.jntp.config.InterfaceAction;
import org.jntp.config.InterfaceMatch;
import org.jntp.config.InterfaceRule;
import org.jntp.daemon.net.LocalAddress;
import org.jntp.server.access.IpAddress;
import org.junit.jupiter.api.Test;

class ListenPlanTest {
    private static final LocalAddress LO4 = local("lo", "127.0.0.1", 8, true);
    private static final LocalAddress LO6 = local("lo", "::1", 128, true);
    private static final LocalAddress ETH4 = local("eth0", "192.0.2.10", 24, false);
    private static final LocalAddress ETH6 = local("eth0", "2001:db8::10", 64, false);
    private static final List<LocalAddress> HOST = List.of(LO4, LO6, ETH4, ETH6);

    private static LocalAddress local(String name, String address, int prefix, boolean loopback) {
        try {
            return new LocalAddress(name, loopback ? 1 : 2, InetAddress.getByName(address), prefix, loopback, true);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static InterfaceRule rule(InterfaceAction action, InterfaceMatch match) {
        return new InterfaceRule(action, match);
    }

    private static List<LocalAddress> listened(List<ListenPlan.Listen> plan) {
        return plan.stream().map(ListenPlan.Listen::address).toList();
    }

    @Test
    void listensOnEveryAddressWhenNoRuleIsGiven() {
        assertThat(listened(ListenPlan.plan(HOST, List.of()))).containsExactlyElementsOf(HOST);
    }

    @Test
    void letsTheLastMatchingRuleWin() {
        List<ListenPlan.Listen> plan = ListenPlan.plan(HOST, List.of(
                rule(InterfaceAction.IGNORE, new InterfaceMatch.Name("eth0")),
                rule(InterfaceAction.LISTEN, new InterfaceMatch.Address(IpAddress.parseLiteral("192.0.2.10").orElseThrow(),
                        OptionalInt.empty()))));

        assertThat(listened(plan)).containsExactly(LO4, LO6, ETH4);
    }

    @Test
    void doesNotMatchLoopbackWithAll() {
        List<ListenPlan.Listen> plan = ListenPlan.plan(HOST,
                List.of(rule(InterfaceAction.IGNORE, new InterfaceMatch.Every(InterfaceMatch.Kind.ALL))));

        assertThat(listened(plan)).containsExactly(LO4, LO6);
    }

    @Test
    void matchesLoopbackWithAFamily() {
        List<ListenPlan.Listen> plan = ListenPlan.plan(HOST, List.of(
                rule(InterfaceAction.IGNORE, new InterfaceMatch.Every(InterfaceMatch.Kind.IPV6)),
                rule(InterfaceAction.IGNORE, new InterfaceMatch.Every(InterfaceMatch.Kind.IPV4)),
                rule(InterfaceAction.LISTEN, new InterfaceMatch.Address(IpAddress.parseLiteral("127.0.0.1").orElseThrow(),
                        OptionalInt.empty()))));

        assertThat(listened(plan)).containsExactly(LO4);
    }

    @Test
    void matchesANetworkByPrefix() {
        List<ListenPlan.Listen> plan = ListenPlan.plan(HOST, List.of(
                rule(InterfaceAction.DROP, new InterfaceMatch.Address(IpAddress.parseLiteral("2001:db8::").orElseThrow(),
                        OptionalInt.of(32)))));

        assertThat(plan).contains(new ListenPlan.Listen(ETH6, InterfaceAction.DROP));
        assertThat(plan).contains(new ListenPlan.Listen(ETH4, InterfaceAction.LISTEN));
    }

    @Test
    void skipsInterfacesThatAreDown() {
        LocalAddress down = new LocalAddress("eth1", 3, ETH4.address(), 24, false, false);

        assertThat(ListenPlan.plan(List.of(LO4, down), List.of())).extracting(ListenPlan.Listen::address)
                .containsExactly(LO4);
    }
}
