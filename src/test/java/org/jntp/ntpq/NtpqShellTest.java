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
import java.util.List;
import org.jntp.protocol.LeapIndicator;
import org.jntp.protocol.control.Association;
import org.jntp.protocol.control.ControlError;
import org.jntp.protocol.control.ControlOpcode;
import org.jntp.protocol.control.ControlRequest;
import org.jntp.protocol.control.ControlResponses;
import org.jntp.protocol.control.PeerStatus;
import org.junit.jupiter.api.Test;

/** ntpq's commands against a server in memory that answers with NTPsec's captured data. */
class NtpqShellTest {
    private static final int SYSTEM_STATUS = 0xc016;
    private static final int PEER = 17767;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Two associations: 17767 the system peer, 17768 neither configured nor reachable. */
    private static List<byte[]> ntpsec(ControlRequest request) {
        return switch (request.opcode()) {
            case READSTAT -> ControlResponses.binary(request.header(), LeapIndicator.UNSYNCHRONIZED, SYSTEM_STATUS,
                    Association.encode(List.of(new Association(PEER + 1, PeerStatus.decode(0x0011)),
                            new Association(PEER, PeerStatus.decode(0xb61a)))));
            case READVAR -> switch (request.header().associationId()) {
                case 0 -> ControlResponses.text(request.header(), LeapIndicator.UNSYNCHRONIZED, SYSTEM_STATUS,
                        request.data().length == 0 ? "leap=3, stratum=9, tc=4" : "leap=3, stratum=9");
                case PEER -> ControlResponses.text(request.header(), LeapIndicator.UNSYNCHRONIZED, 0xb61a,
                        new String(Captured.peerVariables(), StandardCharsets.ISO_8859_1));
                default -> List.of(ControlResponses.error(request.header(), LeapIndicator.UNSYNCHRONIZED, ControlError.BADASSOC));
            };
            default -> List.of(ControlResponses.error(request.header(), LeapIndicator.UNSYNCHRONIZED, ControlError.BADOP));
        };
    }

