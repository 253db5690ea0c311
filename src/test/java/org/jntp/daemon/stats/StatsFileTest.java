package org.jntp.daemon.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jntp.daemon.EventLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsFileTest {
    private static final long PID = 4555;
    private static final long LAST_SECOND = nanos("2026-11-26T23:59:59Z");
    private static final long MIDNIGHT = nanos("2026-11-27T00:00:00Z");

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), () -> 0,
            ZoneOffset.UTC, PID, 0);

    @TempDir
    Path dir;

    private static long nanos(String utc) {
        return Instant.parse(utc).getEpochSecond() * 1_000_000_000L;
    }

    private StatsFile file(GenerationType type, boolean link, boolean enabled) {
        return new StatsFile(new FileGenSettings("loopstats", dir.resolve("loopstats").toString(), type, link,
                enabled), PID, log);
    }

    @Test
    void appendsEachLineToTheGenerationOfItsTime() throws Exception {
        Files.writeString(dir.resolve("loopstats.20261126"), "earlier\n");
        try (StatsFile file = file(GenerationType.DAY, false, true)) {
            file.append("first", LAST_SECOND, 0);
            file.append("second", LAST_SECOND, 0);

            assertThat(dir.resolve("loopstats.20261126")).hasContent("earlier\nfirst\nsecond");
        }
    }

    @Test
    void opensTheNextGenerationWhenTheTimeLeavesTheCurrentOne() throws Exception {
        try (StatsFile file = file(GenerationType.DAY, false, true)) {
            file.append("before", LAST_SECOND, 0);
            file.append("after", MIDNIGHT, 0);
        }

        assertThat(dir.resolve("loopstats.20261126")).hasContent("before");
        assertThat(dir.resolve("loopstats.20261127")).hasContent("after");
        assertThat(dir.resolve("loopstats")).doesNotExist();
    }

    @Test
    void linksThePlainNameToTheCurrentGenerationAndMovesItToTheNext() throws Exception {
        try (StatsFile file = file(GenerationType.DAY, true, true)) {
            file.append("before", LAST_SECOND, 0);
            assertThat(Files.isSameFile(dir.resolve("loopstats"), dir.resolve("loopstats.20261126"))).isTrue();

            file.append("after", MIDNIGHT, 0);
        }

        assertThat(Files.isSameFile(dir.resolve("loopstats"), dir.resolve("loopstats.20261127"))).isTrue();
        assertThat(dir.resolve("loopstats")).hasContent("after");
        assertThat(dir.resolve("loopstats.20261126")).hasContent("before");
    }

    @Test
    void movesAsideAPlainFileLinkedNowhereElse() throws Exception {
        Files.writeString(dir.resolve("loopstats"), "someone's data\n");
        try (StatsFile file = file(GenerationType.DAY, true, true)) {
            file.append("record", LAST_SECOND, 0);
        }

        assertThat(dir.resolve("loopstats.4555C0")).hasContent("someone's data");
        assertThat(dir.resolve("loopstats")).hasContent("record");
    }

    @Test
    void writesTypeNoneToThePlainName() throws Exception {
        try (StatsFile file = file(GenerationType.NONE, true, true)) {
            file.append("record", LAST_SECOND, 0);
            file.append("next day", MIDNIGHT, 0);
        }

        assertThat(dir.resolve("loopstats")).hasContent("record\nnext day");
        assertThat(log()).isEmpty();
    }

    @Test
    void writesNothingWhileDisabled() throws Exception {
        try (StatsFile file = file(GenerationType.DAY, true, false)) {
            file.append("record", LAST_SECOND, 0);
        }

        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void logsAFileThatCannotBeOpenedOnceNamingTheErrorAndThrowsNothing() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("stats"), "");
        String base = notADirectory.resolve("loopstats").toString();
        try (StatsFile file = new StatsFile(new FileGenSettings("loopstats", base, GenerationType.DAY, true, true),
                PID, log)) {
            file.append("first", LAST_SECOND, 0);
            file.append("second", LAST_SECOND, 0);
        }

        assertThat(log().lines()).singleElement().asString()
                .endsWith("can't open " + base + ".20261126: Not a directory");
    }

    @Test
    void logsAFailedWriteOnceAndDropsTheRestOfTheGeneration() {
        // writes to /dev/full fail as on a full disk
        try (StatsFile file = new StatsFile(new FileGenSettings("loopstats", "/dev/full", GenerationType.NONE, true,
                true), PID, log)) {
            file.append("first", LAST_SECOND, 0);
            file.append("second", LAST_SECOND, 0);
        }

        assertThat(log().lines()).singleElement().asString()
                .endsWith("can't write /dev/full: No space left on device");
    }

    @Test
    void triesAgainAtTheNextGeneration() throws Exception {
        Path stats = Files.writeString(dir.resolve("stats"), "");
        String base = stats.resolve("loopstats").toString();
        try (StatsFile file = new StatsFile(new FileGenSettings("loopstats", base, GenerationType.DAY, false, true),
                PID, log)) {
            file.append("lost", LAST_SECOND, 0);
            Files.delete(stats);
            Files.createDirectory(stats);
            file.append("still lost", LAST_SECOND, 0);
            file.append("written", MIDNIGHT, 0);
        }

        assertThat(stats.resolve("loopstats.20261127")).hasContent("written");
        assertThat(stats.resolve("loopstats.20261126")).doesNotExist();
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }
}
