package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
    @TempDir
    Path directory;

    @Test
    void readsTheFileAndItsIncludesFromDisk() throws IOException {
        Files.createDirectories(directory.resolve("ntp.d"));
        Files.writeString(directory.resolve("ntp.conf"), "includefile ntp.d/servers.conf\nrestrict default noquery\n");
        Files.writeString(directory.resolve("ntp.d/servers.conf"), "server 192.0.2.1 iburst\n");
        ConfigResult result = ConfigFiles.read(directory.resolve("ntp.conf"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.config().associations()).hasSize(1);
        assertThat(result.config().restrictions()).hasSize(1);
    }

    @Test
    void missingFileIsAnErrorAboutTheWholeFile() {
        Path missing = directory.resolve("absent.conf");
        assertThat(ConfigFiles.read(missing).errors()).extracting(ConfigError::toString).containsExactly(
                missing + ": cannot read the configuration: no such file; check the path and that the daemon may read it");
    }

    @Test
    void bytesOutsideAsciiDoNotStopTheParse() throws IOException {
        Files.write(directory.resolve("ntp.conf"), new byte[] {'#', ' ', (byte) 0xE9, '\n', 's', 'e', 'r', 'v', 'e', 'r',
            ' ', '1', '9', '2', '.', '0', '.', '2', '.', '1', '\n'});
        assertThat(ConfigFiles.read(directory.resolve("ntp.conf")).errors()).isEmpty();
    }
}
