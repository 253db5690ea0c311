package org.jntp.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlHeader;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.server.access.AddressFamily;
import org.jntp.server.access.AddressMask;
import org.jntp.server.access.IpAddress;
import org.jntp.server.access.RestrictEntry;
import org.jntp.server.access.RestrictFlag;
import org.jntp.server.access.RestrictRule;
import org.jntp.server.access.RestrictTable;
import org.jntp.server.access.RestrictTarget;
import org.junit.jupiter.api.Test;

/** {@code ntpq ifstats} and {@code ntpq reslist}: READ_ORDLIST_A, once the request is authenticated. */
class OrderedListAnswerTest {
    private static final InterfaceStats LO = new InterfaceStats("lo", socket("127.0.0.1"), true,
            InterfaceStats.flagsOf(true), 83, 81, 2, 1505);
    private static final InterfaceStats ETH = new InterfaceStats("eth0", socket("192.0.2.1"), true,
            InterfaceStats.flagsOf(false), 246, 248, 0, 1504);
    private static final InterfaceStats LO6 = new InterfaceStats("lo", socket("::1"), false,
            InterfaceStats.flagsOf(true), 0, 0, 0, 1503);

    private static InetSocketAddress socket(String address) {
        return new InetSocketAddress(InetAddress.ofLiteral(address), 123);
    }

    private static ControlState state(List<InterfaceStats> interfaces, List<RestrictionHits> restrictions) {
        return ControlStates.synchronised().withLists(new OrderedLists() {
            @Override
            public List<InterfaceStats> interfaces() {
                return interfaces;
            }

            @Override
            public List<RestrictionHits> restrictions() {
                return restrictions;
            }
        });
    }

    private static ControlExchange ask(ControlState state, String data) {
        ControlRequest request = ControlRequest.of(2, ControlOpcode.READ_ORDLIST_A, 11, 0,
                data.getBytes(StandardCharsets.ISO_8859_1));
        return new ControlExchange(ControlStates.server(state).orderedList(request, state));
    }

    private static RestrictionHits entry(String address, int prefixLength, int flags, boolean ntpPortOnly,
            boolean fromSource, long hits) {
        AddressMask addressMask = AddressMask.prefix(IpAddress.parseLiteral(address).orElseThrow(), prefixLength);
        return new RestrictionHits(new RestrictEntry(addressMask, flags, ntpPortOnly, RestrictRule.NO_PEER_LIMIT,
                fromSource), hits);
    }

    private static int mask(RestrictFlag... flags) {
        return RestrictFlag.mask(Set.of(flags));
    }

