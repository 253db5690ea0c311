package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.ControlResponses;
import org.junit.jupiter.api.Test;

/** {@code ifstats} and {@code reslist} against a server in memory that answers as ntpd 4.2.8 would. */
class OrderedListCommandsTest {
    private static final int SYSTEM_STATUS = 0x0618;
    private static final String HEADER = "    interface name                                        send\n"
            + " #  address/broadcast     drop flag ttl mc received sent failed peers   uptime\n"
            + "==============================================================================\n";
    private static final String RESLIST_HEADER = "   hits    addr/prefix or addr mask\n"
            + "           restrictions\n"
            + "==============================================================================\n";

    /**
     * ntpd's answer to ifstats on a host with loopback and one Ethernet address: each entry's items
     * shuffled, and a random tag after each entry, as {@code send_ifstats_entry} sends them.
     */
    private static final String IFSTATS = "up.0=1505, en.0=1, addr.0=127.0.0.1:123, name.0=\"lo\",\r\n"
            + "txerr.0=0, flags.0=0x5, mc.0=0, tl.0=0, bcast.0=, pc.0=0, rx.0=83,\r\n"
            + "tx.0=83, qkv.0=21841, name.1=\"eth0\", addr.1=192.168.1.10:123,\r\n"
            + "bcast.1=192.168.1.255:123, rx.1=246, en.1=1, tl.1=0, tx.1=248,\r\n"
            + "flags.1=0x39, txerr.1=0, mc.1=0, pc.1=4, up.1=1504, wfi.1=7\r\n";

    /** ntpd's answer to reslist: IPv4 entries, then IPv6 ones, items shuffled, a random tag after each. */
    private static final String RESLIST = "hits.0=0, flags.0=ntpport interface ignore, addr.0=192.168.1.10,\r\n"
            + "mask.0=255.255.255.255, jzu.0=4, addr.1=127.0.0.1, flags.1=,\r\n"
            + "mask.1=255.255.255.255, hits.1=28, ecq.1=88, mask.2=255.0.255.0,\r\n"
            + "addr.2=10.0.1.0, hits.2=3, flags.2=nomodify, bbf.2=5, addr.3=0.0.0.0,\r\n"
            + "mask.3=0.0.0.0, flags.3=noquery nomodify nopeer notrap limited kod,\r\n"
            + "hits.3=339, yyo.3=61, flags.4=noquery, mask.4=::, addr.4=::, hits.4=0, ioe.4=9\r\n";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static FakeServer answering(String text) {
        return FakeServer.answering(request -> ControlResponses.text(request.header(), LeapIndicator.NO_WARNING,
                SYSTEM_STATUS, text));
    }

