package org.jntp.ntpq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lines of the peer tables, from NTPsec's captured answer and from made-up variable lists. */
class PeerLineTest {
    private static final int SYS_PEER = 0xb61a;
    private static final int CANDIDATE = 0x9414;
    private static final Display FIVE_SECONDS_AFTER_REC = Captured.numericAt(Captured.PEER_REC_UNIX_SECONDS + 5);

    private static String line(PeerList list, int status, String variables, Display display) {
        return PeerLine.format(list, 4321, status, variables.getBytes(StandardCharsets.ISO_8859_1), Optional.empty(), display)
                .orElseThrow();
    }

    private static String peers(String variables) {
        return line(PeerList.PEERS, CANDIDATE, variables, FIVE_SECONDS_AFTER_REC);
    }

    @Test
    void printsNtpsecsSystemPeerAsNtpd428sNtpqDoes() {
        String line = PeerLine.format(PeerList.PEERS, 17767, SYS_PEER, Captured.peerVariables(), Optional.empty(),
                FIVE_SECONDS_AFTER_REC).orElseThrow();

        assertThat(line).isEqualTo("*192.0.2.4       LOCAL(1)         8 u    5   16    1    0.042    0.014   0.006\n");
    }

    @Test
    void apeersShowsTheAssociationAfterANarrowerRefid() {
        String line = PeerLine.format(PeerList.APEERS, 17767, SYS_PEER, Captured.peerVariables(), Optional.empty(),
                FIVE_SECONDS_AFTER_REC).orElseThrow();

        assertThat(line).isEqualTo("*192.0.2.4       LOCAL(1) 17767   8 u    5   16    1    0.042    0.014   0.006\n");
    }

    @Test
    void opeersShowsTheLocalAddressAndTheDispersion() {
        String line = PeerLine.format(PeerList.OPEERS, 17767, SYS_PEER, Captured.peerVariables(), Optional.empty(),
                FIVE_SECONDS_AFTER_REC).orElseThrow();

        assertThat(line).isEqualTo("*192.0.2.4       192.0.2.1        8 u    5   16    1    0.042    0.014 187.527\n");
    }

    @Test
    void wrapsAShortRefidInDots() {
        assertThat(peers("srcadr=192.0.2.9, refid=GPS, stratum=1, hmode=3")).startsWith("+192.0.2.9       .GPS.            1 u");
    }

    @Test
    void showsAnIpv4RefidInHexInApeers() {
        assertThat(line(PeerList.APEERS, CANDIDATE, "srcadr=192.0.2.9, refid=10.0.0.1, hmode=3", FIVE_SECONDS_AFTER_REC))
                .startsWith("+192.0.2.9       a000001  4321 ");
    }

    @Test
    void namesThePoolPrototypeBySrchostAndTypeP() {
        assertThat(peers("srcadr=0.0.0.0, srchost=\"0.debian.pool.ntp.org\", refid=POOL, stratum=16, hmode=3"))
                .startsWith("+0.debian.pool.n .POOL.          16 p");
    }

    @Test
    void printsALongNameWholeOnALineOfItsOwnWhenWide() {
        Display wide = new Display(false, true, a -> "", () -> ZoneOffset.UTC, Instant.ofEpochSecond(0));

        assertThat(line(PeerList.PEERS, CANDIDATE, "srchost=\"0.debian.pool.ntp.org\", refid=POOL, hmode=3", wide))
                .startsWith("+0.debian.pool.ntp.org\n                 .POOL.");
    }

    @Test
    void namesTheRemoteByItsHostNameUnlessNumeric() {
        Display names = new Display(true, false, a -> "ntp1.example.org.long", () -> ZoneOffset.UTC, Instant.ofEpochSecond(0));

        assertThat(line(PeerList.PEERS, CANDIDATE, "srcadr=192.0.2.9, hmode=3", names)).startsWith("+ntp1.example.or ");
    }

    @Test
    void takesTheTypeFromTheHostMode() {
        assertThat(peers("srcadr=192.0.2.9, hmode=1").charAt(36)).isEqualTo('s');
        assertThat(peers("srcadr=192.0.2.9, hmode=2").charAt(36)).isEqualTo('S');
        assertThat(peers("srcadr=192.0.2.255, hmode=5").charAt(36)).isEqualTo('B');
        assertThat(peers("srcadr=224.0.1.1, hmode=5").charAt(36)).isEqualTo('M');
        assertThat(peers("srcadr=192.0.2.9, hmode=6").charAt(36)).isEqualTo('b');
        assertThat(peers("srcadr=127.127.1.0, hmode=3").charAt(36)).isEqualTo('l');
        assertThat(peers("srcadr=239.1.1.1, hmode=3").charAt(36)).isEqualTo('a');
    }

    @Test
    void printsReachInOctal() {
        assertThat(peers("srcadr=192.0.2.9, hmode=3, reach=0xff")).contains("  377  ");
    }

    @Test
    void printsADashForWhenBeforeAnyPacket() {
        assertThat(peers("srcadr=192.0.2.9, hmode=3, ppoll=6, hpoll=6")).contains(" u    -   64 ");
    }

    @Test
    void truncatesOffsetsToSevenCharacters() {
        assertThat(peers("srcadr=192.0.2.9, hmode=3, offset=-1234.5678")).contains(" -1234.5 ");
    }

    @Test
    void keepsOnlyTheFamilyAskedFor() {
        byte[] v6 = "srcadr=2001:db8::1, hmode=3".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(PeerLine.format(PeerList.PEERS, 1, CANDIDATE, v6, Optional.of(PeerLine.Family.IPV4), FIVE_SECONDS_AFTER_REC))
                .isEmpty();
        assertThat(PeerLine.format(PeerList.PEERS, 1, CANDIDATE, v6, Optional.of(PeerLine.Family.IPV6), FIVE_SECONDS_AFTER_REC))
                .hasValueSatisfying(l -> assertThat(l).startsWith("+2001:db8::1    "));
    }

    @Test
    void printsIntervalsInMinutesHoursAndDaysAsTheyGrow() {
        assertThat(PeerLine.interval(2048)).isEqualTo("2048");
        assertThat(PeerLine.interval(2049)).isEqualTo("34m");
        assertThat(PeerLine.interval(18000)).isEqualTo("300m");
        assertThat(PeerLine.interval(18060)).isEqualTo("5h");
        assertThat(PeerLine.interval(400_000)).isEqualTo("5d");
    }
}