    @Test
    void ifstatsSendsTwelveItemsForEachAddressNumberedFromZero() {
        ControlExchange answer = ask(state(List.of(LO, ETH), List.of()), "ifstats");

        List<String> expected = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            for (String name : List.of("addr", "bcast", "en", "name", "flags", "tl", "mc", "rx", "tx", "txerr", "pc",
                    "up")) {
                expected.add(name + "." + n);
            }
        }
        assertThat(answer.names()).containsExactlyElementsOf(expected);
    }

    @Test
    void ifstatsWritesEachItemAsNtpdDoes() {
        ControlExchange answer = ask(state(List.of(LO), List.of()), "ifstats");

        assertThat(answer.text()).isEqualTo("addr.0=127.0.0.1:123, bcast.0=, en.0=1, name.0=\"lo\", flags.0=0x5,\r\n"
                + "tl.0=0, mc.0=0, rx.0=83, tx.0=81, txerr.0=2, pc.0=0, up.0=1505\r\n");
    }

    @Test
    void ifstatsWritesAnIpv6AddressInBrackets() {
        ControlExchange answer = ask(state(List.of(LO6), List.of()), "ifstats");

        assertThat(answer.value("addr.0")).isEqualTo("[::1]:123");
    }

    @Test
    void aDroppingAddressIsNotEnabled() {
        ControlExchange answer = ask(state(List.of(LO6), List.of()), "ifstats");

        assertThat(answer.value("en.0")).isEqualTo("0");
    }

    @Test
    void anAddressWithoutLoopbackIsFlaggedOnlyUp() {
        ControlExchange answer = ask(state(List.of(ETH), List.of()), "ifstats");

        assertThat(answer.value("flags.0")).isEqualTo("0x1");
    }

    @Test
    void noRequestDataAsksForIfstats() {
        ControlExchange answer = ask(state(List.of(LO), List.of()), "");

        assertThat(answer.names()).startsWith("addr.0", "bcast.0");
    }

    @Test
    void peerCountCountsTheAssociationsUsingTheAddress() {
        List<AssociationState> associations = ControlStates.synchronised().associations().stream()
                .map(a -> a.isRefclock() ? a : withLocal(a, socket("192.0.2.1"))).toList();

        List<String> items = OrderedListResponse.interfaces(List.of(LO, ETH), associations).stream()
                .filter(v -> v.name().startsWith("pc.")).map(v -> v.item()).toList();

        assertThat(items).containsExactly("pc.0=0", "pc.1=1");
    }

    @Test
    void answersInSeveralFragmentsWhenTheListIsLong() {
        List<InterfaceStats> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(ETH);
        }
        ControlExchange answer = ask(state(many, List.of()), "ifstats");

        assertThat(answer.datagrams()).hasSizeGreaterThan(1);
        assertThat(answer.header(0).more()).isTrue();
        assertThat(answer.names()).contains("up.19");
    }

    @Test
    void cutsAListTooLongForOneAnswerAfterTheLastWholeEntryThatFits() {
        List<InterfaceStats> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(ETH);
        }
        ControlExchange answer = ask(state(many, List.of()), "ifstats");

        assertThat(answer.text().length()).isLessThanOrEqualTo(OrderedListResponse.MAX_TEXT_LENGTH + 2);
        assertThat(answer.names().getLast()).startsWith("up.");
        assertThat(answer.names()).doesNotContain("up.999");
    }

    @Test
    void carriesTheSystemStatusWord() {
        ControlState state = state(List.of(LO), List.of());

        assertThat(ask(state, "ifstats").header().status()).isEqualTo(state.system().status().word());
    }

    @Test
    void addrRestrictionsSendsFourItemsForEachEntryNumberedAcrossBothFamilies() {
        ControlExchange answer = ask(state(List.of(), List.of(entry("10.0.0.0", 8, 0, false, false, 3),
                entry("0.0.0.0", 0, 0, false, false, 9), entry("::", 0, 0, false, false, 0))), "addr_restrictions");

        assertThat(answer.names()).containsExactly("addr.0", "mask.0", "hits.0", "flags.0", "addr.1", "mask.1",
                "hits.1", "flags.1", "addr.2", "mask.2", "hits.2", "flags.2");
    }

    @Test
    void addrRestrictionsWritesAddressMaskHitsAndFlagsAsNtpdDoes() {
        ControlExchange answer = ask(state(List.of(), List.of(
                entry("192.0.2.0", 24, mask(RestrictFlag.KOD, RestrictFlag.LIMITED, RestrictFlag.NOQUERY), false,
                        false, 339),
                entry("2001:db8::", 32, 0, false, false, 0))), "addr_restrictions");

        assertThat(answer.text()).isEqualTo("addr.0=192.0.2.0, mask.0=255.255.255.0, hits.0=339,\r\n"
                + "flags.0=noquery limited kod, addr.1=2001:db8::, mask.1=ffff:ffff::,\r\n"
                + "hits.1=0, flags.1=\r\n");
    }

    @Test
    void namesTheAccessFlagsInNtpdsOrder() {
        int all = 0;
        for (RestrictFlag flag : RestrictFlag.values()) {
            all |= flag.bit();
        }
        RestrictEntry entry = entry("0.0.0.0", 0, all, false, false, 0).entry();

        assertThat(OrderedListResponse.flagText(entry))
                .isEqualTo("ignore noserve notrust noquery nomodify nopeer notrap lptrap limited version kod flake");
    }

    @Test
    void namesTheMatchFlagsBeforeTheAccessFlags() {
        RestrictEntry entry = entry("192.0.2.4", 32, mask(RestrictFlag.NOPEER), true, true, 0).entry();

        assertThat(OrderedListResponse.flagText(entry)).isEqualTo("ntpport source nopeer");
    }

    @Test
    void listsTheDaemonsRestrictTableWithItsHits() {
        RestrictTable table = RestrictTable.of(List.of(RestrictRule.restrict(
                RestrictTarget.Default.of(AddressFamily.IPV4), Set.of(RestrictFlag.NOQUERY))));
        table.matchIpv4(IpAddress.parseLiteral("198.51.100.7").orElseThrow().ipv4(), 40123);
        List<RestrictionHits> rows = new ArrayList<>();
        for (int i = 0; i < table.entries().size(); i++) {
            rows.add(new RestrictionHits(table.entries().get(i), table.hits(i)));
        }

        ControlExchange answer = ask(state(List.of(), rows), "addr_restrictions");

        assertThat(answer.value("hits.0")).isEqualTo("1");
        assertThat(answer.value("flags.0")).isEqualTo("noquery");
        assertThat(answer.value("addr.1")).isEqualTo("::");
    }

    @Test
    void anyOtherRequestDataIsAnUnknownVariable() {
        ControlExchange answer = ask(state(List.of(LO), List.of()), "peers");

        assertThat(answer.header().error()).isTrue();
        assertThat(answer.header().errorCode()).isEqualTo(ControlError.UNKNOWNVAR.code());
    }

    @Test
    void theOpcodeStillAnswersPermissionWithoutAuthentication() {
        byte[] data = "ifstats".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer datagram = ByteBuffer.wrap(ControlRequest.of(2, ControlOpcode.READ_ORDLIST_A, 3, 0, data).encode());
        ControlState state = state(List.of(LO), List.of());

        List<byte[]> answer = ControlStates.server(state).answer(datagram, ControlStates.CLIENT, ControlStates.NOW_NANOS,
                ControlStates.MONO_NANOS);

        assertThat(ControlHeader.read(ByteBuffer.wrap(answer.getFirst()), 0).errorCode())
                .isEqualTo(ControlError.PERMISSION.code());
    }

    private static AssociationState withLocal(AssociationState a, InetSocketAddress local) {
        return new AssociationState(a.associationId(), a.source(), a.hostName(), Optional.of(local),
                a.status(), a.leap(), a.stratum(), a.precisionLog2(), a.rootDelaySeconds(), a.rootDispersionSeconds(),
                a.referenceIdBits(), a.referenceTimeBits(), a.receiveNanos(), a.reach(), a.unreach(), a.hostMode(),
                a.peerMode(), a.hostPollLog2(), a.peerPollLog2(), a.flash(), a.sent(), a.received(),
                a.offsetSeconds(), a.delaySeconds(), a.dispersionSeconds(), a.jitterSeconds(),
                a.filterDelaysSeconds(), a.filterOffsetsSeconds(), a.filterDispersionsSeconds(), a.clock());
    }
}
