package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.jntp.clock.LeapState;
import org.jntp.config.LogMask;
import org.jntp.discipline.NoSelectionReason;
import org.jntp.protocol.KissCode;
import org.jntp.protocol.control.PeerEvent;
import org.junit.jupiter.api.Test;

class SyncLogTest {
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), () -> 0,
            ZoneOffset.UTC, 1, 0);
    private final SyncLog events = new SyncLog(log, 1000);
    private final InetSocketAddress source = new InetSocketAddress("192.0.2.1", 123);

    private String logged() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void namesTheSystemPeerAndItsStratumAsNtpdDoes() {
        events.synchronizedTo(new InetSocketAddress("2001:db8::1", 123), 2);

        assertThat(logged()).endsWith("synchronized to 2001:db8::1, stratum 2\n");
        assertThat(events.systemPeerSelected()).isTrue();
    }

    @Test
    void saysWhenNoSourceIsSelectableAnyMore() {
        events.synchronizedTo(new InetSocketAddress("192.0.2.1", 123), 2);

        events.lostSynchronization(NoSelectionReason.NO_CANDIDATES);

        assertThat(logged()).contains("no selectable sources");
        assertThat(events.systemPeerSelected()).isFalse();
    }

    @Test
    void logsAStepInNtpdsWords() {
        events.stepped(0.5);

        assertThat(logged()).endsWith("time reset +0.500000 s\n");
    }

    @Test
    void logsAPanicInNtpdsWordsAndRemembersIt() {
        events.panic(-3600.4);

        assertThat(logged()).endsWith("panic_stop -3600 s; set clock manually within 1000 s.\n");
        assertThat(events.panicOffsetSeconds()).hasValue(-3600.4);
    }

    @Test
    void logsAKissOfDeathWithWhatItMeans() {
        events.kissOfDeath(new InetSocketAddress("192.0.2.1", 123), KissCode.DENY);

        assertThat(logged()).contains("kiss code DENY from 192.0.2.1: no more requests to it");
    }

    @Test
    void leavesAnInitKissToTheDebugLog() {
        events.kissOfDeath(new InetSocketAddress("192.0.2.1", 123), KissCode.INIT);

        assertThat(logged()).isEmpty();
    }

    @Test
    void logsAPeerEventAsNtpdsReportEventDoes() {
        events.peerEvent(source, 0x8014, PeerEvent.REACHABLE);

        assertThat(logged()).endsWith("ntpd[1]: 192.0.2.1 8014 84 reachable\n");
    }

    @Test
    void logsANewSystemPeerAsAPeerEvent() {
        events.peerEvent(source, 0x961a, PeerEvent.SYS_PEER);

        assertThat(logged()).endsWith("192.0.2.1 961a 8a sys_peer\n");
    }

    @Test
    void logsAKissOfDeathAsNtpdsPeerEvent() {
        events.peerEvent(source, 0x8037, PeerEvent.RATE_EXCEEDED);

        assertThat(logged()).endsWith("192.0.2.1 8037 87 rate_exceeded\n");
    }

    @Test
    void logsAnUnreachableSource() {
        events.peerEvent(source, 0x8033, PeerEvent.UNREACHABLE);

        assertThat(logged()).endsWith("192.0.2.1 8033 83 unreachable\n");
    }

    @Test
    void logsALeapSecondArmedAndDisarmed() {
        events.leapChanged(LeapState.INSERT);
        events.leapChanged(LeapState.NONE);

        assertThat(logged()).contains("leap_armed: a leap second is inserted at the end of this UTC day")
                .contains("leap_disarmed");
    }

    @Test
    void logsOrphanMode() {
        events.orphan(10);

        assertThat(logged()).contains("serving as an orphan at stratum 10");
    }

    @Test
    void showsSynchronisationStepsPanicsAndLeapsWithNtpdsDefaultMask() {
        log.useMask(LogMask.DEFAULT);

        events.synchronizedTo(source, 2);
        events.lostSynchronization(NoSelectionReason.NO_MAJORITY);
        events.stepped(0.5);
        events.panic(2000);
        events.leapChanged(LeapState.INSERT);

        assertThat(logged()).contains("synchronized to").contains("lost synchronization").contains("time reset")
                .contains("panic_stop").contains("leap_armed");
    }

    @Test
    void hidesPeerEventsAndKissesUnderNtpdsDefaultMask() {
        log.useMask(LogMask.DEFAULT);

        events.peerEvent(source, 0x8014, PeerEvent.REACHABLE);
        events.kissOfDeath(source, KissCode.DENY);

        assertThat(logged()).isEmpty();
    }

    @Test
    void showsPeerEventsWhenLogconfigAddsThem() {
        log.useMask(LogMask.DEFAULT.plus(LogMask.keyword("peerevents").orElseThrow()));

        events.peerEvent(source, 0x8014, PeerEvent.REACHABLE);
        events.kissOfDeath(source, KissCode.DENY);

        assertThat(logged()).contains("reachable").contains("kiss code DENY");
    }

    @Test
    void hidesSynchronisationChangesWhenLogconfigTakesThemAway() {
        log.useMask(LogMask.DEFAULT.minus(LogMask.keyword("syncstatus").orElseThrow()));

        events.synchronizedTo(source, 2);
        events.stepped(0.5);

        assertThat(logged()).doesNotContain("synchronized to").contains("time reset");
    }
}
