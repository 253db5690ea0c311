package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeapFileReaderTest {

    private static final long BEFORE_EXPIRY = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli() * 1_000_000L;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
            () -> 0L, ZoneOffset.UTC, 1, 0);

    private Path realList() throws IOException {
        Path file = directory.resolve("leap-seconds.list");
        try (InputStream in = LeapFileReaderTest.class.getResourceAsStream("/org/jntp/leap/leap-seconds.list")) {
            Files.copy(in, file);
        }
        return file;
    }

    private String logged() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void loadsTheIersListAndSaysSoAsNtpdDoes() throws IOException {
        Path file = realList();

        assertThat(LeapFileReader.load(file, log, BEFORE_EXPIRY)).isPresent();
        assertThat(logged()).contains("leapsecond file ('" + file + "'): loaded").contains("ofs=37");
    }

    @Test
    void refusesATamperedListAndLeavesLeapsToTheVote() throws IOException {
        Path file = realList();
        Files.writeString(file, Files.readString(file).replace("3692217600      37", "3692217600      38"));

        assertThat(LeapFileReader.load(file, log, BEFORE_EXPIRY)).isEmpty();
        assertThat(logged()).contains("leapsecond file").contains("sources' vote");
    }

    @Test
    void saysWhenTheFileCannotBeRead() {
        assertThat(LeapFileReader.load(directory.resolve("absent.list"), log, BEFORE_EXPIRY)).isEmpty();
        assertThat(logged()).contains("cannot read it");
    }
}
