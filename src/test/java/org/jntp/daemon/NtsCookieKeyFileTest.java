package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.Random;
import org.jntp.nts.MasterKeyRing;
import org.jntp.nts.MasterKeysFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NtsCookieKeyFileTest {
    private static final long DAY = MasterKeyRing.DEFAULT_ROTATION_SECONDS;
    private static final long NOW = 1_764_000_000;

    @TempDir
    Path directory;

    private final Random random = new Random(8915);
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
            () -> 0L, ZoneOffset.UTC, 1, 0);

    private Path file() {
        return directory.resolve("ntskeys");
    }

    private MasterKeyRing loadOrCreate(long nowSeconds) throws IOException {
        return NtsCookieKeyFile.loadOrCreate(file(), nowSeconds, DAY, random, log);
    }

    @Test
    void makesAndWritesKeysWhenThereIsNoFile() throws IOException {
        MasterKeyRing ring = loadOrCreate(NOW);

        assertThat(MasterKeysFile.parse(Files.readString(file()))).isEqualTo(new MasterKeysFile.Loaded(ring));
    }

    @Test
    void writesTheFileReadableByTheOwnerAlone() throws IOException {
        loadOrCreate(NOW);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }

    @Test
    void keepsTheKeysAcrossARestart() throws IOException {
        MasterKeyRing before = loadOrCreate(NOW);

        assertThat(loadOrCreate(NOW + 600)).isEqualTo(before);
    }

    @Test
    void rotatesAtStartWhenDueAndWritesTheRotation() throws IOException {
        MasterKeyRing before = loadOrCreate(NOW);

        MasterKeyRing after = loadOrCreate(NOW + DAY);

        assertThat(after.previous()).contains(before.current());
        assertThat(MasterKeysFile.parse(Files.readString(file()))).isEqualTo(new MasterKeysFile.Loaded(after));
    }

    @Test
    void replacesAnUnreadableKeyFileWithNewKeys() throws IOException {
        Files.writeString(file(), "not keys\n");

        MasterKeyRing ring = loadOrCreate(NOW);

        assertThat(MasterKeysFile.parse(Files.readString(file()))).isEqualTo(new MasterKeysFile.Loaded(ring));
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("line 1: unknown item \"not\"");
    }

    @Test
    void warnsWhenOthersMayReadTheKeys() throws IOException {
        NtsCookieKeyFile.store(file(), MasterKeyRing.create(NOW, random));
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));

        loadOrCreate(NOW);

        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("readable by other users");
    }
}