    private void run(FakeServer server, String... args) {
        NtpqEnvironment env = new NtpqEnvironment(new BufferedReader(new StringReader("")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, server, name -> {
                    if (name.equals("localhost")) {
                        return List.of(InetAddress.getLoopbackAddress());
                    }
                    throw new UnknownHostException(name);
                }, a -> "name.example", () -> Instant.ofEpochSecond(0), () -> ZoneOffset.UTC);
        // ntpd answers these lists only to the controlkey: ntpq signs them with the key given first
        List<String> withKey = new ArrayList<>(List.of("-c", "keyid 1", "-c", "passwd secret"));
        withKey.addAll(List.of(args));
        NtpqShell.run(withKey, env, "jntp test");
    }

    /** What the command printed: after the blank lines ntpq prints between the -c commands giving the key. */
    private String out() {
        return out.toString(StandardCharsets.UTF_8).replaceFirst("^\n\n", "");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void ifstatsAsksForTheAddressListWithoutRequestData() {
        FakeServer server = answering(IFSTATS);

        run(server, "-c", "ifstats");

        ControlRequest request = server.requests().getFirst();
        assertThat(request.opcode()).isEqualTo(ControlOpcode.READ_ORDLIST_A);
        assertThat(request.data()).isEmpty();
    }

    @Test
    void ifstatsPrintsARowForEachAddressWhateverTheOrderOfItsItems() {
        run(answering(IFSTATS), "-c", "ifstats");

        assertThat(out()).isEqualTo(HEADER
                + "  0 lo                       .    5   0  0     83     83      0     0     1505\n"
                + "    127.0.0.1:123\n"
                + "  1 eth0                     .   39   0  0    246    248      0     4     1504\n"
                + "    192.168.1.10:123\n"
                + "    192.168.1.255:123\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void ifstatsMarksADroppingAddressAndShowsIpv6InBrackets() {
        run(answering("addr.0=[::1]:123, bcast.0=, en.0=0, name.0=\"a-very-long-interface-name-x\", flags.0=0x5,"
                + " tl.0=0, mc.0=0, rx.0=4294967295, tx.0=0, txerr.0=0, pc.0=0, up.0=3000000000"), "-c", "ifstats");

        assertThat(out()).isEqualTo(HEADER
                + "  0 a-very-long-interface-na D    5   0  0 4294967295      0      0     0 -1294967296\n"
                + "    [::1]:123\n");
    }

    @Test
    void ifstatsWarnsOfARowWithItemsMissing() {
        run(answering("addr.0=127.0.0.1:123, en.0=1, addr.1=192.0.2.1:123"), "-c", "ifstats");

        assertThat(out()).isEqualTo(HEADER + "Warning: incomplete row with 2 (of 12) fields\n"
                + "Warning: incomplete row with 1 (of 12) fields\n");
    }

    @Test
    void ifstatsWarnsOfAnEmptyList() {
        run(answering(""), "-c", "ifstats");

        assertThat(out()).isEqualTo(HEADER + "Warning: incomplete row with 0 (of 12) fields\n");
    }

    @Test
    void ifstatsGivesUpWhenAnEarlierRowComesBack() {
        run(answering("addr.1=127.0.0.1:123, en.0=1"), "-c", "ifstats");

        assertThat(out()).isEqualTo(HEADER + "Warning: incomplete row with 0 (of 12) fields\n");
        assertThat(err()).isEqualTo("received if index 0, have 1 of 12 fields for index 1, aborting.\n");
    }

    @Test
    void ifstatsSaysTheServerWantsAuthentication() {
        run(FakeServer.answering(request -> List.of(ControlResponses.error(request.header(), LeapIndicator.NO_WARNING,
                ControlError.PERMISSION))), "-c", "ifstats");

        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("***Server disallowed request (authentication?)\n");
    }

    @Test
    void reslistAsksForTheAddressRestrictions() {
        FakeServer server = answering(RESLIST);

        run(server, "-c", "reslist");

        ControlRequest request = server.requests().getFirst();
        assertThat(request.opcode()).isEqualTo(ControlOpcode.READ_ORDLIST_A);
        assertThat(new String(request.data(), StandardCharsets.ISO_8859_1)).isEqualTo("addr_restrictions");
    }

    @Test
    void reslistPrintsEachEntryWithItsPrefixOrMaskHitsAndFlags() {
        run(answering(RESLIST), "-c", "reslist");

        assertThat(out()).isEqualTo(RESLIST_HEADER
                + "         0 192.168.1.10/32\n"
                + "           ntpport interface ignore\n"
                + "        28 127.0.0.1/32\n"
                + "           \n"
                + "         3 10.0.1.0 255.0.255.0\n"
                + "           nomodify\n"
                + "       339 0.0.0.0/0\n"
                + "           noquery nomodify nopeer notrap limited kod\n"
                + "         0 ::/0\n"
                + "           noquery\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void reslistWarnsOfAnIncompleteRowWithoutALineBreak() {
        run(answering("addr.0=0.0.0.0, mask.0=0.0.0.0"), "-c", "reslist");

        assertThat(out()).isEqualTo(RESLIST_HEADER + "Warning: incomplete row with 2 (of 4) fields");
    }

    @Test
    void reslistGivesUpWhenARowIsSkipped() {
        run(answering("addr.0=0.0.0.0, mask.0=0.0.0.0, hits.0=1, flags.0=, addr.2=::"), "-c", "reslist");

        assertThat(out()).isEqualTo(RESLIST_HEADER + "         1 0.0.0.0/0\n           \n");
        assertThat(err()).isEqualTo("received reslist index 2, have 4 of 4 fields for index 0, aborting.\n");
    }
}
