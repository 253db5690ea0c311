package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.jntp.discipline.NoSelectionReason;
import org.jntp.protocol.KissCode;
import org.junit.jupiter.api.Test;

class SyncLogTest {
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final SyncLog events = new SyncLog(new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
            () -> 0, ZoneOffset.UTC, 1, 0), 1000);

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
}
