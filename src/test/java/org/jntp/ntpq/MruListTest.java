package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.ControlResponses;
import org.junit.jupiter.api.Test;

/** {@code mrulist} and {@code clockvar} against a server in memory that answers with fixed replies. */
class MruListTest {
    private static final int STATUS = 0x0615;
    private static final long NOW_SECONDS = 0xeeb2acdcL;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static String timestamp(long secondsBeforeNow) {
        return String.format(Locale.ROOT, "0x%08x.00000000", NOW_SECONDS - secondsBeforeNow);
    }

    /** The items of row {@code index} of a READ_MRU answer. */
    private static String row(int index, String address, long lastAgo, long firstAgo, int count, int modeVersion,
            int restrict) {
        return String.format(Locale.ROOT, "addr.%d=%s, last.%d=%s, first.%d=%s, ct.%d=%d, mv.%d=%d, rs.%d=0x%x", index,
                address, index, timestamp(lastAgo), index, timestamp(firstAgo), index, count, index, modeVersion,
                index, restrict);
    }

    private static List<byte[]> text(ControlRequest request, String text) {
        return ControlResponses.text(request.header(), LeapIndicator.NO_WARNING, STATUS, text);
    }

    private static List<byte[]> error(ControlRequest request, ControlError error) {
        return List.of(ControlResponses.error(request.header(), LeapIndicator.NO_WARNING, error));
    }

    /** Two rows in the first answer, the third and {@code now} in the next, which must go on after the newest. */
    private static List<byte[]> twoAnswers(ControlRequest request) {
        if (request.opcode() == ControlOpcode.REQ_NONCE) {
            return text(request, "nonce=feed0001\r\n");
        }
        if (!request.text().contains("addr.0=")) {
            return text(request, "nonce=feed0002, " + row(0, "192.0.2.1:123", 10, 100, 10, 35, 0) + ", "
                    + row(1, "[2001:db8::1]:40000", 3, 3, 1, 27, MruEntry.RES_LIMITED));
        }
        return text(request, "nonce=feed0003, " + row(0, "198.51.100.7:50123", 0, 600, 5, 35, MruEntry.RES_KOD | 0x40)
                + ", now=" + timestamp(0) + ", last.newest=" + timestamp(0));
    }

