package org.jntp.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {
    @TempDir
    Path dir;

    @Test
    void holdsThePidWhileOpenAndIsRemovedOnClose() throws Exception {
        Path path = dir.resolve("run/ntpd.pid");
        try (PidFile ignored = PidFile.write(path, 4555)) {
            assertThat(Files.readString(path)).isEqualTo("4555\n");
        }
        assertThat(path).doesNotExist();
    }
}
