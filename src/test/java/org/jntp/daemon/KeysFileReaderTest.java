package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jntp.auth.KeyRing;
import org.jntp.config.AuthSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysFileReaderTest {
    @TempDir
    Path directory;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final EventLog log = new EventLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8),
            () -> 0L, ZoneOffset.UTC, 1, 0);

    private String logged() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private Path keysFile(String text, String permissions) throws IOException {
        Path file = directory.resolve("ntp.keys");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private static AuthSettings settings(Path file, Integer... trusted) {
        return new AuthSettings(Optional.of(file.toString()), Set.of(trusted), OptionalInt.of(1), OptionalInt.empty());
    }

    @Test
    void loadsTheKeysWithTheTrustedIds() throws IOException {
        Path file = keysFile("1 SHA1 secret\n2 MD5 other\n", "rw-------");

        KeyRing keys = KeysFileReader.load(settings(file, 1), log);
        assertThat(keys.key(2)).isPresent();
        assertThat(keys.isTrusted(1)).isTrue();
        assertThat(keys.isTrusted(2)).isFalse();
        assertThat(logged()).contains("2 key(s) loaded, 1 trusted").doesNotContain("readable by every user");
    }

    @Test
    void warnsWhenEveryUserMayReadTheKeys() throws IOException {
        Path file = keysFile("1 SHA1 secret\n", "rw-r--r--");

        KeysFileReader.load(settings(file, 1), log);
        assertThat(logged()).contains("keys file " + file + " is readable by every user").contains("chmod o-r " + file);
    }

    @Test
    void runsWithoutKeysWhenTheFileIsMissingAndSaysSo() throws IOException {
        Path missing = directory.resolve("nothere.keys");

        KeyRing keys = KeysFileReader.load(settings(missing, 1), log);
        assertThat(keys.key(1)).isEmpty();
        assertThat(logged()).contains("keys file " + missing + " does not exist: running without keys");
    }

    @Test
    void refusesAFileWithErrorsNamingTheLines() throws IOException {
        Path file = keysFile("1 SHA1 secret\n0 MD5 bad\n", "rw-------");

        assertThatThrownBy(() -> KeysFileReader.load(settings(file), log)).isInstanceOf(IOException.class)
                .hasMessageContaining(file + ":2: key 0 cannot be changed")
                .hasMessageContaining("1 error(s) in keys file " + file + "; not starting");
    }

    @Test
    void logsKeysLeftOut() throws IOException {
        Path file = keysFile("1 SHA secret\n", "rw-------");

        KeysFileReader.load(settings(file), log);
        assertThat(logged()).contains(file + ":1: invalid type \"SHA\" for key 1; the key is left out");
    }

    @Test
    void withoutAKeysFileNoKeyIsKnown() throws IOException {
        AuthSettings none = new AuthSettings(Optional.empty(), Set.of(1), OptionalInt.of(1), OptionalInt.empty());

        assertThat(KeysFileReader.load(none, log).key(1)).isEmpty();
    }
}
