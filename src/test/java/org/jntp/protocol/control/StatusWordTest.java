package org.jntp.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.jntp.protocol.LeapIndicator;
import org.junit.jupiter.api.Test;

class StatusWordTest {

    @Test
    void decodesAnUnsynchronizedSystemAfterRestart() {
        SystemStatus status = SystemStatus.decode(0xc016);

        assertThat(status).isEqualTo(SystemStatus.of(LeapIndicator.UNSYNCHRONIZED, ClockSource.UNSPEC, 1, SystemEvent.RESTART));
        assertThat(status.describe()).isEqualTo("leap_alarm, sync_unspec, 1 event, restart");
    }

    @Test
    void describesASystemSynchronizedToNtp() {
        SystemStatus status = SystemStatus.of(LeapIndicator.NO_WARNING, ClockSource.NTP, 3, SystemEvent.CLOCK_SYNC);

        assertThat(status.word()).isEqualTo(0x0635);
        assertThat(status.describe()).isEqualTo("leap_none, sync_ntp, 3 events, clock_sync");
    }

    @Test
    void describesAnUndefinedClockSourceByNumber() {
        SystemStatus status = SystemStatus.decode(0x2a00);

        assertThat(status.source()).isEmpty();
        assertThat(status.describe()).isEqualTo("leap_none, sync_42, no events, unspecified");
    }

    @Test
    void roundTripsEverySystemStatusWord() {
        for (int word = 0; word <= 0xFFFF; word++) {
            assertThat(SystemStatus.decode(word).word()).isEqualTo(word);
        }
    }

    @Test
    void decodesTheSystemPeerOfNtpqAs() {
        PeerStatus status = PeerStatus.decode(0xb61a);

        assertThat(status).isEqualTo(new PeerStatus(true, false, true, true, false, PeerSelection.SYS_PEER, 1,
                PeerEvent.SYS_PEER));
        assertThat(status.selection().tally()).isEqualTo('*');
        assertThat(status.describe()).isEqualTo("conf, auth, reach, sel_sys.peer, 1 event, sys_peer");
    }

    @Test
    void leavesEventZeroOutOfThePeerDescription() {
        PeerStatus status = new PeerStatus(false, true, false, false, true, PeerSelection.CANDIDATE, 0,
                PeerEvent.UNSPECIFIED);

        assertThat(status.word()).isEqualTo(0x4c00);
        assertThat(status.describe()).isEqualTo("authenb, bcast, sel_candidate, no events");
    }

    @Test
    void roundTripsEveryPeerStatusWord() {
        for (int word = 0; word <= 0xFFFF; word++) {
            assertThat(PeerStatus.decode(word).word()).isEqualTo(word);
        }
    }

    @Test
    void tallyCharactersFollowTheSelectionCodes() {
        StringBuilder tallies = new StringBuilder();
        for (int code = 0; code < 8; code++) {
            tallies.append(PeerSelection.of(code).tally());
        }

        assertThat(tallies).hasToString(" x.-+#*o");
    }

    @Test
    void eventCodesMatchDecodeHtml() {
        assertThat(SystemEvent.of(0x8).message()).isEqualTo("no_sys_peer");
        assertThat(SystemEvent.of(0xf)).isEqualTo(SystemEvent.STALE_LEAPSECOND_VALUES);
        assertThat(PeerEvent.of(0x4)).isEqualTo(PeerEvent.REACHABLE);
        assertThat(PeerEvent.of(0xd).message()).isEqualTo("popcorn");
        assertThat(ClockSource.of(9)).contains(ClockSource.TELEPHONE);
    }
}
