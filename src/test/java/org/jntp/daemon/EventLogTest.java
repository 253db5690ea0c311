package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jntp.config.LogMask;
import org.jntp.config.LogMask.LogClass;
import org.jntp.config.LogMask.LogType;
import org.junit.jupiter.api.Test;

class EventLogTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // 2026-11-26T08:25:50Z
    private final EventLog log = new EventLog(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            () -> 1_795_681_550_000L, ZoneOffset.UTC, 4555, 1);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesOneLineStampedAsNtpdDoes() {
        log.info("Listen normally on 2 lo 127.0.0.1:123");
        assertThat(written()).isEqualTo("26 Nov 08:25:50 ntpd[4555]: Listen normally on 2 lo 127.0.0.1:123\n");
    }

    @Test
    void stampsInTheLogsZoneWithAnUnpaddedDayAndPaddedTime() {
        // 2026-03-04T22:01:02Z, 5 March 01:01:02 three hours east
        EventLog east = new EventLog(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                () -> 1_772_661_662_000L, ZoneOffset.ofHours(3), 4555, 0);

        east.info("x");

        assertThat(written()).isEqualTo("5 Mar 01:01:02 ntpd[4555]: x\n");
    }

    @Test
    void writesDebugLinesOnlyUpToTheDebugLevel() {
        log.debug(1, "shown");
        log.debug(2, "hidden");
        assertThat(written()).contains("shown").doesNotContain("hidden");
    }

    @Test
    void makesADebugMessageOnlyWhenItsLevelIsLogged() {
        List<Integer> made = new ArrayList<>();
        log.debug(1, () -> {
            made.add(1);
            return "shown";
        });
        log.debug(2, () -> {
            made.add(2);
            return "hidden";
        });
        assertThat(made).containsExactly(1);
        assertThat(written()).contains("shown").doesNotContain("hidden");
    }

    @Test
    void writesEveryClassedLineUntilAMaskIsSet() {
        log.log(LogMask.of(LogClass.PEER, LogType.EVENTS), "192.0.2.1 8014 84 reachable");
        assertThat(written()).contains("reachable");
    }

    @Test
    void dropsAClassedLineTheMaskDoesNotLetThrough() {
        log.useMask(LogMask.DEFAULT);
        log.log(LogMask.of(LogClass.PEER, LogType.EVENTS), "192.0.2.1 8014 84 reachable");
        log.log(LogMask.of(LogClass.SYNC, LogType.STATUS), "synchronized to 192.0.2.1, stratum 2");
        assertThat(written()).doesNotContain("reachable").contains("synchronized to");
    }

    @Test
    void writesUnclassedLinesWhateverTheMask() {
        log.useMask(LogMask.NONE);
        log.info("Listen normally on 2 lo 127.0.0.1:123");
        assertThat(written()).contains("Listen normally");
    }

    @Test
    void writesToTheNewStreamOnceReopened() {
        ByteArrayOutputStream reopened = new ByteArrayOutputStream();

        PrintStream previous = log.writeTo(new PrintStream(reopened, true, StandardCharsets.UTF_8));
        log.info("after SIGHUP");

        assertThat(previous).isNotNull();
        assertThat(written()).isEmpty();
        assertThat(reopened.toString(StandardCharsets.UTF_8)).contains("after SIGHUP");
    }
}
