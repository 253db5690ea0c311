package org.jntp.leap;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Jazzer target for the leap-seconds.list parser, given an ASCII file as the daemon reads it (it
 * refuses any other octet before parsing): any file loads as a table or is rejected naming one of
 * its lines (or none, for the file as a whole), without throwing; a loaded table's entries come in
 * order, and the questions the daemon asks of it at any time (TAI offset, next leap, leap due at
 * the end of the month, expiry warning, the leap to arm) are answered without throwing.
 */
class LeapSecondsFileFuzzTest {
    /** 2000 to 2100, as Unix ns: where the daemon's clock may be. */
    private static final long FROM_NANOS = 946_684_800_000_000_000L;
    private static final long TO_NANOS = 4_102_444_800_000_000_000L;

    @FuzzTest
    void parsesAnyFileToATableOrARejectionNamingALine(FuzzedDataProvider data) {
        long nowNanos = data.consumeLong(FROM_NANOS, TO_NANOS);
        byte[] file = data.consumeRemainingAsBytes();
        for (int i = 0; i < file.length; i++) {
            file[i] &= 0x7f;
        }
        String text = new String(file, StandardCharsets.US_ASCII);
        int lines = (int) text.lines().count();

        switch (LeapSecondsFile.parse(text)) {
            case LeapFileResult.Rejected rejected -> {
                assertThat(rejected.lineNumber()).isBetween(0, lines);
                assertThat(rejected.logMessage("/etc/leap-seconds.list")).startsWith(LeapFileResult.LOG_PREFIX);
            }
            case LeapFileResult.Loaded loaded -> {
                LeapTable table = loaded.table();
                assertThat(table.entries()).isSortedAccordingTo((a, b) -> Long.compare(a.ntpSeconds(), b.ntpSeconds()));
                assertThat(loaded.logMessage("/etc/leap-seconds.list")).startsWith(LeapFileResult.LOG_PREFIX);
                table.taiOffsetAt(nowNanos);
                table.nextLeapAfter(nowNanos);
                table.leapAtEndOfMonth(nowNanos);
                table.expiryWarning(nowNanos);
                LeapSchedule.pending(nowNanos, table, Optional.empty());
            }
        }
    }
}
