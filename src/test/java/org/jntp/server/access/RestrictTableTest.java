package org.jntp.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jntp.server.access.RestrictFlag.IGNORE;
import static org.jntp.server.access.RestrictFlag.KOD;
import static org.jntp.server.access.RestrictFlag.LIMITED;
import static org.jntp.server.access.RestrictFlag.NOMODIFY;
import static org.jntp.server.access.RestrictFlag.NOPEER;
import static org.jntp.server.access.RestrictFlag.NOQUERY;
import static org.jntp.server.access.RestrictFlag.NOTRAP;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RestrictTableTest {
    private static final int CLIENT_PORT = 40123;

    private static IpAddress ip(String text) {
        return IpAddress.parseLiteral(text).orElseThrow();
    }

    private static RestrictRule network(String address, int prefixLength, RestrictFlag... flags) {
        return RestrictRule.restrict(networkTarget(address, prefixLength), set(flags));
    }

    private static RestrictTarget networkTarget(String address, int prefixLength) {
        return new RestrictTarget.Network(AddressMask.prefix(ip(address), prefixLength));
    }

    private static Set<RestrictFlag> set(RestrictFlag... flags) {
        return flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags);
    }

    private static int mask(RestrictFlag... flags) {
        return RestrictFlag.mask(set(flags));
    }

    private static int match(RestrictTable table, String address, int port) {
        IpAddress ip = ip(address);
        return switch (ip.family()) {
            case IPV4 -> table.matchIpv4(ip.ipv4(), port);
            case IPV6 -> table.matchIpv6(ip.high(), ip.low(), port);
        };
    }

    @Test
    void withoutRestrictLinesEveryAddressIsUnrestricted() {
        RestrictTable table = RestrictTable.defaults();
        assertThat(match(table, "198.51.100.7", CLIENT_PORT)).isZero();
        assertThat(match(table, "2001:db8::7", CLIENT_PORT)).isZero();
        assertThat(table.entries()).hasSize(2);
    }

    @Test
    void mostSpecificMatchingEntryWins() {
        RestrictTable table = RestrictTable.of(List.of(
                network("10.1.2.0", 24, IGNORE),
                network("10.0.0.0", 8, NOMODIFY),
                network("10.1.0.0", 16, NOQUERY)));
        assertThat(match(table, "10.1.2.3", CLIENT_PORT)).isEqualTo(mask(IGNORE));
        assertThat(match(table, "10.1.9.9", CLIENT_PORT)).isEqualTo(mask(NOQUERY));
        assertThat(match(table, "10.200.0.1", CLIENT_PORT)).isEqualTo(mask(NOMODIFY));
        assertThat(match(table, "11.0.0.1", CLIENT_PORT)).isZero();
    }

    @Test
    void hostEntryIsMoreSpecificThanItsNetwork() {
        RestrictTable table = RestrictTable.of(List.of(
                network("192.0.2.0", 24, NOQUERY, NOMODIFY),
                RestrictRule.restrict(new RestrictTarget.Network(AddressMask.host(ip("192.0.2.10"))), Set.of())));
        assertThat(match(table, "192.0.2.10", CLIENT_PORT)).isZero();
        assertThat(match(table, "192.0.2.11", CLIENT_PORT)).isEqualTo(mask(NOQUERY, NOMODIFY));
    }

    @Test
    void defaultEntryAppliesOnlyToItsFamily() {
        RestrictTable table = RestrictTable.of(List.of(
                RestrictRule.restrict(RestrictTarget.Default.of(AddressFamily.IPV4), set(LIMITED, KOD))));
        assertThat(match(table, "198.51.100.7", CLIENT_PORT)).isEqualTo(mask(LIMITED, KOD));
        assertThat(match(table, "2001:db8::7", CLIENT_PORT)).isZero();
    }

    @Test
    void defaultWithoutFamilyAppliesToBothFamilies() {
        RestrictTable table = RestrictTable.of(List.of(
                RestrictRule.restrict(RestrictTarget.Default.bothFamilies(), set(NOQUERY))));
        assertThat(match(table, "198.51.100.7", CLIENT_PORT)).isEqualTo(mask(NOQUERY));
        assertThat(match(table, "2001:db8::7", CLIENT_PORT)).isEqualTo(mask(NOQUERY));
    }

    @Test
    void ipv6EntriesMatchByPrefix() {
        RestrictTable table = RestrictTable.of(List.of(
                network("2001:db8::", 32, NOPEER),
                network("2001:db8:1::", 48, IGNORE)));
        assertThat(match(table, "2001:db8:1::5", CLIENT_PORT)).isEqualTo(mask(IGNORE));
        assertThat(match(table, "2001:db8:2::5", CLIENT_PORT)).isEqualTo(mask(NOPEER));
        assertThat(match(table, "2001:db9::5", CLIENT_PORT)).isZero();
    }

    @Test
    void entriesAreListedIpv4FirstInMatchOrder() {
        RestrictTable table = RestrictTable.of(List.of(
                network("2001:db8::", 32, NOPEER),
                network("10.0.0.0", 8, NOQUERY),
                network("10.1.0.0", 16, NOQUERY)));
        assertThat(table.entries()).extracting(entry -> entry.addressMask().toString())
                .containsExactly("10.1.0.0/16", "10.0.0.0/8", "0.0.0.0/0", "2001:db8::/32", "::/0");
    }

    @Test
    void linesForTheSameAddressAndMaskAddTheirFlags() {
        RestrictTable table = RestrictTable.of(List.of(
                network("192.0.2.0", 24, NOQUERY),
                network("192.0.2.0", 24, NOTRAP)));
        assertThat(match(table, "192.0.2.1", CLIENT_PORT)).isEqualTo(mask(NOQUERY, NOTRAP));
        assertThat(table.entries()).hasSize(3);
    }

    @Test
    void ntpportEntryMatchesOnlyPacketsFromPort123() {
        RestrictTable table = RestrictTable.of(List.of(new RestrictRule(RestrictRule.Action.RESTRICT,
                new RestrictTarget.Network(AddressMask.host(ip("192.0.2.1"))), set(IGNORE), true,
                RestrictRule.NO_PEER_LIMIT)));
        assertThat(match(table, "192.0.2.1", 123)).isEqualTo(mask(IGNORE));
        assertThat(match(table, "192.0.2.1", CLIENT_PORT)).isZero();
    }

    @Test
    void ntpportEntryTakesPrecedenceOverThePlainEntryForTheSameAddress() {
        AddressMask host = AddressMask.host(ip("192.0.2.1"));
        RestrictTable table = RestrictTable.of(List.of(
                RestrictRule.restrict(new RestrictTarget.Network(host), set(NOQUERY)),
                new RestrictRule(RestrictRule.Action.RESTRICT, new RestrictTarget.Network(host), set(IGNORE), true,
                        RestrictRule.NO_PEER_LIMIT)));
        assertThat(match(table, "192.0.2.1", 123)).isEqualTo(mask(IGNORE));
        assertThat(match(table, "192.0.2.1", CLIENT_PORT)).isEqualTo(mask(NOQUERY));
    }

    @Test
    void multicastSourcesAreIgnored() {
        RestrictTable table = RestrictTable.defaults();
        assertThat(match(table, "224.0.1.1", 123)).isEqualTo(mask(IGNORE));
        assertThat(match(table, "ff02::101", 123)).isEqualTo(mask(IGNORE));
    }

    @Test
    void nonContiguousMaskMatchesAsNtpdDoes() {
        RestrictTable table = RestrictTable.of(List.of(RestrictRule.restrict(
                new RestrictTarget.Network(new AddressMask(ip("10.0.0.7"), ip("255.0.0.255"))), set(IGNORE))));
        assertThat(match(table, "10.99.99.7", CLIENT_PORT)).isEqualTo(mask(IGNORE));
        assertThat(match(table, "10.99.99.8", CLIENT_PORT)).isZero();
    }

    @Test
    void ipv4MappedKeysMatchTheIpv4List() {
        RestrictTable table = RestrictTable.of(List.of(network("192.0.2.0", 24, NOQUERY)));
        IpAddress client = ip("192.0.2.9");
        assertThat(table.match(client.mappedHigh(), client.mappedLow(), CLIENT_PORT)).isEqualTo(mask(NOQUERY));
        IpAddress v6 = ip("2001:db8::9");
        assertThat(table.match(v6.high(), v6.low(), CLIENT_PORT)).isZero();
    }

    @Test
    void unrestrictClearsTheNamedFlags() {
        RestrictTable table = RestrictTable.of(List.of(
                network("192.0.2.0", 24, NOQUERY, NOMODIFY),
                RestrictRule.unrestrict(networkTarget("192.0.2.0", 24),
                        set(NOQUERY))));
        assertThat(match(table, "192.0.2.1", CLIENT_PORT)).isEqualTo(mask(NOMODIFY));
    }

    @Test
    void unrestrictWithoutFlagsRemovesTheEntry() {
        RestrictTable table = RestrictTable.of(List.of(
                RestrictRule.restrict(RestrictTarget.Default.bothFamilies(), set(NOPEER)),
                network("192.0.2.0", 24, IGNORE),
                RestrictRule.unrestrict(networkTarget("192.0.2.0", 24), Set.of())));
        assertThat(match(table, "192.0.2.1", CLIENT_PORT)).isEqualTo(mask(NOPEER));
        assertThat(table.entries()).hasSize(2);
    }

    @Test
    void unrestrictCannotRemoveTheDefaultEntries() {
        RestrictTable table = RestrictTable.of(List.of(
                RestrictRule.restrict(RestrictTarget.Default.bothFamilies(), set(NOQUERY, LIMITED)),
                RestrictRule.unrestrict(RestrictTarget.Default.bothFamilies(), Set.of()),
                RestrictRule.unrestrict(RestrictTarget.Default.of(AddressFamily.IPV6), set(LIMITED))));
        assertThat(match(table, "198.51.100.7", CLIENT_PORT)).isEqualTo(mask(NOQUERY, LIMITED));
        assertThat(match(table, "2001:db8::7", CLIENT_PORT)).isEqualTo(mask(NOQUERY));
    }

    @Test
    void restrictSourceIsKeptAsATemplateNotAnEntry() {
        RestrictTable table = RestrictTable.of(List.of(
                RestrictRule.restrict(RestrictTarget.Default.bothFamilies(), set(NOPEER, NOQUERY)),
                RestrictRule.restrict(new RestrictTarget.Source(), set(NOQUERY))));
        assertThat(table.sourceTemplate()).contains(new SourceTemplate(mask(NOQUERY), false, -1));
        assertThat(table.entries()).hasSize(2);
    }

    @Test
    void associationAddressGetsAHostEntryFromTheSourceTemplate() {
        RestrictTable table = RestrictTable.of(List.of(
                RestrictRule.restrict(RestrictTarget.Default.bothFamilies(), set(NOPEER, NOQUERY)),
                RestrictRule.restrict(new RestrictTarget.Source(), set(NOQUERY))));
        RestrictTable withServer = table.withSourceHost(ip("203.0.113.5"));
        assertThat(match(withServer, "203.0.113.5", 123)).isEqualTo(mask(NOQUERY));
        assertThat(match(withServer, "203.0.113.6", 123)).isEqualTo(mask(NOPEER, NOQUERY));
        assertThat(match(withServer.withoutSourceHost(ip("203.0.113.5")), "203.0.113.5", 123))
                .isEqualTo(mask(NOPEER, NOQUERY));
    }

    @Test
    void configuredHostEntryIsLeftAloneBySourceTemplate() {
        RestrictTable table = RestrictTable.of(List.of(
                RestrictRule.restrict(new RestrictTarget.Network(AddressMask.host(ip("203.0.113.5"))), set(NOTRAP)),
                RestrictRule.restrict(new RestrictTarget.Source(), set(NOQUERY))));
        RestrictTable withServer = table.withSourceHost(ip("203.0.113.5"));
        assertThat(withServer).isSameAs(table);
        assertThat(withServer.withoutSourceHost(ip("203.0.113.5"))).isSameAs(table);
    }

    @Test
    void withoutSourceTemplateAssociationsAddNothing() {
        RestrictTable table = RestrictTable.defaults();
        assertThat(table.withSourceHost(ip("203.0.113.5"))).isSameAs(table);
    }

    @Test
    void matchesTheLongestContainingPrefixForRandomTables() {
        Random random = new Random(123);
        for (int round = 0; round < 200; round++) {
            List<RestrictRule> rules = new ArrayList<>();
            Map<AddressMask, Integer> expectedFlags = new HashMap<>();
            for (int i = 0; i < 1 + random.nextInt(12); i++) {
                AddressMask network = AddressMask.prefix(IpAddress.ipv4(0x0A00_0000 | random.nextInt(1 << 12) << 12),
                        8 + random.nextInt(25));
                int flags = 1 << random.nextInt(RestrictFlag.values().length);
                rules.add(RestrictRule.restrict(new RestrictTarget.Network(network), RestrictFlag.fromMask(flags)));
                expectedFlags.merge(network, flags, (a, b) -> a | b);
            }
            RestrictTable table = RestrictTable.of(rules);
            for (int probe = 0; probe < 50; probe++) {
                IpAddress client = IpAddress.ipv4(0x0A00_0000 | random.nextInt(1 << 24));
                int expected = expectedFlags.entrySet().stream()
                        .filter(e -> e.getKey().contains(client))
                        .max((a, b) -> Integer.compare(a.getKey().prefixLength(), b.getKey().prefixLength()))
                        .map(Map.Entry::getValue)
                        .orElse(0);
                assertThat(table.matchIpv4(client.ipv4(), CLIENT_PORT)).as(client + " in " + rules).isEqualTo(expected);
            }
        }
    }

    @Test
    void countsAHitOnTheEntryEachPacketMatches() {
        RestrictTable table = RestrictTable.of(List.of(network("10.0.0.0", 8, NOQUERY), network("2001:db8::", 32)));
        match(table, "10.1.2.3", CLIENT_PORT);
        match(table, "10.9.9.9", CLIENT_PORT);
        match(table, "198.51.100.7", CLIENT_PORT);
        match(table, "2001:db8::7", CLIENT_PORT);

        List<String> counted = new ArrayList<>();
        for (int i = 0; i < table.entries().size(); i++) {
            counted.add(table.entries().get(i).addressMask() + " " + table.hits(i));
        }
        assertThat(counted).containsExactly("10.0.0.0/8 2", "0.0.0.0/0 1", "2001:db8::/32 1", "::/0 0");
    }

    @Test
    void multicastSourcesAreIgnoredWithoutAHit() {
        RestrictTable table = RestrictTable.defaults();
        match(table, "224.0.1.1", CLIENT_PORT);

        assertThat(table.hits(0)).isZero();
    }
}