    private int runWithInput(FakeServer server, String input, String... args) {
        NtpqEnvironment env = new NtpqEnvironment(new BufferedReader(new StringReader(input)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false,
                server, name -> {
                    if (name.equals("localhost")) {
                        return List.of(InetAddress.getLoopbackAddress());
                    }
                    throw new UnknownHostException(name);
                }, a -> "name.example", () -> Instant.ofEpochSecond(Captured.PEER_REC_UNIX_SECONDS + 5), () -> ZoneOffset.UTC);
        return NtpqShell.run(List.of(args), env, "jntp test");
    }

    private int run(FakeServer server, String... args) {
        return runWithInput(server, "", args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void peersListsTheConfiguredOrReachableAssociations() {
        int status = run(FakeServer.answering(NtpqShellTest::ntpsec), "-pn", "127.0.0.1");

        assertThat(out()).isEqualTo("""
                     remote           refid      st t when poll reach   delay   offset  jitter
                ==============================================================================
                *192.0.2.4       LOCAL(1)         8 u    5   16    1    0.042    0.014   0.006
                """);
        assertThat(err()).isEmpty();
        assertThat(status).isZero();
    }

    @Test
    void peersPrintsTheSameRowsAsJsonWithJson() {
        int status = run(FakeServer.answering(NtpqShellTest::ntpsec), "--json", "-pn", "127.0.0.1");

        assertThat(out()).isEqualTo("[{\"associd\": 17767, \"tally\": \"*\", \"remote\": \"192.0.2.4\", "
                + "\"refid\": \"LOCAL(1)\", \"st\": 8, \"t\": \"u\", \"when\": 5, \"poll\": 16, \"reach\": 1, "
                + "\"delay\": 0.042, \"offset\": 0.014, \"jitter\": 0.006}]\n");
        assertThat(status).isZero();
    }

    @Test
    void readvarPrintsTheStatusAndTypedVariablesAsJsonWithJson() {
        int status = run(FakeServer.answering(NtpqShellTest::ntpsec), "--json", "-c", "rv", "127.0.0.1");

        assertThat(out()).isEqualTo("{\"associd\": 0, \"status\": \"c016\", "
                + "\"variables\": {\"leap\": 3, \"stratum\": 9, \"tc\": 4}}\n");
        assertThat(status).isZero();
    }

    @Test
    void addvarsPutsVariablesOnTheListThatShowvarsPrints() {
        run(FakeServer.silent(), "-c", "addvars leap=1,stratum", "-c", "showvars", "127.0.0.1");

        assertThat(out()).isEqualTo("\nleap=1\nstratum=\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void drefidSaysAndSetsHowPeersShowsReferenceIds() {
        run(FakeServer.silent(), "-c", "drefid", "-c", "drefid hash", "-c", "drefid", "-c", "drefid md5", "127.0.0.1");

        assertThat(out()).isEqualTo("drefid value is ipv4\n\ndrefid value set to hash\n\ndrefid value is hash\n\nWhat?\n");
    }

    @Test
    void peersShowsApeersTableWhenRefidsAreHashes() {
        int status = run(FakeServer.answering(NtpqShellTest::ntpsec), "-r", "hash", "-pn", "127.0.0.1");

        assertThat(out()).startsWith("     remote       refid   assid  st t when poll reach   delay   offset  jitter\n");
        assertThat(status).isZero();
    }

    @Test
    void refusesARefidDisplayOtherThanHashOrIpv4() {
        int status = run(FakeServer.silent(), "-r", "md5", "-p", "127.0.0.1");

        assertThat(err()).startsWith("ntpq: the refid display is hash or ipv4, not `md5'");
        assertThat(status).isEqualTo(1);
    }

    @Test
    void peersOfSeveralHostsPutsTheLocalAddressInAServerColumnAsWideAsTheWidestHost() {
        run(FakeServer.answering(NtpqShellTest::ntpsec), "-pn", "127.0.0.1", "192.0.2.123");

        assertThat(out()).startsWith("server (loc      remote           refid      st t when poll reach   delay   offset  jitter\n"
                + "============" + "=".repeat(78) + "\n"
                + "192.0.2.1   *192.0.2.4       LOCAL(1)         8 u    5   16    1    0.042    0.014   0.006\n");
    }

    @Test
    void peersAsksEachAssociationForItsWholeDefaultList() {
        FakeServer server = FakeServer.answering(NtpqShellTest::ntpsec);

        run(server, "-p", "127.0.0.1");

        assertThat(server.requests()).extracting(ControlRequest::opcode).containsExactly(ControlOpcode.READSTAT, ControlOpcode.READVAR);
        assertThat(server.requests().get(1).data()).isEmpty();
        assertThat(server.requests().get(1).header().version()).isEqualTo(2);
    }

    @Test
    void readvarWithNamesPrintsOnlyTheVariables() {
        FakeServer server = FakeServer.answering(NtpqShellTest::ntpsec);

        run(server, "-c", "rv 0 leap,stratum", "127.0.0.1");

        assertThat(out()).isEqualTo("leap=11, stratum=9\n");
        assertThat(server.requests().getFirst().text()).isEqualTo("leap,stratum");
    }

    @Test
    void readvarInRawModePrintsTheTextAsSent() {
        run(FakeServer.answering(NtpqShellTest::ntpsec), "-c", "timeout 100", "-c", "raw", "-c", "rv 0", "127.0.0.1");

        assertThat(out()).isEqualTo("\nOutput set to raw\n\nassocid=0 status=0xc016,\nleap=3, stratum=9, tc=4\n");
    }

    @Test
    void associationIndexNamesTheNthAssociation() {
        FakeServer server = FakeServer.answering(NtpqShellTest::ntpsec);

        run(server, "-c", "rv &2 stratum", "127.0.0.1");

        assertThat(server.requests().getLast().header().associationId()).isEqualTo(PEER + 1);
        assertThat(err()).isEqualTo("***Association ID 17768 unknown to server\n");
    }

    @Test
    void saysTheRequestTimedOutAfterOneSilentRetry() {
        FakeServer server = FakeServer.silent();

        int status = run(server, "-p", "127.0.0.1");

        assertThat(err()).isEqualTo("127.0.0.1: timed out, nothing received\n***Request timed out\n");
        assertThat(out()).isEmpty();
        assertThat(server.requests()).hasSize(2);
        assertThat(status).isZero();
    }

    @Test
    void saysTheConnectionWasRefusedWhenNothingListens() {
        run(FakeServer.refusing(), "-c", "rv");

        assertThat(err()).isEqualTo("ntpq: read: Connection refused\n");
    }

    @Test
    void namesTheDefaultHostLocalhostInMessages() {
        run(FakeServer.silent(), "-c", "as");

        assertThat(err()).startsWith("localhost: timed out, nothing received\n");
    }

    @Test
    void saysWhichCommandsItDoesNotKnowOrCannotTellApart() {
        run(FakeServer.silent(), "-c", "frobnicate", "-c", "p");

        assertThat(err()).isEqualTo("***Command `frobnicate' unknown\n***Command `p' ambiguous\n");
    }

    @Test
    void runsCommandsFromStandardInputWithoutAPromptWhenNotATerminal() {
        runWithInput(FakeServer.answering(NtpqShellTest::ntpsec), "cooked\nhost\nquit\nraw\n");

        assertThat(out()).isEqualTo("Output set to cooked\ncurrent host is localhost\n");
    }

    @Test
    void promptsWhenInteractive() {
        runWithInput(FakeServer.silent(), "version\n", "-i");

        assertThat(out()).isEqualTo("ntpq> ntpq jntp test\nntpq> ");
    }

    @Test
    void tellsTheUseOfACommand() {
        run(FakeServer.silent(), "-c", "help rv");

        assertThat(out()).isEqualTo("function: read system or peer variables\n"
                + "usage: rv [ assocID ] [ varname1 ] [ varname2 ] [ varname3 ]\n");
    }

    @Test
    void listsTheCommandsInColumns() {
        run(FakeServer.silent(), "-c", "help");

        assertThat(out()).startsWith("ntpq commands:\n:config          drefid           mreadlist        readvar          \n"
                + "addvars          exit             mreadvar         reslist          \n");
    }

    @Test
    void refusesAnUnknownOption() {
        int status = run(FakeServer.silent(), "-z");

        assertThat(status).isEqualTo(1);
        assertThat(err()).startsWith("ntpq: illegal option -- z\n");
    }

    @Test
    void saysWhenAHostCannotBeFound() {
        run(FakeServer.silent(), "-p", "no.such.host");

        assertThat(err()).isEqualTo("Name or service not known\n");
    }

    @Test
    void printsTheAssociationTable() {
        run(FakeServer.answering(NtpqShellTest::ntpsec), "-c", "lassociations", "127.0.0.1");

        assertThat(out()).isEqualTo("""

                ind assid status  conf reach auth condition  last_event cnt
                ===========================================================
                  1 17767  b61a   yes   yes  none  sys.peer    sys_peer  1
                  2 17768  0011    no    no  none    reject    mobilize  1
                """);
    }
}
