package org.jntp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        assertThat(ConfigFiles.read(missing).errors()).extracting(ConfigError::toString).containsExactly(missing
                + ": cannot read the configuration: no such file; check the path and that the daemon may read it");
    }

    @Test
    void bytesOutsideAsciiDoNotStopTheParse() throws IOException {
        byte[] latin1Comment = {'#', ' ', (byte) 0xE9, '\n'};
        byte[] server = "server 192.0.2.1\n".getBytes(StandardCharsets.US_ASCII);
        byte[] text = new byte[latin1Comment.length + server.length];
        System.arraycopy(latin1Comment, 0, text, 0, latin1Comment.length);
        System.arraycopy(server, 0, text, latin1Comment.length, server.length);
        Files.write(directory.resolve("ntp.conf"), text);
        assertThat(ConfigFiles.read(directory.resolve("ntp.conf")).errors()).isEmpty();
    }
}