    private void run(Function<ControlRequest, List<byte[]>> answers, FakeServer[] server, String... args) {
        server[0] = FakeServer.answering(answers);
        NtpqEnvironment env = new NtpqEnvironment(new BufferedReader(new StringReader("")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, server[0], name -> {
                    throw new UnknownHostException(name);
                }, a -> "name.example", () -> Instant.ofEpochSecond(NOW_SECONDS - 2_208_988_800L), () -> ZoneOffset.UTC);
        NtpqShell.run(List.of(args), env, "jntp test");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheRowsNewestFirstWithNtpqsColumns() {
        run(MruListTest::twoAnswers, new FakeServer[1], "-n", "-c", "mrulist", "127.0.0.1");

        assertThat(out()).isEqualTo("lstint avgint rstr r m v  count rport remote address\n"
                + "==============================================================================\n"
                + "     0    120  840 K 3 4      5 50123 198.51.100.7\n"
                + "     3      0   40 L 3 3      1 40000 2001:db8::1\n"
                + "    10      9    0 . 3 4     10   123 192.0.2.1\n");
        assertThat(err()).isEqualTo("\rRetrieved 3 unique MRU entries and 0 updates.\n");
    }

    @Test
    void asksForANonceThenSendsItAndTheNewestRowsHadToGoOn() {
        FakeServer[] server = new FakeServer[1];

        run(MruListTest::twoAnswers, server, "-c", "mrulist mincount=2", "127.0.0.1");

        List<ControlRequest> requests = server[0].requests();
        assertThat(requests).extracting(ControlRequest::opcode)
                .containsExactly(ControlOpcode.REQ_NONCE, ControlOpcode.READ_MRU, ControlOpcode.READ_MRU);
        assertThat(requests.get(1).text()).isEqualTo("nonce=feed0001, frags=32, mincount=2");
        assertThat(requests.get(2).text()).isEqualTo("nonce=feed0002, frags=32, mincount=2"
                + ", addr.0=[2001:db8::1]:40000, last.0=" + timestamp(3)
                + ", addr.1=192.0.2.1:123, last.1=" + timestamp(10));
    }

    @Test
    void sortsAsAsked() {
        run(MruListTest::twoAnswers, new FakeServer[1], "-n", "-c", "mrulist sort=-count", "127.0.0.1");

        assertThat(out().lines().skip(2).map(line -> line.substring(line.lastIndexOf(' ') + 1)))
                .containsExactly("192.0.2.1", "198.51.100.7", "2001:db8::1");
    }

    @Test
    void startsOverWhenTheServerKnowsNoneOfTheRowsNamed() {
        int[] reads = new int[1];
        FakeServer[] server = new FakeServer[1];

        run(request -> {
            if (request.opcode() == ControlOpcode.READ_MRU && reads[0]++ == 1) {
                return error(request, ControlError.UNKNOWNVAR);
            }
            return twoAnswers(request);
        }, server, "-n", "-c", "mrulist", "127.0.0.1");

        assertThat(server[0].requests().get(3).text()).isEqualTo("nonce=feed0002, frags=32");
        assertThat(err()).isEqualTo("\rRetrieved 3 unique MRU entries and 0 updates.\n");
    }

    @Test
    void fallsBackToARowLimitWhenTheServerRefusesTheFragmentCount() {
        int[] reads = new int[1];
        FakeServer[] server = new FakeServer[1];

        run(request -> {
            if (request.opcode() == ControlOpcode.READ_MRU && reads[0]++ == 0) {
                return error(request, ControlError.BADVALUE);
            }
            return twoAnswers(request);
        }, server, "-n", "-c", "mrulist", "127.0.0.1");

        assertThat(server[0].requests().get(2).text()).isEqualTo("nonce=feed0001, limit=96");
    }

    @Test
    void givesUpWhenTheServerStaysSilent() {
        FakeServer[] server = new FakeServer[1];

        run(request -> request.opcode() == ControlOpcode.REQ_NONCE ? twoAnswers(request) : List.of(), server,
                "-c", "mrulist", "127.0.0.1");

        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("127.0.0.1: timed out, nothing received\n***Request timed out\n");
        assertThat(server[0].requests()).filteredOn(r -> r.opcode() == ControlOpcode.READ_MRU).hasSize(6);
    }

    @Test
    void saysSoWhenTheNonceRequestFails() {
        run(request -> error(request, ControlError.BADOP), new FakeServer[1], "-c", "mrulist", "127.0.0.1");

        assertThat(err()).isEqualTo("***Server reports a bad opcode in request\nnonce request failed\n");
    }

    @Test
    void clockvarPrintsTheClockStatusAndVariablesOfTheAssociationTheServerChooses() {
        FakeServer[] server = new FakeServer[1];

        run(request -> ControlResponses.text(request.header(), LeapIndicator.NO_WARNING, 0,
                "name=\"LOCAL(0)\", device=\"Undisciplined local clock\""), server, "-c", "cv", "127.0.0.1");

        assertThat(server[0].requests().getFirst().opcode()).isEqualTo(ControlOpcode.READCLOCK);
        assertThat(server[0].requests().getFirst().header().associationId()).isZero();
        assertThat(out()).isEqualTo("associd=0 status=0000 clk_unspec, last_clk_unspec,\n"
                + "name=\"LOCAL(0)\", device=\"Undisciplined local clock\"\n");
    }

    @Test
    void clockvarWithNamesAsksForThemAndPrintsOnlyTheVariables() {
        FakeServer[] server = new FakeServer[1];

        run(request -> ControlResponses.text(request.header(), LeapIndicator.NO_WARNING, 0x0101, "device=\"x\""),
                server, "-c", "cv 1 device", "127.0.0.1");

        assertThat(server[0].requests().getFirst().header().associationId()).isEqualTo(1);
        assertThat(server[0].requests().getFirst().text()).isEqualTo("device");
        assertThat(out()).isEqualTo("device=\"x\"\n");
    }

    @Test
    void clockvarSaysWhenTheServerReturnsNothing() {
        run(request -> ControlResponses.text(request.header(), LeapIndicator.NO_WARNING, 0, ""), new FakeServer[1],
                "-c", "cv 3", "127.0.0.1");

        assertThat(out()).isEqualTo("No information returned for clock association 3\n");
    }
}
